"""Customer lifecycle runs (issue 16): what each run of an account's archive or retention rule
did (customers/lifecycle.py), for the report in Settings."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T13:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "lifecycle runs"

SQL = """
CREATE TABLE lifecycle_run (
    id uuid PRIMARY KEY,
    account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind varchar(10) NOT NULL CHECK (kind IN ('ARCHIVE', 'ERASE')),
    months smallint NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NULL,
    done_count integer NOT NULL DEFAULT 0,
    skipped_count integer NOT NULL DEFAULT 0,
    error text NULL
);
CREATE INDEX lifecycle_run_account ON lifecycle_run (account, started_at DESC, id DESC)
"""

forwards = sql_migration(ID, "customers", SQL)
