/**
 * Red chip when a block rule keeps the customer from booking online (not about messages: see
 * StatusChip). Solid red with a "no entry" sign, so it never reads like "Messages off".
 */
export function BookingBlockedChip() {
  return (
    <span className="chip chip--blocked chip--booking" title="A block rule keeps this customer from booking online">
      <span className="chip__icon" aria-hidden="true">
        ⛔
      </span>
      Online booking blocked
    </span>
  );
}
