"""Calendar sync: iCalendar sources, parsing, customer details from events, sync runs."""
