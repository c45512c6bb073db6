"""One event is one appointment (issue 14): an appointment synced from a calendar is identified
by its iCalendar UID and recurrence instance per account, whichever source (file, feed, staff
calendar) carried it. Rows the old per-source key let in twice are folded into the newest copy
(highest SEQUENCE, then last updated); their messages move with them. `source_stamp` keeps the
winning copy's LAST-MODIFIED (else DTSTAMP): with SEQUENCE it decides which copy is newer."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T06:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "one appointment per event UID"

STATEMENTS = [
    "ALTER TABLE appointment ADD COLUMN source_stamp timestamptz",
    """DO $$
BEGIN
  CREATE TEMPORARY TABLE appointment_twin AS
    SELECT id, first_value(id) OVER w AS keeper, row_number() OVER w AS n
    FROM appointment WHERE event_uid IS NOT NULL
    WINDOW w AS (PARTITION BY account, event_uid, recurrence_id
                 ORDER BY sequence DESC, updated_at DESC, id);
  IF to_regclass('communication') IS NOT NULL THEN
    UPDATE communication SET appointment = t.keeper FROM appointment_twin t
    WHERE communication.appointment = t.id AND t.n > 1;
  END IF;
  DELETE FROM appointment a USING appointment_twin t WHERE a.id = t.id AND t.n > 1;
  DROP TABLE appointment_twin;
END
$$""",
    "DROP INDEX IF EXISTS appointment_source_event_uniq",
    """CREATE UNIQUE INDEX appointment_event_uniq ON appointment
       (account, event_uid, recurrence_id) WHERE event_uid IS NOT NULL""",
]

forwards = sql_migration(ID, "appointments", STATEMENTS)
