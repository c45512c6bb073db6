"""Deleting a customer: with or without their (anonymised) history."""

import datetime as dt
import random

from clientele.accounts.services import AccountInfo
from clientele.core import db
from clientele.customers import services
from clientele.seed import _seed_history
from tests.conftest import actor_of


async def _customer_with_history(account: AccountInfo) -> dict:
    row = await services.create(actor_of(account), {"first_name": "Gina", "last_name": "Gone",
                                                  "email": "gina@example.com",
                                                  "mobile_phone": "079 000 00 01"})
    now = dt.datetime.now(dt.UTC)
    await _seed_history(account.id, row, random.Random(1), now, appointments=6)
    return row


async def _counts(account: AccountInfo) -> tuple[int, int]:
    rows = await db.fetch(
        "SELECT (SELECT count(*) FROM appointment WHERE account = $1) AS a,"
        " (SELECT count(*) FROM communication WHERE account = $1) AS c", account.id)
    return rows[0]["a"], rows[0]["c"]


async def test_delete_removes_appointments_and_communications(account: AccountInfo) -> None:
    row = await _customer_with_history(account)
    appointments, communications = await _counts(account)
    assert appointments == 6 and communications > 0
    await services.delete(actor_of(account), row["id"], keep_history=False)
    assert await services.get(account.id, row["id"]) is None
    assert await _counts(account) == (0, 0)


async def test_keep_history_anonymises_instead(account: AccountInfo) -> None:
    row = await _customer_with_history(account)
    before = await _counts(account)
    await services.delete(actor_of(account), row["id"], keep_history=True)
    assert await services.get(account.id, row["id"]) is None
    assert await _counts(account) == before
    leftovers = await db.fetch(
        """
        SELECT a.customer, a.title, a.anonymised_at, c.customer AS c_customer, c.recipient,
               c.body, c.subject, a.services, a.starts_at
        FROM appointment a LEFT JOIN communication c ON c.appointment = a.id
        WHERE a.account = $1
        """, account.id)
    for r in leftovers:
        assert r["customer"] is None and r["c_customer"] is None
        assert r["title"] == "" and r["anonymised_at"] is not None
        assert r["recipient"] is None and r["body"] is None and r["subject"] is None
        assert r["services"] and r["starts_at"] is not None
    text = " ".join(str(v) for r in leftovers for v in r.values())
    assert "Gina" not in text and "gina@example.com" not in text and "+41790000001" not in text


async def test_delete_in_another_account_is_not_found(account: AccountInfo,
                                                       other_account: AccountInfo) -> None:
    import pytest

    from clientele.core.errors import NotFound

    row = await _customer_with_history(account)
    with pytest.raises(NotFound):
        await services.delete(actor_of(other_account), row["id"], keep_history=False)
    assert await services.get(account.id, row["id"]) is not None
