// The dialogs behind AppointmentActionButtons: Cancel and Decline ask for a reason (a form on the
// confirmation), Complete, No-show and Confirm are plain confirmations, Reschedule a form.
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { ReasonConfirmDialog } from "../../../shared/components/ReasonConfirmDialog";
import type { Confirmation } from "../../../shared/hooks/useConfirmedMutation";
import type { AppointmentActions, WithReason } from "../hooks/useAppointmentActions";
import { appointmentLabel } from "./AppointmentActionButtons";
import { RescheduleDialog } from "./RescheduleDialog";

export function AppointmentActionDialogs({ actions }: { actions: AppointmentActions }) {
  const { complete, noShow, confirmRequest } = actions;
  return (
    <>
      <ReasonDialog
        confirmation={actions.cancel}
        title="Cancel this appointment?"
        explanation="The appointment stays in the history as cancelled and counts as a cancellation."
        hint="Optional; kept with the appointment (staff only)."
        label="Cancel appointment"
        busyLabel="Cancelling…"
        errorsTitle="The appointment was not cancelled:"
        failureTitle="The appointment could not be cancelled."
      />
      <ReasonDialog
        confirmation={actions.decline}
        title="Decline this request?"
        explanation="The request is cancelled; it stays in the customer's history."
        hint="Optional; kept with the appointment (staff only)."
        label="Decline request"
        busyLabel="Declining…"
        errorsTitle="The request was not declined:"
        failureTitle="The request could not be declined."
      />
      <ConfirmDialog
        confirmation={complete}
        title="Mark as completed?"
        label="Mark completed"
        busyLabel="Saving…"
        tone="primary"
        errorsTitle="The appointment was not changed:"
        failureTitle="The appointment could not be changed."
      >
        <p>{complete.pending && appointmentLabel(complete.pending)} took place. It counts as a visit.</p>
      </ConfirmDialog>
      <ConfirmDialog
        confirmation={noShow}
        title="Mark as no-show?"
        label="Mark no-show"
        busyLabel="Saving…"
        errorsTitle="The appointment was not changed:"
        failureTitle="The appointment could not be changed."
      >
        <p>The customer did not come to {noShow.pending && appointmentLabel(noShow.pending)}. It counts as a no-show.</p>
      </ConfirmDialog>
      <ConfirmDialog
        confirmation={confirmRequest}
        title="Confirm this request?"
        label="Confirm appointment"
        busyLabel="Confirming…"
        tone="primary"
        errorsTitle="The request was not confirmed:"
        failureTitle="The request could not be confirmed."
      >
        <p>{confirmRequest.pending && appointmentLabel(confirmRequest.pending)} becomes a scheduled appointment.</p>
      </ConfirmDialog>
      <RescheduleDialog appointment={actions.reschedule.pending} onClose={actions.reschedule.cancel} onDone={actions.onDone} />
    </>
  );
}

function ReasonDialog({
  confirmation,
  explanation,
  ...labels
}: {
  confirmation: Confirmation<WithReason>;
  title: string;
  explanation: string;
  hint: string;
  label: string;
  busyLabel: string;
  errorsTitle: string;
  failureTitle: string;
}) {
  return (
    <ReasonConfirmDialog confirmation={confirmation} cancelLabel="Keep it" {...labels}>
      <p>
        <strong>{confirmation.pending && appointmentLabel(confirmation.pending.appointment)}</strong>. {explanation}
      </p>
    </ReasonConfirmDialog>
  );
}
