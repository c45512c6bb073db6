// One message about an appointment; expands to medium, recipient, subject, outcome, error and
// the full body.
import { useId, useState } from "react";
import type { CommunicationFieldsFragment, DeliveryStatus, Medium } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format/dates";

export const MEDIUM_LABEL: Record<Medium, string> = { EMAIL: "Email", SMS: "SMS" };
export const DELIVERY_LABEL: Record<DeliveryStatus, string> = {
  SENT: "Sent",
  FAILED: "Failed",
  PENDING: "Pending",
};

function summary(message: CommunicationFieldsFragment): string {
  if (message.subject) return message.subject;
  const firstLine = message.body?.split("\n").find((line) => line.trim() !== "");
  return firstLine ?? (message.medium === "SMS" ? "Text message" : "(no subject)");
}

export function CommunicationRow({ message }: { message: CommunicationFieldsFragment }) {
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  const when = message.sentAt ?? message.createdAt;
  return (
    <li className={`message message--${message.status.toLowerCase()}`}>
      <button
        type="button"
        className="disclosure message__toggle"
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={() => setExpanded((open) => !open)}
      >
        <span className="disclosure__icon" aria-hidden="true" />
        <span className="message__medium">{MEDIUM_LABEL[message.medium]}</span>
        <span className="message__summary">{summary(message)}</span>
        <span className={`badge badge--${message.status.toLowerCase()}`}>{DELIVERY_LABEL[message.status]}</span>
        <time className="message__when" dateTime={when}>
          {formatDateTime(when)}
        </time>
      </button>
      <div id={panelId} className="message__details" hidden={!expanded}>
        {expanded && (
          <>
            <dl className="details">
              <dt>Medium</dt>
              <dd>{MEDIUM_LABEL[message.medium]}</dd>
              <dt>Recipient</dt>
              <dd>{message.recipient ?? <span className="muted">Removed (anonymised)</span>}</dd>
              {message.medium === "EMAIL" && (
                <>
                  <dt>Subject</dt>
                  <dd>{message.subject ?? <span className="muted">None</span>}</dd>
                </>
              )}
              <dt>Status</dt>
              <dd>
                {message.status === "SENT"
                  ? "Delivered (sent successfully)"
                  : message.status === "FAILED"
                    ? "Delivery failed"
                    : "Not delivered yet"}
                {message.attempts > 1 && ` · ${message.attempts} attempts`}
              </dd>
              {message.error && (
                <>
                  <dt>Error details</dt>
                  <dd className="message__error">{message.error}</dd>
                </>
              )}
              <dt>{message.sentAt ? "Sent" : "Queued"}</dt>
              <dd>
                <time dateTime={when}>{formatDateTime(when)}</time>
              </dd>
              <dt>Message</dt>
              <dd>
                {message.body ? (
                  <pre className="message__body">{message.body}</pre>
                ) : (
                  <span className="muted">The message body was not kept (anonymised).</span>
                )}
              </dd>
            </dl>
          </>
        )}
      </div>
    </li>
  );
}
