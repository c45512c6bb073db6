"""Webhook endpoints, their deliveries and each delivery's attempts (the schema itself is
the SQL migration's: piccolo_migrations/webhooks_2026_11_30t14_00_00_000000.py)."""

from piccolo.columns import (
    UUID,
    Array,
    BigSerial,
    Boolean,
    ForeignKey,
    Integer,
    OnDelete,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from clientele.accounts.tables import Account


class WebhookEndpoint(Table, tablename="webhook_endpoint"):
    """A partner's URL that receives the account's events it subscribed to, signed with its
    secret."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    url = Varchar(length=2000, help_text="Where deliveries are POSTed (http or https).")
    events = Array(Varchar(length=40), help_text="The event types sent (WebhookEventType).")
    secret = Text(help_text="The signing secret, whsec_ and base64 (shown once, at creation).")
    enabled = Boolean(default=True, help_text="Deliveries are recorded and sent.")
    disabled_reason = Text(null=True, default=None, help_text="Why it was disabled.")
    disabled_at = Timestamptz(null=True, default=None, help_text="When it was disabled.")
    failure_streak = Integer(default=0, help_text="Failed attempts since the last success.")
    failing_since = Timestamptz(null=True, default=None,
                                help_text="The first failed attempt since the last success.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")
    updated_at = Timestamptz(default=TimestamptzNow(), help_text="Last changed.")


class WebhookDelivery(Table, tablename="webhook_delivery"):
    """One event for one endpoint: recorded in the transaction that raised the event, sent
    after its commit by a dispatcher, retried with backoff."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    endpoint = ForeignKey(WebhookEndpoint, on_delete=OnDelete.cascade, null=False,
                          help_text="The endpoint it goes to.")
    event_type = Varchar(length=40, help_text="The event type.")
    message_id = Varchar(length=40, help_text="The webhook-id header (msg_…), the same for "
                                               "every attempt and endpoint of the event.")
    payload = Text(help_text="The JSON body, exactly as sent.")
    status = Varchar(length=10, default="PENDING",
                     help_text="PENDING, SENDING, DELIVERED or FAILED.")
    attempts = Integer(default=0, help_text="Attempts made.")
    next_attempt_at = Timestamptz(null=True, default=None, help_text="When it is due.")
    claimed_until = Timestamptz(null=True, default=None, help_text="A dispatcher's lease.")
    manual = Boolean(default=False, help_text="The due attempt is a manual redelivery.")
    last_status_code = Integer(null=True, default=None, help_text="Last answer's status.")
    last_error = Text(null=True, default=None, help_text="Why the last attempt failed.")
    last_duration_ms = Integer(null=True, default=None, help_text="Last attempt's duration.")
    last_attempt_at = Timestamptz(null=True, default=None, help_text="Last attempt.")
    delivered_at = Timestamptz(null=True, default=None, help_text="First 2xx answer.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="When the event happened.")


class WebhookAttempt(Table, tablename="webhook_attempt"):
    """The delivery log: every attempt with its answer."""

    id = BigSerial(primary_key=True, help_text="Primary key.")
    delivery = ForeignKey(WebhookDelivery, on_delete=OnDelete.cascade, null=False,
                          help_text="The delivery.")
    attempted_at = Timestamptz(default=TimestamptzNow(), help_text="When it was sent.")
    status_code = Integer(null=True, default=None, help_text="The answer's status code.")
    error = Text(null=True, default=None, help_text="Why it failed (null: delivered).")
    duration_ms = Integer(help_text="From sending to the answer.")
    manual = Boolean(default=False, help_text="A manual redelivery.")


__all__ = ["WebhookAttempt", "WebhookDelivery", "WebhookEndpoint"]
