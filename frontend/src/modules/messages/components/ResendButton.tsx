// "Resend" beside a FAILED or SKIPPED message (edit:customers): communicationResend queues a new
// message (the old one stays); its refusal (blocked, channel off, appointment over…) is shown
// beside the button, and `onResent` lets the list show the new row.
import { useState } from "react";
import { useMutation } from "urql";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { errorText } from "../../../shared/components/States";
import { useCan } from "../../session/hooks/useSession";
import { CommunicationResendMutation } from "../graphql/CommunicationResendMutation";

interface Props {
  id: string;
  /** The id of the text naming the message (the button's description). */
  describedBy?: string;
  onResent?: () => void;
}

export function ResendButton({ id, describedBy, onResent }: Props) {
  const canEdit = useCan("EDIT_CUSTOMERS");
  const [{ fetching }, resend] = useMutation(CommunicationResendMutation);
  const [errors, setErrors] = useState<readonly SimpleUserError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  if (!canEdit) return null;

  async function onClick() {
    setErrors([]);
    setFailure(null);
    setDone(false);
    const result = await resend({ id });
    const payload = result.data?.communicationResend;
    if (!payload) return setFailure(result.error ? errorText(result.error) : "The server sent no answer.");
    if (payload.userErrors.length || !payload.communication) return setErrors(payload.userErrors);
    setDone(true);
    onResent?.();
  }

  return (
    <>
      <button type="button" className="button button--small" aria-describedby={describedBy} disabled={fetching} onClick={onClick}>
        {fetching ? "Resending…" : "Resend"}
      </button>
      <div className="message__resend-result">
        <UserErrorList errors={errors} title="It was not sent again:" />
        {failure && (
          <p className="form-errors" role="alert">
            It could not be sent again. {failure}
          </p>
        )}
        <p className="muted" role="status">
          {done ? "Sent again: a new message is queued." : ""}
        </p>
      </div>
    </>
  );
}
