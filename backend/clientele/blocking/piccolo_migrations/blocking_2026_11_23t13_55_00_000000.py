"""Lookup indexes for block rules and the attempt log."""

from clientele.core.migrations import sql_migration

ID = "2026-11-23T13:55:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "indexes"

SQL = """
CREATE UNIQUE INDEX block_rule_account_kind_value_uniq ON block_rule (account, kind, value);
CREATE INDEX blocked_booking_attempt_account_created ON blocked_booking_attempt
    (account, created_at, id)
"""

forwards = sql_migration(ID, "blocking", SQL)
