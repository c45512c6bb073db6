"""Messages really sent (issue 15): through a real local SMTP server (aiosmtpd), with the rows
that record every attempt."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

import pytest

from clientele.accounts.principal import Principal
from clientele.appointments import actions
from clientele.communications import dispatcher
from clientele.communications.dispatcher import Options, Transports
from clientele.communications.transports import email_transport, sms_transport
from clientele.core import db
from clientele.customers import services as customers
from clientele.customers.enums import CustomerSource

OPTIONS = Options(public_url="https://clientele.test", lease_seconds=30, concurrency=4,
                  host="test")


def transports(url: str) -> Transports:
    return Transports(email_transport(url, "Clientele <noreply@clientele.test>",
                                      production=False, concurrency=2),
                      sms_transport("outbox://", None, production=False))


@pytest.fixture
def actor(account):
    return Principal.system(account, "test").actor


async def _customer(actor, **values):
    values = {"first_name": "Anna", "last_name": "Müller",
              "email": f"anna.{uuid.uuid4().hex[:8]}@example.com", **values}
    [result] = await customers.match_or_create_many(actor, [customers.Person(values)],
                                                     CustomerSource.MANUAL)
    assert result.error is None, result.error
    return result.row


async def _book(actor, customer, days: float = 3) -> dict:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=days)
    done = await actions.create(actor, actions.NewAppointment(
        customer_id=customer["id"], starts_at=start, ends_at=start + dt.timedelta(hours=1),
        services=["Massage"]))
    return done.appointment


async def _messages(account, **where) -> list:
    rows = await db.fetch("SELECT * FROM communication WHERE account = $1 ORDER BY created_at",
                          account.id)
    return [r for r in rows if all(r[k] == v for k, v in where.items())]


async def _drain(ts: Transports) -> None:
    """Send everything due now (the dispatcher's rounds until none is claimed)."""
    for _ in range(20):
        if not await dispatcher.run_once(ts, OPTIONS):
            return
    raise AssertionError("messages kept coming")


async def test_a_confirmation_arrives_in_the_customers_language(actor, account, smtp) -> None:
    inbox, url = smtp
    customer = await _customer(actor, preferred_language="de-CH", salutation="Frau")
    await _book(actor, customer)
    ts = transports(url)
    await _drain(ts)
    [row] = await _messages(account, customer=customer["id"])
    assert (row["kind"], row["status"], row["medium"], row["language"]) == (
        "CONFIRMATION", "SENT", "EMAIL", "de")
    assert row["recipient"] == customer["email"] and row["sent_at"] is not None
    [message] = [m for m in inbox.received if m["To"] == customer["email"]]
    assert message["Subject"] == row["subject"]
    assert message["Message-ID"] == f"<{row['id']}@test>"
    # as sent (SMTP's line ends are CRLF)
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text.strip() == row["body"].strip()
    assert "Guten Tag Frau Müller" in row["body"]
    assert message.get_body(("html",)) is not None
    assert "/preferences/" in message["List-Unsubscribe"]
    await ts.close()


async def test_a_refusing_server_retries_then_fails_with_its_error(actor, account,
                                                                    smtp) -> None:
    inbox, url = smtp
    inbox.answer = "451 4.3.0 Try again later"
    customer = await _customer(actor)
    await _book(actor, customer)
    ts = transports(url)
    for attempt in range(1, dispatcher.MAX_ATTEMPTS + 1):
        await dispatcher.run_once(ts, OPTIONS)
        [row] = await _messages(account, customer=customer["id"])
        assert row["attempts"] == attempt
        if attempt < dispatcher.MAX_ATTEMPTS:
            assert row["status"] == "PENDING" and row["next_attempt_at"] is not None
            assert "451" in row["error"]
            # the backoff is the database's fact: make the next attempt due now
            await db.fetch("UPDATE communication SET next_attempt_at = now() WHERE id = $1",
                           row["id"])
    assert (row["status"], row["sent_at"]) == ("FAILED", None)
    assert "451" in row["error"] and inbox.received == []
    await ts.close()


async def test_a_refused_address_fails_at_once(actor, account, smtp) -> None:
    inbox, url = smtp
    inbox.answer = "550 5.1.1 Mailbox unavailable"
    customer = await _customer(actor)
    await _book(actor, customer)
    ts = transports(url)
    await _drain(ts)
    [row] = await _messages(account, customer=customer["id"])
    assert (row["status"], row["attempts"]) == ("FAILED", 1)
    assert "550" in row["error"]
    await ts.close()


async def test_blocked_customers_and_switched_off_channels_get_nothing(actor, account,
                                                                      smtp) -> None:
    inbox, url = smtp
    blocked = await _customer(actor, communication_status="BLOCKED")
    silent = await _customer(actor, email_enabled=False, sms_enabled=False,
                             mobile_phone="+41791234567")
    sms_only = await _customer(actor, email_enabled=False, mobile_phone="+41791234568")
    for customer in (blocked, silent, sms_only):
        await _book(actor, customer)
    ts = transports(url)
    await _drain(ts)
    [b] = await _messages(account, customer=blocked["id"])
    [s] = await _messages(account, customer=silent["id"])
    [o] = await _messages(account, customer=sms_only["id"])
    assert (b["status"], s["status"]) == ("SKIPPED", "SKIPPED")
    assert "blocked" in b["error"] and "off" in s["error"]
    assert (o["status"], o["medium"], o["recipient"]) == ("SENT", "SMS", "+41791234568")
    assert inbox.received == []
    await ts.close()


async def test_a_reminder_is_planned_once_and_skipped_when_moved(actor, account, smtp) -> None:
    _inbox, url = smtp
    customer = await _customer(actor)
    appointment = await _book(actor, customer, days=0.5)  # 12 h ahead: the 24 h reminder
    await db.fetch("UPDATE appointment SET created_at = now() - interval '2 days' "
                   "WHERE id = $1", appointment["id"])
    planned = await asyncio.gather(*(dispatcher.plan_reminders() for _ in range(4)))
    reminders = await _messages(account, customer=customer["id"], kind="REMINDER")
    assert len(reminders) == 1 and sum(planned) >= 1
    # moved before it went out: the planned reminder is skipped, the new time gets its own
    new_start = appointment["starts_at"] + dt.timedelta(hours=2)
    await actions.reschedule(actor, appointment["id"], new_start,
                             new_start + dt.timedelta(hours=1))
    await dispatcher.plan_reminders()
    ts = transports(url)
    await _drain(ts)
    rows = await _messages(account, customer=customer["id"], kind="REMINDER")
    assert sorted(r["status"] for r in rows) == ["SENT", "SKIPPED"]
    assert [r["reminder_for"] for r in rows if r["status"] == "SENT"] == [new_start]
    assert {r["kind"] for r in await _messages(account, customer=customer["id"],
                                                status="SENT")} == {"CONFIRMATION", "MOVED",
                                                                    "REMINDER"}
    await ts.close()


async def test_two_instances_send_each_message_once_and_a_dead_ones_claims_come_back(
        actor, account, smtp) -> None:
    inbox, url = smtp
    people = [await _customer(actor) for _ in range(12)]
    for person in people:
        await _book(actor, person)
    # an instance claims a few and dies before sending them (its lease runs out)
    dead = await dispatcher.claim(3, 0.01)
    assert len(dead) == 3
    one, two = transports(url), transports(url)
    await asyncio.gather(_drain(one), _drain(two))
    rows = [r for p in people for r in await _messages(account, customer=p["id"])]
    assert [r["status"] for r in rows] == ["SENT"] * 12
    ids = [m["Message-ID"] for m in inbox.received
           if m["To"] in {p["email"] for p in people}]
    assert len(ids) == 12 and len(set(ids)) == 12  # each once, none lost
    for ts in (one, two):
        await ts.close()


async def test_a_resent_message_is_rendered_from_what_staff_wrote_and_resent_once(
        actor, account, smtp) -> None:
    from clientele.communications import queue

    inbox, url = smtp
    customer = await _customer(actor)
    first = await queue.manual(account.id, customer["id"], "EMAIL", "Your invoice",
                               "Please find it attached.")
    inbox.answer = "550 5.1.1 Mailbox unavailable"
    ts = transports(url)
    await _drain(ts)
    [failed] = await _messages(account, id=first["id"])
    assert failed["status"] == "FAILED" and "Please find it attached." in failed["body"]
    again = await queue.resend(account.id, first["id"])
    assert again is not None and await queue.resend(account.id, first["id"]) is None
    inbox.answer = None
    await _drain(ts)
    [sent] = await _messages(account, id=again["id"])
    assert sent["status"] == "SENT" and sent["subject"] == "Your invoice"
    assert sent["body"].count("/preferences/") == 1  # one footer, not the old one again
    await ts.close()


async def test_the_next_message_follows_what_the_customer_chose_through_the_link(
        actor, account, smtp) -> None:
    from clientele.accounts.services import link_secret
    from clientele.communications import links, preferences

    inbox, url = smtp
    customer = await _customer(actor, mobile_phone="+41791234569", preferred_language="en")
    await _book(actor, customer)
    ts = transports(url)
    await _drain(ts)
    [first] = await _messages(account, customer=customer["id"])
    assert (first["medium"], first["language"]) == ("EMAIL", "en")
    # the link in that message: German, and no more email
    token = first["body"].split("/preferences/")[1].split()[0]
    assert links.read_token(await link_secret(account.id), token)[1] == customer["id"]
    await preferences.update(token, {"preferred_language": "de", "email_enabled": False})
    await _book(actor, customer, days=5)
    await _drain(ts)
    [_, second] = await _messages(account, customer=customer["id"])
    assert (second["status"], second["medium"], second["language"]) == ("SENT", "SMS", "de")
    assert second["recipient"] == "+41791234569" and "Termin" in second["body"]
    assert len([m for m in inbox.received if m["To"] == customer["email"]]) == 1
    await ts.close()
