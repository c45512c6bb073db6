"""An import's analysed rows, kept for its run (issue 12, performance): the analysis stages,
cleans and groups the file's rows once and keeps them here; the run reuses them (matching them
against the customers again, under the identity lock) instead of reading and cleaning the file
a second time. UNLOGGED: they are a cache of what the file gives, written and read inside the
job's transactions; lost after a database crash, they are read from the file again
(`import_job.staged_key` says which mapping and definitions they were made with)."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T05:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "import rows kept from the analysis"

SQL = """
ALTER TABLE import_job ADD COLUMN staged_key text NULL;
CREATE UNLOGGED TABLE import_row (
    job uuid NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_number integer NOT NULL,
    cells jsonb NOT NULL,
    errors jsonb NULL,
    salutation text, first_name text, last_name text, email text, mobile_phone text,
    landline_phone text, date_of_birth date, company text, street text, postcode text,
    city text, country text, preferred_language text, notes text,
    custom jsonb NOT NULL,
    sort_name text NULL,
    person integer NULL,
    PRIMARY KEY (job, row_number)
)
"""

forwards = sql_migration(ID, "customers", SQL)
