"""Communications: every message sent to a customer, with its delivery outcome."""
