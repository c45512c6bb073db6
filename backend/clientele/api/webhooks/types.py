"""Webhook endpoints and their deliveries as GraphQL types."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import strawberry

from clientele.api.context import Info
from clientele.api.errors import ApiError
from clientele.api.relay import AFTER, FIRST, Connection, check_first, make_connection
from clientele.api.webhooks.enums import WebhookDeliveryStatusEnum, WebhookEventTypeEnum
from clientele.core import ids
from clientele.core.cursors import InvalidCursor, decode_cursor, encode_cursor
from clientele.webhooks import endpoints

EndpointId = Annotated[strawberry.ID, strawberry.argument(
    description="The endpoint's ID (WebhookEndpoint.id).")]


@strawberry.type(description="One attempt of a delivery: what the endpoint answered.")
class WebhookAttempt:
    attempted_at: dt.datetime = strawberry.field(description="When it was sent.")
    status_code: int | None = strawberry.field(
        description="The HTTP status of the answer (null: none came: refused, timeout…).")
    error: str | None = strawberry.field(description="Why it failed (null: delivered).")
    duration_ms: int = strawberry.field(description="Milliseconds until the answer.")
    manual: bool = strawberry.field(description="A redelivery asked for by hand.")

    @classmethod
    def from_row(cls, row: Any) -> WebhookAttempt:
        return cls(attempted_at=row["attempted_at"], status_code=row["status_code"],
                   error=row["error"], duration_ms=row["duration_ms"], manual=row["manual"])


@strawberry.type(description="One event sent (or to be sent) to one endpoint.")
class WebhookDelivery:
    id: strawberry.ID = strawberry.field(
        description="Global ID of the delivery (for webhookRedeliver).")
    webhook_id: str = strawberry.field(
        description="The `webhook-id` header (msg_…): the same on every attempt of the event "
                    "and for every endpoint; deduplicate by it.")
    event_type: WebhookEventTypeEnum = strawberry.field(description="The event.")
    payload: str = strawberry.field(description="The JSON body, exactly as sent.")
    status: WebhookDeliveryStatusEnum = strawberry.field(description="Where it stands.")
    attempts: int = strawberry.field(description="Attempts made so far.")
    next_attempt_at: dt.datetime | None = strawberry.field(
        description="When the next attempt is due (null unless PENDING).")
    last_status_code: int | None = strawberry.field(
        description="The HTTP status of the last answer.")
    last_error: str | None = strawberry.field(description="Why the last attempt failed.")
    last_attempt_at: dt.datetime | None = strawberry.field(description="The last attempt.")
    delivered_at: dt.datetime | None = strawberry.field(
        description="When the endpoint first answered 2xx.")
    created_at: dt.datetime = strawberry.field(description="When the event happened.")

    @strawberry.field(description="Every attempt with its answer, oldest first (the last 50).")
    async def log(self) -> list[WebhookAttempt]:
        return [WebhookAttempt.from_row(r)
                for r in await endpoints.attempts(ids.decode_as(self.id, "WebhookDelivery"))]

    @classmethod
    def from_row(cls, row: Any) -> WebhookDelivery:
        return cls(id=strawberry.ID(ids.encode("WebhookDelivery", row["id"])),
                   webhook_id=row["message_id"],
                   event_type=WebhookEventTypeEnum(row["event_type"]),
                   payload=row["payload"], status=WebhookDeliveryStatusEnum(row["status"]),
                   attempts=row["attempts"], next_attempt_at=row["next_attempt_at"],
                   last_status_code=row["last_status_code"], last_error=row["last_error"],
                   last_attempt_at=row["last_attempt_at"], delivered_at=row["delivered_at"],
                   created_at=row["created_at"])


@strawberry.type(description="A partner's URL that receives the account's events, signed "
                             "per the Standard Webhooks specification.")
class WebhookEndpoint:
    id: strawberry.ID = strawberry.field(description="Global ID of the endpoint.")
    url: str = strawberry.field(description="Where deliveries are POSTed.")
    events: list[WebhookEventTypeEnum] = strawberry.field(description="The events it gets.")
    enabled: bool = strawberry.field(
        description="Deliveries are recorded and sent (false after automatic disabling).")
    disabled_reason: str | None = strawberry.field(description="Why it was disabled.")
    disabled_at: dt.datetime | None = strawberry.field(description="When it was disabled.")
    failure_streak: int = strawberry.field(
        description="Failed attempts since the last successful one.")
    failing_since: dt.datetime | None = strawberry.field(
        description="The first failed attempt since the last success (5 days of nothing "
                    "but failures disable the endpoint).")
    created_at: dt.datetime = strawberry.field(description="Created.")

    @strawberry.field(description="Its deliveries, newest first.")
    async def deliveries(self, info: Info, first: FIRST = 20,
                         after: AFTER = None) -> Connection[WebhookDelivery]:
        check_first(first)
        account_id = info.context.account.id
        endpoint_id = ids.decode_as(self.id, "WebhookEndpoint")
        before = None
        if after:
            try:
                before = decode_cursor(after, (dt.datetime, uuid.UUID))
            except InvalidCursor as exc:
                raise ApiError(str(exc), "INVALID_CURSOR") from exc
        rows = await endpoints.deliveries(account_id, endpoint_id, first + 1,
                                          (before[0], before[1]) if before else None)
        page = rows[:first]

        async def total() -> int:
            return await endpoints.delivery_count(account_id, endpoint_id)

        return make_connection([WebhookDelivery.from_row(r) for r in page],
                               [encode_cursor(r["created_at"], r["id"]) for r in page],
                               len(rows) > first, after, total)

    @classmethod
    def from_row(cls, row: Any) -> WebhookEndpoint:
        return cls(id=strawberry.ID(ids.encode("WebhookEndpoint", row["id"])), url=row["url"],
                   events=[WebhookEventTypeEnum(e) for e in row["events"]],
                   enabled=row["enabled"], disabled_reason=row["disabled_reason"],
                   disabled_at=row["disabled_at"], failure_streak=row["failure_streak"],
                   failing_since=row["failing_since"], created_at=row["created_at"])
