/** Red chip on the profile when a block rule keeps the customer from booking online. */
export function BookingBlockedChip() {
  return (
    <span className="chip chip--blocked" title="A block rule keeps this customer from booking online">
      Booking blocked
    </span>
  );
}
