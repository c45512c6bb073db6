import type { CommunicationStatus } from "../../../gql/graphql";

/**
 * Whether the customer gets messages (email / SMS about appointments): "Messages allowed"
 * (green) or "Messages off" (amber, outlined), when the communication status is BLOCKED or both
 * email and SMS are switched off. Not to be confused with BookingBlockedChip (online booking).
 */
export function StatusChip({ status, emailEnabled = true, smsEnabled = true }: { status: CommunicationStatus; emailEnabled?: boolean; smsEnabled?: boolean }) {
  const allowed = status === "ALLOWED";
  const off = !allowed || (!emailEnabled && !smsEnabled);
  const title = !allowed
    ? "Communication status BLOCKED: no email or SMS is sent"
    : off
      ? "Email and SMS are both switched off"
      : !emailEnabled
        ? "Messages allowed; email is switched off"
        : !smsEnabled
          ? "Messages allowed; SMS is switched off"
          : "Email and SMS may be sent";
  return (
    <span className={`chip chip--messages ${off ? "chip--blocked" : "chip--allowed"}`} title={title}>
      <span className="chip__icon" aria-hidden="true">
        ✉
      </span>
      {off ? "Messages off" : "Messages allowed"}
    </span>
  );
}
