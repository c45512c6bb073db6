// "Ignore events like this…": an ignore rule from an unmatched appointment's title (editable, so
// "Team meeting 12 May" can become "Team meeting"); calendarIgnoreRuleCreate removes the
// unmatched appointments it covers. The API's refusal shows at the field or above the buttons.
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { AppointmentFieldsFragment } from "../../../gql/graphql";
import { Dialog } from "../../../shared/components/Dialog";
import { Field } from "../../../shared/components/Field";
import { FormActions } from "../../../shared/components/FormActions";
import { ErrorState } from "../../../shared/components/States";
import { fieldError, otherErrors, UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { CalendarIgnoreRuleCreateMutation } from "../graphql/CalendarIgnoreRuleCreateMutation";
import { MAX_RULE_TEXT, MIN_RULE_TEXT, ruleText } from "../utils/ignoreRules";

interface Props {
  appointment: AppointmentFieldsFragment | null;
  onClose: () => void;
  /** The rule's text as stored, and how many unmatched appointments it removed. */
  onIgnored: (text: string, removedAppointments: number) => void;
}

export function IgnoreEventsDialog({ appointment, onClose, onIgnored }: Props) {
  return (
    <Dialog open={appointment !== null} title="Ignore events like this" onClose={onClose} size="narrow">
      {appointment && <IgnoreForm key={appointment.id} title={appointment.title ?? ""} onClose={onClose} onIgnored={onIgnored} />}
    </Dialog>
  );
}

function IgnoreForm({ title, onClose, onIgnored }: { title: string; onClose: () => void; onIgnored: Props["onIgnored"] }) {
  const [text, setText] = useState(ruleText(title).slice(0, MAX_RULE_TEXT));
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, create] = useMutation(CalendarIgnoreRuleCreateMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const wanted = ruleText(text);
    if (wanted.length < MIN_RULE_TEXT) {
      return setErrors([{ field: "titleContains", message: `Enter at least ${MIN_RULE_TEXT} characters.`, code: "REQUIRED" }]);
    }
    const result = await create({ titleContains: wanted });
    const payload = result.data?.calendarIgnoreRuleCreate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length || !payload.rule) return setErrors(payload.userErrors);
    onIgnored(payload.rule.titleContains, payload.removedAppointments);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Ignore events like this">
      <Field
        label="Title contains"
        hint="Events whose title contains this text and that name no customer will not become appointments. Any case; shorten it to cover more (e.g. without a date)."
        error={fieldError(errors, "titleContains")}
      >
        {(control) => (
          <input {...control} name="titleContains" autoComplete="off" maxLength={MAX_RULE_TEXT} data-autofocus value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <p className="muted">The unmatched appointments it covers are removed now. Removing the rule later brings its events back at the next sync.</p>
      <UserErrorList errors={otherErrors(errors, ["titleContains"])} title="The rule was not made:" />
      {failure && <ErrorState title="The rule could not be made." error={failure} />}
      <FormActions onCancel={onClose} busy={fetching} label="Ignore these events" busyLabel="Saving…" />
    </form>
  );
}
