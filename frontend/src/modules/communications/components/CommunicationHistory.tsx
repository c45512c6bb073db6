import type { CommunicationFieldsFragment } from "../../../gql/graphql";
import { CommunicationRow } from "./CommunicationRow";

interface Props {
  messages: CommunicationFieldsFragment[];
  totalCount: number;
  /** After "Resend" queued a new message: the profile fetches itself afresh. */
  onChanged?: () => void;
}

/** Every message sent in the context of one appointment, oldest first. */
export function CommunicationHistory({ messages, totalCount, onChanged }: Props) {
  return (
    <div className="communications">
      <h5 className="communications__title">Communication history ({totalCount})</h5>
      {messages.length === 0 ? (
        <p className="muted">No messages were sent about this appointment.</p>
      ) : (
        <ul className="communications__list">
          {messages.map((message) => (
            <CommunicationRow key={message.id} message={message} onResent={onChanged} />
          ))}
        </ul>
      )}
      {totalCount > messages.length && (
        <p className="muted">Showing the first {messages.length} of {totalCount} messages.</p>
      )}
    </div>
  );
}
