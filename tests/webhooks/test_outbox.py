"""The outbox: the events of a transaction are written in one statement right before it
commits (db.before_commit), with it or not at all; outside a transaction at once."""

from __future__ import annotations

from typing import Any

import pytest

from clientele.accounts.services import AccountInfo
from clientele.core import db
from clientele.webhooks import endpoints, outbox
from clientele.webhooks.enums import WebhookEventType as W
from tests.webhooks.conftest import deliveries


@pytest.fixture
async def subscribed(account: AccountInfo) -> AccountInfo:
    await endpoints.create(account.id, "https://partner.example.com/a", [W.CUSTOMER_UPDATED])
    await endpoints.create(account.id, "https://partner.example.com/b", list(W))
    return account


async def test_a_transactions_events_cost_one_statement(subscribed: AccountInfo) -> None:
    async with db.transaction():
        before = db.engine().statements
        for i in range(50):
            await outbox.record(subscribed.id, W.CUSTOMER_UPDATED, {"id": str(i)})
        assert db.engine().statements == before  # gathered, nothing written yet
        await db.fetch("SELECT 1")
        assert await db.fetch("SELECT count(*) AS n FROM webhook_delivery WHERE account = $1",
                              subscribed.id) == [{"n": 0}]
        marker = db.engine().statements
    assert db.engine().statements - marker == 1  # the flush, before the commit
    rows = await deliveries(subscribed)
    assert len(rows) == 100  # both endpoints subscribed
    # one webhook-id per event, shared by the endpoints; the body the same for both
    by_id: dict[str, set[Any]] = {}
    for row in rows:
        by_id.setdefault(row["message_id"], set()).add((row["endpoint"], row["payload"]))
    assert len(by_id) == 50 and all(len(v) == 2 for v in by_id.values())
    assert all(len({payload for _, payload in v}) == 1 for v in by_id.values())


async def test_a_failing_flush_rolls_the_write_back(subscribed: AccountInfo,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(events: Any) -> None:
        raise RuntimeError("outbox unavailable")

    monkeypatch.setattr(outbox, "_write", broken)
    with pytest.raises(RuntimeError, match="outbox unavailable"):
        async with db.transaction():
            await db.fetch("UPDATE account SET name = 'Changed' WHERE id = $1", subscribed.id)
            await outbox.record(subscribed.id, W.CUSTOMER_UPDATED, {"id": "x"})
    rows = await db.fetch("SELECT name FROM account WHERE id = $1", subscribed.id)
    assert rows[0]["name"] != "Changed"  # the change did not commit without its event
    assert not db.in_transaction()


async def test_outside_a_transaction_an_event_is_written_at_once(
        subscribed: AccountInfo) -> None:
    await outbox.record(subscribed.id, W.CUSTOMER_DELETED, {"id": "y"})
    assert [r["event_type"] for r in await deliveries(subscribed)] == ["customer.deleted"]
