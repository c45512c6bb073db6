"""Messages that are really sent (issue 15, docs/messaging.md): what a message is (`kind`),
when it is due and retried, the lease of the instance sending it, a reminder's slot and the
start it is for (a reminder exists once: unique), what was sent (HTML part, Message-ID, the
provider's id, SMS parts), and account message templates per kind and language."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T07:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "messages sent"

STATEMENTS = [
    """ALTER TABLE communication
           ADD COLUMN kind varchar(20) NOT NULL DEFAULT 'MANUAL',
           ADD COLUMN language varchar(10),
           ADD COLUMN body_html text,
           ADD COLUMN due_at timestamptz NOT NULL DEFAULT now(),
           ADD COLUMN next_attempt_at timestamptz,
           ADD COLUMN claimed_until timestamptz,
           ADD COLUMN reminder_slot smallint,
           ADD COLUMN reminder_for timestamptz,
           ADD COLUMN previous_starts_at timestamptz,
           ADD COLUMN message_id text,
           ADD COLUMN provider_id text,
           ADD COLUMN parts smallint,
           ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()""",
    "UPDATE communication SET due_at = created_at, updated_at = created_at",
    """CREATE UNIQUE INDEX communication_reminder_once ON communication
       (appointment, reminder_slot, reminder_for) WHERE kind = 'REMINDER'""",
    """CREATE INDEX communication_due ON communication (coalesce(next_attempt_at, due_at))
       WHERE status = 'PENDING'""",
    """CREATE INDEX communication_sending ON communication (claimed_until)
       WHERE status = 'SENDING'""",
    """CREATE INDEX communication_account_customer_created ON communication
       (account, customer, created_at, id)""",
    """CREATE TABLE message_template (
           account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
           kind varchar(20) NOT NULL,
           language varchar(10) NOT NULL,
           subject text NOT NULL,
           body text NOT NULL,
           sms text NOT NULL,
           updated_at timestamptz NOT NULL DEFAULT now(),
           PRIMARY KEY (account, kind, language))""",
]

forwards = sql_migration(ID, "communications", STATEMENTS)
