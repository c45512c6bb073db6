"""Sending what is due, on every instance at once, each message once (docs/messaging.md).

One loop per instance (the app's lifespan): plan the reminders that have come due (an insert
the database makes idempotent), put back what a dead instance left half-sent (its lease
expired), claim a batch of due messages (`FOR UPDATE SKIP LOCKED`: no two instances claim the
same row), send them concurrently and write each outcome. The channel, the recipient and the
text are decided here, when the message goes out."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import socket
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from clientele.accounts.services import link_secret
from clientele.communications import links, queue, templates
from clientele.communications.enums import MessageKind as K
from clientele.communications.transports import (
    DeliveryError,
    Email,
    EmailTransport,
    Sms,
    SmsTransport,
    TemporaryFailure,
    email_transport,
    sms_transport,
)
from clientele.core import background, db, metrics

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
BACKOFF_SECONDS = (30, 120, 480, 1920)  # after attempt 1, 2, 3, 4
PLAN_EVERY_SECONDS = 20.0
IDLE_SECONDS = 1.0
# the status _finish writes → the outcome counted in clientele_messages (core/metrics.py)
OUTCOMES = {"SENT": "sent", "FAILED": "failed", "SKIPPED": "skipped", "PENDING": "retry"}
APPOINTMENT_KINDS = {K.CONFIRMATION.value, K.REQUESTED.value, K.REMINDER.value, K.MOVED.value}


@dataclass
class Transports:
    email: EmailTransport
    sms: SmsTransport

    async def close(self) -> None:
        for transport in (self.email, self.sms):
            with contextlib.suppress(Exception):
                await transport.close()


@dataclass(frozen=True)
class Options:
    public_url: str
    lease_seconds: float = 120.0
    concurrency: int = 8
    host: str = "clientele"  # the Message-ID's right-hand side


async def plan_reminders() -> int:
    """The reminders due by now (or within a minute) that do not exist yet; at most once each
    per appointment, slot and start (the unique index decides between instances)."""
    rows = await db.fetch(
        """INSERT INTO communication (id, account, appointment, customer, medium, kind, status,
               attempts, due_at, reminder_slot, reminder_for, created_at, updated_at)
           SELECT gen_random_uuid(), a.account, a.id, a.customer,
                  coalesce(c.preferred_medium, 'EMAIL'), 'REMINDER', 'PENDING', 0,
                  a.starts_at - make_interval(hours => r.hours), r.hours, a.starts_at, now(),
                  now()
           FROM account acc
           -- the slot is the hours value: a reminder planned at 24 h stays the 24 h one when
           -- the account adds a 48 h reminder before it
           CROSS JOIN LATERAL unnest(acc.reminder_hours) AS r(hours)
           JOIN appointment a ON a.account = acc.id
               AND a.starts_at > now()
               AND a.starts_at <= now() + make_interval(hours => r.hours) + interval '1 minute'
           JOIN customer c ON c.id = a.customer
           WHERE a.status = 'SCHEDULED'
             AND a.created_at < a.starts_at - make_interval(hours => r.hours)
           ON CONFLICT (appointment, reminder_slot, reminder_for) WHERE kind = 'REMINDER'
           DO NOTHING
           RETURNING id""")
    return len(rows)


async def recover() -> int:
    """Messages a dead instance claimed and never finished: due again (none lost)."""
    rows = await db.fetch(
        """UPDATE communication SET status = 'PENDING', claimed_until = NULL, updated_at = now()
           WHERE status = 'SENDING' AND claimed_until < now() RETURNING id""")
    return len(rows)


async def claim(limit: int, lease_seconds: float) -> list[Any]:
    return list(await db.fetch_records(
        """UPDATE communication m SET status = 'SENDING', attempts = m.attempts + 1,
                  claimed_until = now() + make_interval(secs => $2), updated_at = now()
           WHERE m.id IN (SELECT id FROM communication
                          WHERE status = 'PENDING' AND coalesce(next_attempt_at, due_at) <= now()
                          ORDER BY coalesce(next_attempt_at, due_at)
                          LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING m.*""", limit, lease_seconds))


# a claimed message renewed (its lease starts again: see run_once) and read with everything
# needed to send it, in one statement
_RENEW_SQL = """
WITH mine AS (
    UPDATE communication SET claimed_until = now() + make_interval(secs => $3)
    WHERE id = $1 AND status = 'SENDING' AND claimed_until = $2 AND claimed_until > now()
    RETURNING *)
SELECT mine.*, acc.name AS business, acc.default_language, acc.time_zone,
       c.id AS customer_id, c.salutation, c.first_name, c.last_name, c.email, c.mobile_phone,
       c.preferred_medium, c.preferred_language, c.communication_status, c.email_enabled,
       c.sms_enabled,
       a.id AS appointment_id, a.status AS appointment_status, a.starts_at, a.ends_at,
       a.all_day, a.services, a.location
FROM mine
JOIN account acc ON acc.id = mine.account
LEFT JOIN customer c ON c.account = mine.account AND c.id = mine.customer
LEFT JOIN appointment a ON a.account = mine.account AND a.id = mine.appointment
"""


class Skip(Exception):
    """Nothing is sent, on purpose; the message says why (stored as the row's error)."""


def appointment_problem(kind: str, ctx: Any, now: dt.datetime) -> str | None:
    """Why a message about an appointment (`ctx`: appointment_id, appointment_status, ends_at)
    can no longer go out; None for messages not about one (MANUAL, CANCELLED notices) or when
    it can. The dispatcher skips with it, staff's resend is refused with it."""
    if kind not in APPOINTMENT_KINDS:
        return None
    if ctx["appointment_id"] is None:
        return "The appointment no longer exists."
    if ctx["appointment_status"] == "CANCELLED":
        return "The appointment was cancelled meanwhile."
    if ctx["ends_at"] <= now:
        return "The appointment is over."
    return None


def _skip_reason(row: Any, ctx: Any, now: dt.datetime) -> str | None:
    if ctx["customer_id"] is None:
        return "The customer no longer exists."
    if ctx["communication_status"] == "BLOCKED":
        return "Communication with this customer is blocked."
    if row["kind"] == K.REMINDER.value and ctx["appointment_id"] is not None \
            and ctx["appointment_status"] != "CANCELLED" and row["reminder_for"] is not None \
            and row["reminder_for"] != ctx["starts_at"]:
        return "The appointment was moved meanwhile; its new time has its own reminder."
    return appointment_problem(row["kind"], ctx, now)
    return None


def channel(row: Any, ctx: Any) -> tuple[str, str]:
    """(medium, recipient) for this message, or Skip: staff's choice for a message they wrote,
    else the preferred medium if that channel is on and has an address, else the other."""
    usable = {"EMAIL": ctx["email"] if ctx["email_enabled"] else None,
              "SMS": ctx["mobile_phone"] if ctx["sms_enabled"] else None}
    if row["kind"] == K.MANUAL.value:
        order = [row["medium"]]
    else:
        preferred = ctx["preferred_medium"] or "EMAIL"
        order = [preferred, "SMS" if preferred == "EMAIL" else "EMAIL"]
    for medium in order:
        recipient = usable.get(medium)
        if recipient:
            return medium, recipient
    if row["kind"] == K.MANUAL.value:
        what = {"EMAIL": "email", "SMS": "SMS"}[row["medium"]]
        raise Skip(f"No {what} can be sent to this customer (the channel is off or there is "
                   "no address).")
    raise Skip("The customer has no channel we may use (both are off or have no address).")


Templates = dict[tuple[uuid.UUID, str, str], templates.Template]


async def _template(account_id: uuid.UUID, kind: str, language: str,
                    known: Templates) -> templates.Template:
    """The account's template, else the built-in; `known` keeps them for one batch."""
    key = (account_id, kind, language)
    if key not in known:
        rows = await db.fetch("SELECT subject, body, sms FROM message_template "
                              "WHERE account = $1 AND kind = $2 AND language = $3",
                              account_id, kind, language)
        known[key] = templates.Template(rows[0]["subject"], rows[0]["body"], rows[0]["sms"]) \
            if rows else templates.default(kind, language)
    return known[key]


@dataclass(frozen=True)
class Composed:
    medium: str
    recipient: str
    language: str
    text: templates.Rendered
    preferences_url: str
    business: str


async def compose(ctx: Any, options: Options, now: dt.datetime,
                  known: Templates) -> Composed:
    """What a claimed message (`ctx`: the row read with _RENEW_SQL) is, to whom and by which
    channel, or Skip."""
    row = ctx
    reason = _skip_reason(row, ctx, now)
    if reason:
        raise Skip(reason)
    medium, recipient = channel(row, ctx)
    language = templates.language_of(ctx["preferred_language"], ctx["default_language"])
    token = links.make_token(await link_secret(row["account"]), row["account"],
                             ctx["customer_id"])
    visit = None
    if ctx["appointment_id"] is not None:
        visit = templates.Visit(ctx["starts_at"], ctx["ends_at"], ctx["all_day"],
                                list(ctx["services"] or ()), ctx["location"],
                                row["previous_starts_at"])
    preferences_url = f"{options.public_url.rstrip('/')}/preferences/{token}"
    context = templates.Context(
        customer=templates.Person(ctx["salutation"], ctx["first_name"], ctx["last_name"]),
        business=ctx["business"], appointment=visit, preferences_url=preferences_url,
        time_zone=ctx["time_zone"], language=language,
        message=templates.Message(row["draft_subject"] or row["subject"] or "",
                                  row["draft_body"] or row["body"] or "")
        if row["kind"] == K.MANUAL.value else None)
    template = await _template(row["account"], row["kind"], language, known)
    return Composed(medium, recipient, language, templates.render(template, context),
                    preferences_url, ctx["business"])


async def deliver(row: Any, transports: Transports, options: Options,
                  known: Templates | None = None) -> str:
    """Send one claimed message (renewed and read with _RENEW_SQL) and record the outcome;
    returns the new status."""
    now = dt.datetime.now(dt.UTC)
    try:
        composed = await compose(row, options, now, {} if known is None else known)
    except Skip as skip:
        return await _finish(row, "SKIPPED", error=str(skip))
    except templates.TemplateProblem as exc:
        return await _finish(row, "FAILED", error=f"The message template cannot be used: {exc}")
    message_id = f"<{row['id']}@{options.host}>"
    medium, recipient, text = composed.medium, composed.recipient, composed.text
    sent: dict[str, Any] = {"medium": medium, "recipient": recipient, "language": composed.language,
            "subject": text.subject if medium == "EMAIL" else None,
            "body": text.text if medium == "EMAIL" else text.sms,
            "body_html": text.html if medium == "EMAIL" else None}
    try:
        if medium == "EMAIL":
            delivered = await transports.email.send(Email(
                to=recipient, subject=text.subject, text=text.text, html=text.html,
                sender_name=composed.business, message_id=message_id,
                headers={"List-Unsubscribe": f"<{composed.preferences_url}>"}))
        else:
            delivered = await transports.sms.send(Sms(to=recipient, text=text.sms))
    except TemporaryFailure as exc:
        if row["attempts"] < MAX_ATTEMPTS:
            wait = BACKOFF_SECONDS[min(row["attempts"], len(BACKOFF_SECONDS)) - 1]
            return await _finish(row, "PENDING", error=str(exc), retry_in=wait, **sent)
        return await _finish(row, "FAILED", error=str(exc), **sent)
    except DeliveryError as exc:
        return await _finish(row, "FAILED", error=str(exc), **sent)
    return await _finish(row, "SENT", message_id=message_id, provider_id=delivered.provider_id,
                         parts=delivered.parts, **sent)


async def _finish(row: Any, status: str, *, error: str | None = None,
                  retry_in: float | None = None, **values: Any) -> str:
    """The outcome of a claimed message, written only while the claim is ours (a lease that
    ran out meanwhile belongs to whoever claimed it next)."""
    await db.fetch(
        """UPDATE communication SET status = $3, error = $4,
                  next_attempt_at = CASE WHEN $5::float8 IS NULL THEN NULL
                                         ELSE now() + make_interval(secs => $5::float8) END,
                  claimed_until = NULL,
                  sent_at = CASE WHEN $15 THEN now() END,
                  medium = coalesce($6, medium), recipient = coalesce($7, recipient),
                  language = coalesce($8, language), subject = coalesce($9, subject),
                  body = coalesce($10, body), body_html = coalesce($11, body_html),
                  message_id = $12, provider_id = $13, parts = $14, updated_at = now()
           WHERE id = $1 AND status = 'SENDING' AND claimed_until = $2""",
        row["id"], row["claimed_until"], status, error, retry_in, values.get("medium"),
        values.get("recipient"), values.get("language"), values.get("subject"),
        values.get("body"), values.get("body_html"), values.get("message_id"),
        values.get("provider_id"), values.get("parts"), status == "SENT")
    metrics.MESSAGES.labels(OUTCOMES[status], values.get("medium") or "none").inc()
    return status


async def _renew(row: Any, lease_seconds: float) -> Any | None:
    """The claimed row with everything needed to send it, its lease renewed; None when the
    lease ran out (the row may be another instance's by now)."""
    rows = await db.fetch_records(_RENEW_SQL, row["id"], row["claimed_until"], lease_seconds)
    return rows[0] if rows else None


async def run_once(transports: Transports, options: Options) -> int:
    """Recover, claim and send one batch; returns how many were claimed."""
    await recover()
    rows = await claim(options.concurrency * 4, options.lease_seconds)
    if not rows:
        return 0
    gate = asyncio.Semaphore(options.concurrency)
    known: Templates = {}

    async def one(row: Any) -> None:
        async with gate:
            try:
                # renew the claim right before sending: a row whose lease ran out while it
                # waited its turn may be another instance's by now (sent once, by them)
                mine = await _renew(row, options.lease_seconds)
                if mine is not None:
                    await deliver(mine, transports, options, known)
            except Exception:  # one broken message must not stop the others; its lease
                log.exception("sending message %s failed", row["id"])  # brings it back

    await asyncio.gather(*(one(row) for row in rows))
    return len(rows)


def transports_from(settings: Any) -> Transports:
    production = settings.production
    return Transports(
        email_transport(settings.smtp_url, settings.mail_from, production=production,
                        concurrency=settings.message_concurrency),
        sms_transport(settings.sms_url, settings.sms_from, production=production))


def options_from(settings: Any) -> Options:
    return Options(public_url=settings.public_url, lease_seconds=settings.message_lease_seconds,
                   concurrency=settings.message_concurrency, host=socket.getfqdn() or "clientele")


@contextlib.asynccontextmanager
async def dispatcher(settings: Any, transports: Transports | None = None
                     ) -> AsyncIterator[None]:
    """Runs in the app's lifespan: plans reminders and sends due messages until the app
    stops."""
    transports = transports or transports_from(settings)
    options = options_from(settings)

    async def loop() -> None:
        planned_at = 0.0
        clock = asyncio.get_running_loop().time
        while True:
            try:
                if clock() - planned_at >= PLAN_EVERY_SECONDS:
                    planned_at = clock()
                    await plan_reminders()
                if await run_once(transports, options):
                    continue
            except Exception:
                log.exception("message dispatch round failed")
            await queue.woken(IDLE_SECONDS)

    try:
        async with background.running(loop()):
            yield
    finally:
        await transports.close()
