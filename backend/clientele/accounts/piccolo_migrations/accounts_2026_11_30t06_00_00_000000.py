"""The business's own email domains, per account (issue 14): attendees there are staff, never
customers, in every calendar source. Proposed from the organisers the first feeds show."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T06:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "account own domains"

STATEMENTS = [
    "ALTER TABLE account ADD COLUMN own_domains varchar(254)[] NOT NULL DEFAULT '{}'",
]

forwards = sql_migration(ID, "accounts", STATEMENTS)
