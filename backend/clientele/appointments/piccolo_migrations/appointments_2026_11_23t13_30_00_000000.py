"""Indexes and constraints piccolo's column options cannot express (keyset pagination,
partial unique indexes)."""

from clientele.core.migrations import sql_migration

ID = "2026-11-23T13:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "indexes"

SQL = """
CREATE UNIQUE INDEX appointment_source_event_uniq ON appointment (calendar_source_id, event_uid, recurrence_id) WHERE calendar_source_id IS NOT NULL;
CREATE INDEX appointment_customer_starts ON appointment (customer, starts_at, id);
CREATE INDEX appointment_account_starts ON appointment (account, starts_at, id);
ALTER TABLE appointment ALTER COLUMN id SET DEFAULT gen_random_uuid()
"""

forwards = sql_migration(ID, "appointments", SQL)
