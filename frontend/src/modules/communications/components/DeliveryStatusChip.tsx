// A message's delivery state as a chip: the word and an icon carry it, the colour only repeats
// it (Sent green, Failed red, Skipped grey, Pending and Sending neutral).
import type { DeliveryStatus } from "../../../gql/graphql";
import { DELIVERY_LABEL } from "../utils/labels";
import "./communications.css";

const ICON: Record<DeliveryStatus, string> = {
  PENDING: "…",
  SENDING: "↻",
  SENT: "✓",
  FAILED: "✕",
  SKIPPED: "–",
};

export function DeliveryStatusChip({ status }: { status: DeliveryStatus }) {
  return (
    <span className={`delivery delivery--${status.toLowerCase()}`}>
      <span className="delivery__icon" aria-hidden="true">
        {ICON[status]}
      </span>
      {DELIVERY_LABEL[status]}
    </span>
  );
}
