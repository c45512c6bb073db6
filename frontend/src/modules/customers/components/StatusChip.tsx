import type { CommunicationStatus } from "../../../gql/graphql";

/** The communication status: a green ALLOWED chip or a red BLOCKED chip. */
export function StatusChip({ status }: { status: CommunicationStatus }) {
  const allowed = status === "ALLOWED";
  return (
    <span
      className={`chip ${allowed ? "chip--allowed" : "chip--blocked"}`}
      title={allowed ? "Notifications may be sent" : "Communications are disabled"}
    >
      <span className="visually-hidden">Communication status: </span>
      {status}
    </span>
  );
}
