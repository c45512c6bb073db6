"""Trusted documents (issue 18): an account may accept only trusted documents (`documentId`)
from its staff's cookie sessions; API tokens may still send document text."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T15:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "trusted documents only, per account"

STATEMENTS = [
    """ALTER TABLE account
           ADD COLUMN trusted_documents_only boolean NOT NULL DEFAULT false""",
]

forwards = sql_migration(ID, "accounts", STATEMENTS)
