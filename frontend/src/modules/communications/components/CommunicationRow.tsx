// One message: what it is (kind), by which channel, its delivery state as a chip and when; a
// failed or skipped one shows why at once, with "Resend" (edit:customers). Expands to the
// recipient, subject, attempts, times and the full text.
import { useId, useState, type ReactNode } from "react";
import type { CommunicationFieldsFragment } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format/dates";
import { ResendButton } from "../../messages/components/ResendButton";
import { DELIVERY_TEXT, KIND_LABEL, MEDIUM_LABEL, RESENDABLE } from "../utils/labels";
import { DeliveryStatusChip } from "./DeliveryStatusChip";

/** The subject, else the text's first line; nothing for a message not written yet (composed when sent). */
function summary(message: CommunicationFieldsFragment): string {
  if (message.subject) return message.subject;
  const firstLine = message.body?.split("\n").find((line) => line.trim() !== "");
  if (firstLine) return firstLine;
  if (!message.body && !message.sentAt) return "";
  return message.medium === "SMS" ? "Text message" : "(no subject)";
}

/** The moment that describes the message best: sent, else due (queued), else created. */
export function messageTime(message: CommunicationFieldsFragment): string {
  return message.sentAt ?? message.dueAt ?? message.createdAt;
}

const attemptsText = (attempts: number) => `${attempts} ${attempts === 1 ? "attempt" : "attempts"}`;

interface Props {
  message: CommunicationFieldsFragment;
  /** Shown under the heading line (e.g. the appointment the message is about). */
  context?: ReactNode;
  /** After "Resend" queued a new message. */
  onResent?: () => void;
}

export function CommunicationRow({ message, context, onResent }: Props) {
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  const kindId = useId();
  const summaryId = useId();
  const when = messageTime(message);
  const problem = RESENDABLE.includes(message.status);
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
        <span className="message__kind" id={kindId}>
          {KIND_LABEL[message.kind]}
        </span>
        <span className="message__medium">{MEDIUM_LABEL[message.medium]}</span>
        <span className="message__summary" id={summaryId}>
          {summary(message)}
        </span>
        <DeliveryStatusChip status={message.status} />
        <time className="message__when" dateTime={when}>
          {formatDateTime(when)}
        </time>
      </button>
      {context}
      {problem && (
        <div className="message__problem">
          <p className="message__error">
            {message.status === "FAILED" ? `Failed after ${attemptsText(message.attempts)}` : "Not sent"}
            {message.error ? `: ${message.error}` : "."}
          </p>
          <ResendButton id={message.id} describedBy={`${kindId} ${summaryId}`} onResent={onResent} />
        </div>
      )}
      <div id={panelId} className="message__details" hidden={!expanded}>
        {expanded && <MessageDetails message={message} />}
      </div>
    </li>
  );
}

function MessageDetails({ message }: { message: CommunicationFieldsFragment }) {
  const at = (value: string) => <time dateTime={value}>{formatDateTime(value)}</time>;
  return (
    <dl className="details">
      <dt>Kind</dt>
      <dd>{KIND_LABEL[message.kind]}</dd>
      <dt>Medium</dt>
      <dd>
        {MEDIUM_LABEL[message.medium]}
        {message.parts && message.parts > 1 ? ` · ${message.parts} SMS parts` : ""}
      </dd>
      <dt>Recipient</dt>
      <dd>
        {message.recipient ?? <span className="muted">{message.sentAt || message.status === "FAILED" ? "Removed (anonymised)" : "Chosen when it is sent"}</span>}
      </dd>
      {message.medium === "EMAIL" && (
        <>
          <dt>Subject</dt>
          <dd>{message.subject ?? <span className="muted">None</span>}</dd>
        </>
      )}
      <dt>Status</dt>
      <dd>
        {DELIVERY_TEXT[message.status]}
        {message.attempts > 1 && ` · ${attemptsText(message.attempts)}`}
      </dd>
      {message.error && (
        <>
          <dt>{message.status === "PENDING" ? "Last attempt's error" : "Error details"}</dt>
          <dd className="message__error">{message.error}</dd>
        </>
      )}
      <dt>Queued</dt>
      <dd>{at(message.createdAt)}</dd>
      {!message.sentAt && message.dueAt !== message.createdAt && message.status === "PENDING" && (
        <>
          <dt>Due</dt>
          <dd>{at(message.dueAt)}</dd>
        </>
      )}
      {message.nextAttemptAt && (
        <>
          <dt>Next attempt</dt>
          <dd>{at(message.nextAttemptAt)}</dd>
        </>
      )}
      {message.sentAt && (
        <>
          <dt>Sent</dt>
          <dd>{at(message.sentAt)}</dd>
        </>
      )}
      <dt>Message</dt>
      <dd>
        {message.body ? (
          <pre className="message__body">{message.body}</pre>
        ) : (
          <span className="muted">{message.sentAt ? "The message body was not kept (anonymised)." : "Written when it is sent."}</span>
        )}
      </dd>
    </dl>
  );
}
