"""The customer import's tables (issue 12): the job, its uploaded file in chunks, its live
progress (written outside the job's transaction), what it changed (for undo) and the rows it
rejected (for the rejected-rows file)."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T04:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "customer import jobs"

SQL = """
CREATE TABLE import_job (
    id uuid PRIMARY KEY,
    account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    actor_user uuid NULL,
    actor_label varchar(200) NOT NULL,
    phone_region varchar(2) NOT NULL,
    file_name varchar(255) NOT NULL,
    file_size bigint NOT NULL,
    sheet text NULL,
    sheets jsonb NOT NULL DEFAULT '[]',
    header_row integer NULL,
    columns jsonb NOT NULL DEFAULT '[]',
    status varchar(10) NOT NULL,
    duplicates varchar(10) NULL,
    error_policy varchar(12) NULL,
    preview jsonb NOT NULL DEFAULT '[]',
    counts jsonb NOT NULL DEFAULT '{}',
    error text NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz NULL,
    undone_at timestamptz NULL
);
CREATE INDEX import_job_account ON import_job (account, created_at);
CREATE INDEX import_job_pending ON import_job (created_at) WHERE status IN ('ANALYSING', 'QUEUED');
CREATE TABLE import_file_chunk (
    job uuid NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    seq integer NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (job, seq)
);
CREATE TABLE import_progress (
    job uuid PRIMARY KEY REFERENCES import_job (id) ON DELETE CASCADE,
    phase varchar(20) NOT NULL DEFAULT 'waiting',
    processed bigint NOT NULL DEFAULT 0,
    fraction real NOT NULL DEFAULT 0,
    heartbeat timestamptz NULL,
    cancel boolean NOT NULL DEFAULT false
);
CREATE TABLE import_change (
    job uuid NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    customer uuid NOT NULL,
    created boolean NOT NULL,
    before jsonb NULL,
    after jsonb NULL,
    PRIMARY KEY (job, customer)
);
CREATE TABLE import_rejected (
    job uuid NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_number integer NOT NULL,
    cells jsonb NOT NULL,
    reason text NOT NULL,
    PRIMARY KEY (job, row_number)
)
"""

forwards = sql_migration(ID, "customers", SQL)
