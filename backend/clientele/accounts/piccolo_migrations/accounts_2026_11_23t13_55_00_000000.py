"""Constraints and indexes for roles, sessions, tokens and the audit history."""

from clientele.core.migrations import sql_migration

ID = "2026-11-23T13:55:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "indexes"

SQL = """
CREATE UNIQUE INDEX role_account_name_uniq ON role (account, name);
CREATE INDEX staff_session_user ON staff_session ("user");
CREATE INDEX api_token_user ON api_token ("user");
CREATE INDEX audit_event_customer_created ON audit_event (customer_id, created_at, id)
"""

forwards = sql_migration(ID, "accounts", SQL)
