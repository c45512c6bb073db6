"""Merged customers (issue 16): one row per merge, with a JSON snapshot of both customers before
it and the ids of everything that moved, so that an unmerge restores both within its window.
The customer ids carry no foreign key: the merged one is deleted by the merge, and the record
outlives both (as the history does)."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T11:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "customer merge"

SQL = """
CREATE TABLE customer_merge (
    id uuid PRIMARY KEY,
    account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kept_customer uuid NOT NULL,
    merged_customer uuid NOT NULL,
    actor_user uuid NULL,
    actor_label varchar(200) NOT NULL DEFAULT '',
    snapshot jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    unmerge_until timestamptz NOT NULL,
    unmerged_at timestamptz NULL
);
CREATE INDEX customer_merge_account ON customer_merge (account, created_at);
CREATE INDEX customer_merge_kept ON customer_merge (kept_customer);
CREATE INDEX customer_merge_merged ON customer_merge (merged_customer)
"""

forwards = sql_migration(ID, "customers", SQL)
