"""Messages (issue 15), two refinements: what staff wrote is kept apart from what was sent
(`draft_subject`, `draft_body`: a resend renders it again instead of the sent text with its
footer), and a failed message is sent again once (`resent_from`, unique: two staff clicking
Resend at the same moment queue one new message)."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T08:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "message drafts, resent once"

STATEMENTS = [
    """ALTER TABLE communication ADD COLUMN draft_subject text, ADD COLUMN draft_body text,
           ADD COLUMN resent_from uuid""",
    "UPDATE communication SET draft_subject = subject, draft_body = body WHERE kind = 'MANUAL'",
    """CREATE UNIQUE INDEX communication_resent_once ON communication (resent_from)
       WHERE resent_from IS NOT NULL""",
]

forwards = sql_migration(ID, "communications", STATEMENTS)
