"""Messages (issue 15): when reminders go out (hours before the start, one or two), the
account's time zone (dates in messages), and the secret that signs its customers' preference
links (made on first use, kept in the database: no operator secret to configure)."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T07:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "reminders, time zone, link secret"

STATEMENTS = [
    """ALTER TABLE account ADD COLUMN reminder_hours smallint[] NOT NULL DEFAULT '{24}',
           ADD COLUMN time_zone varchar(64) NOT NULL DEFAULT 'Europe/Zurich',
           ADD COLUMN link_secret bytea""",
]

forwards = sql_migration(ID, "accounts", STATEMENTS)
