// What staff do to an appointment: confirm or decline a request, reschedule, cancel with a
// reason, mark a no-show, complete. One confirmation per kind (useConfirmedMutation), shared by
// every row of a page; <AppointmentActionDialogs> shows the one waiting. Reschedule is a form
// (<RescheduleDialog>), so it only keeps which appointment is being moved.
import { useState } from "react";
import type { AppointmentFieldsFragment } from "../../../gql/graphql";
import { useConfirmedMutation } from "../../../shared/hooks/useConfirmedMutation";
import { AppointmentCancelMutation } from "../graphql/AppointmentCancelMutation";
import { AppointmentCompleteMutation } from "../graphql/AppointmentCompleteMutation";
import { AppointmentConfirmMutation } from "../graphql/AppointmentConfirmMutation";
import { AppointmentDeclineMutation } from "../graphql/AppointmentDeclineMutation";
import { AppointmentMarkNoShowMutation } from "../graphql/AppointmentMarkNoShowMutation";

export type ActionAppointment = Pick<AppointmentFieldsFragment, "id" | "title" | "services" | "startsAt" | "endsAt" | "allDay" | "status" | "readOnlyReason">;

/** An appointment and the reason typed so far (cancel, decline). */
export interface WithReason {
  appointment: ActionAppointment;
  reason: string;
}

const reasonOrNull = (reason: string) => (reason.trim() === "" ? null : reason.trim());

export function useAppointmentActions({ onDone }: { onDone?: () => void } = {}) {
  const cancel = useConfirmedMutation(AppointmentCancelMutation, {
    variables: ({ appointment, reason }: WithReason) => ({ id: appointment.id, reason: reasonOrNull(reason) }),
    payload: (data) => data.appointmentCancel,
    done: (payload) => payload.appointment !== null,
    onDone,
  });
  const decline = useConfirmedMutation(AppointmentDeclineMutation, {
    variables: ({ appointment, reason }: WithReason) => ({ id: appointment.id, reason: reasonOrNull(reason) }),
    payload: (data) => data.appointmentDecline,
    done: (payload) => payload.appointment !== null,
    onDone,
  });
  const complete = useConfirmedMutation(AppointmentCompleteMutation, {
    variables: (appointment: ActionAppointment) => ({ id: appointment.id }),
    payload: (data) => data.appointmentComplete,
    done: (payload) => payload.appointment !== null,
    onDone,
  });
  const noShow = useConfirmedMutation(AppointmentMarkNoShowMutation, {
    variables: (appointment: ActionAppointment) => ({ id: appointment.id }),
    payload: (data) => data.appointmentMarkNoShow,
    done: (payload) => payload.appointment !== null,
    onDone,
  });
  const confirmRequest = useConfirmedMutation(AppointmentConfirmMutation, {
    variables: (appointment: ActionAppointment) => ({ id: appointment.id }),
    payload: (data) => data.appointmentConfirm,
    done: (payload) => payload.appointment !== null,
    onDone,
  });
  const [rescheduling, setRescheduling] = useState<ActionAppointment | null>(null);
  return {
    cancel,
    decline,
    complete,
    noShow,
    confirmRequest,
    reschedule: { pending: rescheduling, ask: setRescheduling, cancel: () => setRescheduling(null) },
    onDone,
  };
}

export type AppointmentActions = ReturnType<typeof useAppointmentActions>;
