"""Customer blocking: block rules and the online-booking check."""
