"""Customer lifecycle (issue 16): the account's archive rule (archive customers inactive for
this many months, 1-120) and retention rule (erase them after this many months, 6-240); null
turns a rule off."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T12:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "archive and retention rules"

STATEMENTS = [
    """ALTER TABLE account
           ADD COLUMN archive_after_months smallint NULL
               CHECK (archive_after_months BETWEEN 1 AND 120),
           ADD COLUMN erase_after_months smallint NULL
               CHECK (erase_after_months BETWEEN 6 AND 240)""",
]

forwards = sql_migration(ID, "accounts", STATEMENTS)
