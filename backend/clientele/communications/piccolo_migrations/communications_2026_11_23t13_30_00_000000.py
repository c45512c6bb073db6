"""Indexes and constraints piccolo's column options cannot express (keyset pagination,
partial unique indexes)."""

from clientele.core.migrations import sql_migration

ID = "2026-11-23T13:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "indexes"

SQL = """
CREATE INDEX communication_appointment_created ON communication (appointment, created_at, id);
CREATE INDEX communication_customer ON communication (customer);
ALTER TABLE communication ALTER COLUMN id SET DEFAULT gen_random_uuid()
"""

forwards = sql_migration(ID, "communications", SQL)
