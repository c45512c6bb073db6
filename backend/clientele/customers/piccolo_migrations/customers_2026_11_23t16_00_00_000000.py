"""Indexes for the search index's catch-up (customers written by other processes, e.g. the
CLI, reach every server within seconds) and for sorting by last change."""

from clientele.core.migrations import sql_migration

ID = "2026-11-23T16:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "updated_at indexes"

SQL = """
CREATE INDEX customer_updated ON customer (updated_at, id);
CREATE INDEX customer_account_updated ON customer (account, updated_at, id)
"""

forwards = sql_migration(ID, "customers", SQL)
