"""Signed webhooks for partners (issue 18): endpoints, deliveries (the transactional outbox,
claimed FOR UPDATE SKIP LOCKED under a lease) and every attempt with its answer."""

from clientele.core.migrations import sql_migration

ID = "2026-11-30T14:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "webhooks"

STATEMENTS = [
    """CREATE TABLE webhook_endpoint (
           id uuid PRIMARY KEY,
           account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
           url varchar(2000) NOT NULL,
           events varchar(40)[] NOT NULL,
           secret text NOT NULL,
           enabled boolean NOT NULL DEFAULT true,
           disabled_reason text,
           disabled_at timestamptz,
           failure_streak integer NOT NULL DEFAULT 0,
           failing_since timestamptz,
           created_at timestamptz NOT NULL DEFAULT now(),
           updated_at timestamptz NOT NULL DEFAULT now())""",
    "CREATE INDEX webhook_endpoint_account ON webhook_endpoint (account, created_at, id)",
    """CREATE TABLE webhook_delivery (
           id uuid PRIMARY KEY,
           account uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
           endpoint uuid NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
           event_type varchar(40) NOT NULL,
           message_id varchar(40) NOT NULL,
           payload text NOT NULL,
           status varchar(10) NOT NULL DEFAULT 'PENDING',
           attempts integer NOT NULL DEFAULT 0,
           next_attempt_at timestamptz,
           claimed_until timestamptz,
           manual boolean NOT NULL DEFAULT false,
           last_status_code integer,
           last_error text,
           last_duration_ms integer,
           last_attempt_at timestamptz,
           delivered_at timestamptz,
           created_at timestamptz NOT NULL DEFAULT now(),
           UNIQUE (endpoint, message_id))""",
    """CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at)
       WHERE status = 'PENDING'""",
    """CREATE INDEX webhook_delivery_leased ON webhook_delivery (claimed_until)
       WHERE status = 'SENDING'""",
    """CREATE INDEX webhook_delivery_newest ON webhook_delivery
       (endpoint, created_at DESC, id DESC)""",
    """CREATE TABLE webhook_attempt (
           id bigserial PRIMARY KEY,
           delivery uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
           attempted_at timestamptz NOT NULL DEFAULT now(),
           status_code integer,
           error text,
           duration_ms integer NOT NULL,
           manual boolean NOT NULL DEFAULT false)""",
    "CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery, id)",
]

forwards = sql_migration(ID, "webhooks", STATEMENTS)
