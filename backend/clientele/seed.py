"""Demo data for an empty database: customers (through the identity service), their
appointments in the past and future, and the messages sent about them."""

from __future__ import annotations

import datetime as dt
import logging
import random
import uuid

from clientele.accounts.principal import Principal
from clientele.accounts.services import AccountInfo
from clientele.core import db
from clientele.customers import services as customers
from clientele.customers.enums import CustomerSource
from clientele.demo_data import (
    CITIES,
    COMPANIES,
    FAILURE_ERRORS,
    FIRST_NAMES,
    LAST_NAMES,
    LOCATIONS,
    NOTES,
    SERVICES,
    STREETS,
    email_for,
    message_body,
    mobile_for,
)

log = logging.getLogger(__name__)
DEMO_CUSTOMERS = 60


async def seed_if_empty(account: AccountInfo, count: int = DEMO_CUSTOMERS) -> int:
    """Seed the account when it has no customers; returns how many customers were created."""
    rows = await db.fetch("SELECT EXISTS (SELECT 1 FROM customer WHERE account = $1) AS x",
                          account.id)
    if rows[0]["x"]:
        return 0
    await seed(account, count)
    log.info("seeded %d demo customers", count)
    return count


async def seed(account: AccountInfo, count: int, rng_seed: int = 7) -> None:
    rng = random.Random(rng_seed)
    actor = Principal.system(account, "demo data").actor
    now = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    for i in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        postcode, city, country = rng.choice(CITIES)
        row = await customers.create(
            actor,
            {
                "salutation": rng.choice(["Mr", "Ms", "Dr", None]),
                "first_name": first,
                "last_name": last,
                "email": email_for(first, last, i) if i % 9 else None,
                "mobile_phone": mobile_for(1_000_000 + i) if i % 7 else None,
                "landline_phone": f"+4144{2_000_000 + i:07d}" if i % 5 == 0 else None,
                "date_of_birth": dt.date(1950 + rng.randrange(55), rng.randrange(1, 13),
                                         rng.randrange(1, 29)),
                "street": f"{rng.choice(STREETS)} {rng.randrange(1, 120)}",
                "postcode": postcode,
                "city": city,
                "country": country,
                "company": rng.choice(COMPANIES),
                "notes": rng.choice(NOTES),
                "preferred_medium": rng.choice(["EMAIL", "SMS", None]),
                "preferred_language": rng.choice(["de", "fr", "it", "en"]),
                "communication_status": "BLOCKED" if i % 17 == 3 else "ALLOWED",
            },
            source=rng.choice(list(CustomerSource)),
        )
        await _seed_history(account.id, row, rng, now, appointments=rng.randrange(1, 9))


async def seed_profile(account: AccountInfo, appointments: int, rng_seed: int = 11) -> dict:
    """One customer with `appointments` appointments and their messages (for tests and demos)."""
    rng = random.Random(rng_seed)
    now = dt.datetime.now(dt.UTC).replace(minute=0, second=0, microsecond=0)
    suffix = uuid.uuid4().hex[:6]
    row = await customers.create(
        Principal.system(account, "demo data").actor,
        {"first_name": "Paula", "last_name": f"Profil-{suffix}",
         "email": f"paula.profil.{suffix}@example.com", "notes": "Long history (demo)."},
    )
    await _seed_history(account.id, row, rng, now, appointments=appointments)
    return row


async def _seed_history(account_id: uuid.UUID, customer: dict, rng: random.Random,
                        now: dt.datetime, appointments: int) -> None:
    for _ in range(appointments):
        start = now + dt.timedelta(days=rng.randrange(-400, 90), hours=rng.randrange(-6, 6))
        all_day = rng.random() < 0.08
        if all_day:
            start = dt.datetime.combine(start.date(), dt.time(), dt.UTC)
        end = start + (dt.timedelta(days=1) if all_day else
                       dt.timedelta(minutes=rng.choice([30, 45, 60, 90])))
        services = rng.choice(SERVICES)
        status = "CANCELLED" if rng.random() < 0.1 else (
            ("NO_SHOW" if rng.random() < 0.05 else "COMPLETED") if end < now else "SCHEDULED")
        location = rng.choice(LOCATIONS)
        appointment_id = uuid.uuid4()
        await db.fetch(
            """
            INSERT INTO appointment (id, account, customer, title, services, starts_at, ends_at,
                                     all_day, location, status, recurrence_id, created_at,
                                     updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '', now(), now())
            """,
            appointment_id, account_id, customer["id"],
            f"{services[0]} – {customer['first_name']} {customer['last_name']}",
            services, start, end, all_day, location, status,
        )
        for medium, subject, kind in (
                ("EMAIL", "Your appointment confirmation", "CONFIRMATION"),
                ("SMS", None, "REMINDER"), ("EMAIL", "Reminder: your appointment", "REMINDER")):
            recipient = customer["email"] if medium == "EMAIL" else customer["mobile_phone"]
            if recipient is None or rng.random() < 0.3:
                continue
            failed = rng.random() < 0.1
            sent_at = min(start - dt.timedelta(days=rng.randrange(0, 5)), now)
            await db.fetch(
                """
                INSERT INTO communication (id, account, appointment, customer, medium, recipient,
                    subject, body, status, error, attempts, sent_at, created_at, kind, due_at,
                    updated_at)
                VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
                        $13, $12, $12)
                """,
                account_id, appointment_id, customer["id"], medium, recipient, subject,
                message_body(customer["first_name"], services[0],
                             start.strftime("%d.%m.%Y %H:%M"), location),
                "FAILED" if failed else "SENT",
                rng.choice(FAILURE_ERRORS[medium]) if failed else None,
                5 if failed else 1,
                None if failed else sent_at,
                sent_at, kind,
            )
