// "Send message" from the profile (edit:customers): the channel (only usable ones can be chosen,
// each unusable one says why), a subject for an email, and the text. messageSend queues it;
// userErrors show at their fields, the rest above the buttons.
import { useId, useRef, useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { CommunicationFieldsFragment, Medium } from "../../../gql/graphql";
import { Dialog } from "../../../shared/components/Dialog";
import { Field } from "../../../shared/components/Field";
import { FormActions } from "../../../shared/components/FormActions";
import { ErrorState } from "../../../shared/components/States";
import { fieldError, otherErrors, UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { useFocusFirstInvalid } from "../../../shared/hooks/useFocusFirstInvalid";
import { MEDIUM_LABEL } from "../../communications/utils/labels";
import { MessageSendMutation } from "../graphql/MessageSendMutation";
import { channelProblem, defaultMedium, MEDIUMS, type Reachable } from "../utils/channels";

/** The server's limits (communications/messages.py). */
export const MAX_SUBJECT = 200;
export const MAX_BODY: Record<Medium, number> = { EMAIL: 5000, SMS: 1000 };

const FIELDS = ["medium", "subject", "body"];

export interface MessageValues {
  medium: Medium;
  subject: string;
  body: string;
}

/** What the form finds itself before sending (the server checks the same). */
export function checkMessage(values: MessageValues): SimpleUserError[] {
  const errors: SimpleUserError[] = [];
  if (values.medium === "EMAIL") {
    const subject = values.subject.trim();
    if (!subject) errors.push({ field: "subject", message: "An email needs a subject.", code: "REQUIRED" });
    else if (subject.length > MAX_SUBJECT) errors.push({ field: "subject", message: `At most ${MAX_SUBJECT} characters.`, code: "TOO_LONG" });
  }
  const body = values.body.trim();
  const limit = MAX_BODY[values.medium];
  if (!body) errors.push({ field: "body", message: "Write the message.", code: "REQUIRED" });
  else if (body.length > limit) errors.push({ field: "body", message: `At most ${limit} characters (this one has ${body.length}).`, code: "TOO_LONG" });
  return errors;
}

export interface MessageCustomer extends Reachable {
  id: string;
  displayName: string;
}

interface Props {
  open: boolean;
  customer: MessageCustomer;
  onClose: () => void;
  onSent: (message: CommunicationFieldsFragment) => void;
}

export function SendMessageDialog({ open, customer, onClose, onSent }: Props) {
  return (
    <Dialog open={open} title={`Message to ${customer.displayName || "this customer"}`} onClose={onClose}>
      <SendMessageForm customer={customer} onCancel={onClose} onSent={onSent} />
    </Dialog>
  );
}

function SendMessageForm({ customer, onCancel, onSent }: { customer: MessageCustomer; onCancel: () => void; onSent: Props["onSent"] }) {
  const formId = useId();
  const [values, setValues] = useState<MessageValues>(() => ({ medium: defaultMedium(customer), subject: "", body: "" }));
  const [errors, setErrors] = useState<readonly SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, send] = useMutation(MessageSendMutation);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors.length ? errors : null);
  const set = (field: "subject" | "body") => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const local = checkMessage(values);
    if (local.length) {
      setErrors(local);
      return;
    }
    const result = await send({
      customerId: customer.id,
      medium: values.medium,
      subject: values.medium === "EMAIL" ? values.subject.trim() : null,
      body: values.body.trim(),
    });
    const payload = result.data?.messageSend;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    if (payload.userErrors.length || !payload.communication) return setErrors(payload.userErrors);
    onSent(payload.communication);
  }

  const limit = MAX_BODY[values.medium];
  const length = values.body.trim().length;
  return (
    <form ref={formRef} id={formId} className="form send-message" onSubmit={onSubmit} noValidate aria-label="New message">
      <fieldset className="form__group send-message__channels" aria-describedby={fieldError(errors, "medium") ? `${formId}-medium-error` : undefined}>
        <legend>Send by</legend>
        {MEDIUMS.map((medium) => {
          const problem = channelProblem(customer, medium);
          const address = medium === "EMAIL" ? customer.email : customer.mobilePhone;
          return (
            <label key={medium} className={`send-message__channel${problem ? " send-message__channel--off" : ""}`}>
              <input
                type="radio"
                name={`${formId}-medium`}
                value={medium}
                checked={values.medium === medium}
                disabled={problem !== null}
                onChange={() => setValues((current) => ({ ...current, medium }))}
              />
              <span>
                {MEDIUM_LABEL[medium]}
                <span className="muted"> {problem ? `– ${problem}` : `to ${address}`}</span>
              </span>
            </label>
          );
        })}
        {fieldError(errors, "medium") && (
          <p className="field__error" id={`${formId}-medium-error`}>
            {fieldError(errors, "medium")}
          </p>
        )}
      </fieldset>
      {values.medium === "EMAIL" && (
        <Field label="Subject" required error={fieldError(errors, "subject")}>
          {(control) => <input {...control} name="subject" maxLength={MAX_SUBJECT} value={values.subject} onChange={set("subject")} data-autofocus />}
        </Field>
      )}
      <Field
        label="Message"
        required
        error={fieldError(errors, "body")}
        hint={`${length} of ${limit} characters. A link to the customer's message preferences is added at the end.`}
      >
        {(control) => (
          <textarea
            {...control}
            name="body"
            rows={values.medium === "SMS" ? 4 : 8}
            value={values.body}
            onChange={set("body")}
            data-autofocus={values.medium === "SMS" ? true : undefined}
          />
        )}
      </Field>
      <UserErrorList errors={otherErrors(errors, FIELDS)} title="The message was not sent:" />
      {failure && <ErrorState title="The message could not be sent." error={failure} />}
      <FormActions onCancel={onCancel} busy={fetching} label="Send message" busyLabel="Sending…" />
    </form>
  );
}
