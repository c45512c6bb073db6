"""Erasure (issue 16): a suppression entry per erased email and phone, as a keyed hash only
(HMAC-SHA256 of the normalised value; customers/suppression.py), so calendar sync and imports
do not create an erased person again. No clear text is stored."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T10:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "erasure suppression"

SQL = """
CREATE TABLE erasure_suppression (
    account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind varchar(5) NOT NULL CHECK (kind IN ('EMAIL', 'PHONE')),
    digest bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account, kind, digest)
)
"""

forwards = sql_migration(ID, "customers", SQL)
