"""Signed webhooks against a real HTTP server on 127.0.0.1: signatures verify per the
Standard Webhooks specification, failures are retried, a restart loses nothing, private
addresses are refused, every event goes once however many dispatchers run."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import json
import time
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook

from clientele.accounts.permissions import Permission
from clientele.accounts.services import AccountInfo
from clientele.core import db, fetch, ids
from clientele.customers import services as customers
from clientele.webhooks import dispatcher, endpoints
from clientele.webhooks.enums import WebhookEventType as W
from tests.conftest import Client, actor_of
from tests.waiting import eventually
from tests.webhooks.conftest import FAST, Receiver, deliveries, log_of

CREATE = """mutation($input: WebhookCreateInput!) {
  webhookCreate(input: $input) {
    endpoint { id url events enabled }
    secret
    userErrors { field code message }
  }
}"""

REDELIVER = """mutation($id: ID!) {
  webhookRedeliver(deliveryId: $id) {
    delivery { id status }
    userErrors { field code message }
  }
}"""

LIST = """{ webhooks { id url enabled disabledReason failureStreak
  deliveries(first: 10) { totalCount edges { node {
    id webhookId eventType status attempts lastStatusCode nextAttemptAt payload
    log { statusCode error manual } } } } } }"""


async def _create(gql: Client, url: str, events: list[str] | None = None) -> dict[str, Any]:
    data = await gql.data(CREATE, input={"url": url, "events": events or ["CUSTOMER_CREATED"]})
    assert data["webhookCreate"]["userErrors"] == []
    return data["webhookCreate"]


async def _customer(account: AccountInfo, name: str = "Ada") -> dict[str, Any]:
    return await customers.create(actor_of(account), {"first_name": name})


async def _drain(options: dispatcher.Options = FAST, rounds: int = 5) -> None:
    for _ in range(rounds):
        await dispatcher.run_once(options)


async def test_a_delivery_is_signed_per_the_standard_webhooks_specification(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    created = await _create(gql, receiver.url)
    secret = created["secret"]
    assert secret.startswith("whsec_") and created["endpoint"]["enabled"]
    customer = await _customer(account)

    await dispatcher.run_once(FAST)

    [got] = receiver.received
    assert {"webhook-id", "webhook-timestamp", "webhook-signature"} <= got.headers.keys()
    assert got.headers["webhook-id"].startswith("msg_")
    assert got.headers["content-type"] == "application/json"
    payload = Webhook(secret).verify(got.body, got.headers)  # raises unless it verifies
    assert payload["type"] == "customer.created"
    assert payload["data"] == {"id": ids.encode("Customer", customer["id"])}
    assert dt.datetime.fromisoformat(payload["timestamp"]) <= dt.datetime.now(dt.UTC)
    # the signature is the secret's: another secret does not verify it
    with pytest.raises(Exception, match="signature"):
        Webhook(endpoints.new_secret()).verify(got.body, got.headers)
    # a body changed in transit does not verify either
    with pytest.raises(Exception, match="signature"):
        Webhook(secret).verify(got.body.replace(b"customer", b"kustomer"), got.headers)

    listed = (await gql.data(LIST))["webhooks"]
    [node] = [e["node"] for e in listed[0]["deliveries"]["edges"]]
    assert (node["status"], node["attempts"], node["lastStatusCode"], node["webhookId"]) == (
        "DELIVERED", 1, 200, got.headers["webhook-id"])
    assert node["log"] == [{"statusCode": 200, "error": None, "manual": False}]
    assert "secret" not in json.dumps(listed)


async def test_a_500_answer_is_retried_with_the_same_webhook_id(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    secret = (await _create(gql, receiver.url))["secret"]
    receiver.answer(500)
    await _customer(account)

    await dispatcher.run_once(FAST)
    [delivery] = await deliveries(account)
    assert (delivery["status"], delivery["attempts"], delivery["last_status_code"]) == (
        "PENDING", 1, 500)
    assert delivery["next_attempt_at"] is not None

    await dispatcher.run_once(FAST)
    [delivery] = await deliveries(account)
    assert (delivery["status"], delivery["attempts"], delivery["last_status_code"]) == (
        "DELIVERED", 2, 200)
    assert [r.status for r in receiver.received] == [500, 200]
    assert len(set(receiver.ids())) == 1  # idempotency by webhook-id
    for got in receiver.received:  # each attempt signed afresh, each verifies
        Webhook(secret).verify(got.body, got.headers)
    assert [(a["status_code"], a["error"]) for a in await log_of(delivery["id"])] == [
        (500, "HTTP 500 Internal Server Error"), (200, None)]


async def test_the_retry_schedule_spans_more_than_a_day_then_fails(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    schedule = dispatcher.RETRY_SECONDS
    assert sum(schedule) * (1 - dispatcher.JITTER) >= 24 * 3600
    assert list(schedule) == sorted(schedule)
    waits = [dispatcher.retry_in(n, schedule) for n in range(1, len(schedule) + 2)]
    assert all(w is not None for w in waits[:-1]) and waits[-1] is None
    assert abs(waits[0] - 5) <= 0.5 + 1e-9  # type: ignore[operator]

    await _create(gql, receiver.url)
    receiver.answer(503, 503)
    await _customer(account)
    short = dataclasses.replace(FAST, retry_seconds=(0,))  # two attempts in all
    await _drain(short)
    [delivery] = await deliveries(account)
    assert (delivery["status"], delivery["attempts"], delivery["next_attempt_at"]) == (
        "FAILED", 2, None)


async def test_a_restart_in_between_loses_nothing_and_delivers_once(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    await _create(gql, receiver.url)
    receiver.answer(500)
    slow = dataclasses.replace(FAST, retry_seconds=(0.3,))
    async with dispatcher.dispatcher(options=slow):
        await _customer(account)  # wakes the dispatcher after the commit
        await eventually(lambda: len(receiver.received) == 1, what="the first attempt")
        await eventually(_attempts_logged(account, 1), what="its outcome written")
    # the dispatcher stopped (a restart): the delivery waits in the database
    [delivery] = await deliveries(account)
    assert delivery["status"] == "PENDING"
    async with dispatcher.dispatcher(options=slow):
        await eventually(_delivered(account), what="the delivery after the restart")
    assert [r.status for r in receiver.received] == [500, 200]
    assert len(set(receiver.ids())) == 1


async def test_a_delivery_claimed_by_an_instance_that_died_is_sent_by_another(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    await _create(gql, receiver.url)
    await _customer(account)
    # an instance claims it and dies before sending: its short lease runs out
    claimed = await dispatcher.claim(10, 0.2)
    assert [c["account"] for c in claimed] == [account.id]
    assert await dispatcher.run_once(FAST) == 0  # leased: nobody else sends it meanwhile
    await eventually(_recovered, what="the lease to run out")
    await dispatcher.run_once(FAST)
    [delivery] = await deliveries(account)
    assert delivery["status"] == "DELIVERED" and len(receiver.received) == 1


async def test_a_rolled_back_write_records_no_delivery(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    await _create(gql, receiver.url)

    class Undo(Exception):
        pass

    with pytest.raises(Undo):
        async with db.transaction():
            await _customer(account, "Gone")
            raise Undo
    assert await deliveries(account) == []
    await dispatcher.run_once(FAST)
    assert receiver.received == []

    async with db.transaction():  # the same write, committed: recorded with it
        await _customer(account, "Kept")
    assert [d["event_type"] for d in await deliveries(account)] == ["customer.created"]


async def test_only_subscribed_events_of_enabled_endpoints_are_recorded(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    await _create(gql, receiver.url, ["CUSTOMER_DELETED"])
    customer = await _customer(account)
    assert await deliveries(account) == []
    await customers.delete(actor_of(account), customer["id"], keep_history=False)
    assert [d["event_type"] for d in await deliveries(account)] == ["customer.deleted"]


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/hooks", "http://169.254.169.254/latest",
                                 "http://10.0.0.8/hooks", "http://[::1]/hooks",
                                 "http://localhost/hooks", "http://0x7f000001/hooks"])
async def test_a_private_address_is_refused_at_create(gql: Client, url: str) -> None:
    fetch.allow_networks(())  # the shipped default
    data = await gql.data(CREATE, input={"url": url, "events": ["CUSTOMER_CREATED"]})
    assert data["webhookCreate"]["endpoint"] is None and data["webhookCreate"]["secret"] is None
    [error] = data["webhookCreate"]["userErrors"]
    assert (error["field"], error["code"]) == ("url", "NOT_PUBLIC")
    assert "FETCH_ALLOW_NETWORKS" in error["message"]


@pytest.mark.parametrize("url", ["ftp://example.com/x", "example.com/hooks", "",
                                 "https://example.com/" + "x" * 2000])
async def test_an_unusable_url_is_refused(gql: Client, url: str) -> None:
    data = await gql.data(CREATE, input={"url": url, "events": ["CUSTOMER_CREATED"]})
    [error] = data["webhookCreate"]["userErrors"]
    assert (error["field"], error["code"]) == ("url", "INVALID")


async def test_no_events_is_refused(gql: Client) -> None:
    data = await gql.data(CREATE, input={"url": "https://example.com/hooks", "events": []})
    assert [e["code"] for e in data["webhookCreate"]["userErrors"]] == ["INVALID"]


async def test_a_private_address_is_refused_at_send(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    await _create(gql, receiver.url)  # allowed when created
    fetch.allow_networks(())  # the operator no longer allows the network
    await _customer(account)
    await dispatcher.run_once(FAST)
    [delivery] = await deliveries(account)
    assert receiver.received == []  # never contacted
    assert delivery["status"] == "PENDING" and delivery["last_status_code"] is None
    assert "NOT_PUBLIC" in delivery["last_error"]


async def test_concurrent_dispatchers_deliver_each_event_once(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    await _create(gql, receiver.url)
    events = 120
    async with db.transaction():
        for i in range(events):
            await _customer(account, f"P{i}")
    options = dataclasses.replace(FAST, concurrency=4)
    started = time.perf_counter()

    async def instance() -> None:
        while await dispatcher.run_once(options):
            pass

    await asyncio.gather(*(instance() for _ in range(4)))
    elapsed = time.perf_counter() - started
    rows = await deliveries(account)
    assert {r["status"] for r in rows} == {"DELIVERED"} and len(rows) == events
    assert sorted(receiver.ids()) == sorted(r["message_id"] for r in rows)  # each once
    print(f"\n{events} deliveries by 4 dispatchers in {elapsed:.2f} s "
          f"({events / elapsed:.0f}/s)")


async def test_manual_redelivery(gql: Client, account: AccountInfo,
                                 receiver: Receiver) -> None:
    await _create(gql, receiver.url)
    receiver.answer(500)
    await _customer(account)
    no_retries = dataclasses.replace(FAST, retry_seconds=())
    await dispatcher.run_once(no_retries)
    [delivery] = await deliveries(account)
    assert delivery["status"] == "FAILED"

    global_id = ids.encode("WebhookDelivery", delivery["id"])
    data = await gql.data(REDELIVER, id=global_id)
    assert data["webhookRedeliver"] == {"delivery": {"id": global_id, "status": "PENDING"},
                                        "userErrors": []}
    await dispatcher.run_once(no_retries)
    [delivery] = await deliveries(account)
    assert (delivery["status"], delivery["attempts"]) == ("DELIVERED", 2)
    assert [(a["status_code"], a["manual"]) for a in await log_of(delivery["id"])] == [
        (500, False), (200, True)]

    # a delivered one, again (the partner lost it): same webhook-id, delivered again
    await gql.data(REDELIVER, id=global_id)
    await dispatcher.run_once(no_retries)
    assert [r.status for r in receiver.received] == [500, 200, 200]
    assert len(set(receiver.ids())) == 1

    missing = await gql.data(REDELIVER, id=ids.encode("WebhookDelivery", account.id))
    assert [e["code"] for e in missing["webhookRedeliver"]["userErrors"]] == ["NOT_FOUND"]


async def test_an_endpoint_failing_for_five_days_is_disabled(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    endpoint_id = ids.decode_as((await _create(gql, receiver.url))["endpoint"]["id"],
                                "WebhookEndpoint")
    receiver.answer(500)
    await _customer(account, "One")
    await dispatcher.run_once(dataclasses.replace(FAST, retry_seconds=(3600,)))
    # nothing succeeded since the first failure, which was (say) 5 days ago
    await db.fetch("UPDATE webhook_endpoint SET failing_since = now() - interval '5 days 1 "
                   "minute' WHERE id = $1", endpoint_id)
    await db.fetch("UPDATE webhook_delivery SET next_attempt_at = now() WHERE endpoint = $1",
                   endpoint_id)
    receiver.answer(500)
    await dispatcher.run_once(FAST)
    [listed] = (await gql.data(LIST))["webhooks"]
    assert listed["enabled"] is False and "5 days" in listed["disabledReason"]
    assert {r["status"] for r in await deliveries(account)} == {"FAILED"}

    # disabled: new events are not recorded, redelivery is refused until it is enabled
    await _customer(account, "Three")
    assert len(await deliveries(account)) == 1
    first = (await deliveries(account))[0]
    refused = await gql.data(REDELIVER, id=ids.encode("WebhookDelivery", first["id"]))
    assert [e["code"] for e in refused["webhookRedeliver"]["userErrors"]] == [
        "ENDPOINT_DISABLED"]

    enabled = await gql.data("""mutation($id: ID!) { webhookEnable(id: $id) {
        endpoint { enabled disabledReason failureStreak } userErrors { code } } }""",
                             id=listed["id"])
    assert enabled["webhookEnable"]["endpoint"] == {"enabled": True, "disabledReason": None,
                                                   "failureStreak": 0}
    await _customer(account, "Four")
    await dispatcher.run_once(FAST)
    assert [d["status"] for d in await deliveries(account)] == ["FAILED", "DELIVERED"]


async def test_webhooks_need_manage_settings(account: AccountInfo) -> None:
    staff = Client(account, frozenset({Permission.READ_CUSTOMERS, Permission.EDIT_CUSTOMERS}))
    result = await staff.execute(LIST)
    assert result.errors and "manage:settings" in str(result.errors[0])
    result = await staff.execute(CREATE, input={"url": "https://example.com/h",
                                                "events": ["CUSTOMER_CREATED"]})
    assert result.errors and result.data is None


async def test_update_and_delete(gql: Client, account: AccountInfo,
                                 receiver: Receiver) -> None:
    endpoint = (await _create(gql, receiver.url))["endpoint"]
    updated = await gql.data("""mutation($id: ID!, $input: WebhookUpdateInput!) {
        webhookUpdate(id: $id, input: $input) { endpoint { url events } userErrors { code } } }""",
                             id=endpoint["id"], input={"events": ["CUSTOMER_UPDATED",
                                                                  "IMPORT_FINISHED"]})
    assert updated["webhookUpdate"]["endpoint"] == {
        "url": receiver.url, "events": ["CUSTOMER_UPDATED", "IMPORT_FINISHED"]}
    refused = await gql.data("""mutation($id: ID!, $input: WebhookUpdateInput!) {
        webhookUpdate(id: $id, input: $input) { endpoint { url } userErrors { code } } }""",
                             id=endpoint["id"], input={"url": "http://192.168.1.1/"})
    fetch.allow_networks(())
    refused = await gql.data("""mutation($id: ID!, $input: WebhookUpdateInput!) {
        webhookUpdate(id: $id, input: $input) { endpoint { url } userErrors { code } } }""",
                             id=endpoint["id"], input={"url": "http://192.168.1.1/"})
    assert refused["webhookUpdate"] == {"endpoint": None,
                                        "userErrors": [{"code": "NOT_PUBLIC"}]}
    deleted = await gql.data("""mutation($id: ID!) { webhookDelete(id: $id) {
        endpoint { id } userErrors { code } } }""", id=endpoint["id"])
    assert deleted["webhookDelete"] == {"endpoint": None, "userErrors": []}
    assert (await gql.data(LIST))["webhooks"] == []


def _attempts_logged(account: AccountInfo, count: int) -> Any:
    async def check() -> bool:
        rows = await deliveries(account)
        return bool(rows) and rows[0]["status"] == "PENDING" and rows[0]["attempts"] == count
    return check


def _delivered(account: AccountInfo) -> Any:
    async def check() -> bool:
        rows = await deliveries(account)
        return bool(rows) and all(r["status"] == "DELIVERED" for r in rows)
    return check


async def _recovered() -> bool:
    return await dispatcher.recover() > 0


_ = W  # the domain enum is what the API enum mirrors (test_events covers every type)


async def test_finished_deliveries_are_pruned_after_30_days(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    await _create(gql, receiver.url)
    receiver.answer(500)
    for name in ("Old", "Recent", "Waiting"):
        await _customer(account, name)
    await dispatcher.run_once(dataclasses.replace(FAST, retry_seconds=(3600,)))
    rows = await deliveries(account)
    assert sorted(r["status"] for r in rows) == ["DELIVERED", "DELIVERED", "PENDING"]
    # everything is 31 days old; the one still waiting for its retry stays nonetheless
    await db.fetch("UPDATE webhook_delivery SET created_at = now() - interval '31 days' "
                   "WHERE account = $1", account.id)
    recent = next(r for r in rows if r["status"] == "DELIVERED")
    await db.fetch("UPDATE webhook_delivery SET created_at = now() WHERE id = $1",
                   recent["id"])
    assert await dispatcher.prune(batch=1) >= 1
    left = await deliveries(account)
    assert sorted((r["id"] == recent["id"], r["status"]) for r in left) == [
        (False, "PENDING"), (True, "DELIVERED")]
    assert await log_of(recent["id"])  # the kept one keeps its log


async def test_one_endpoint_takes_a_share_of_a_batch_not_all_of_it(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    busy = ids.decode_as((await _create(gql, receiver.url + "?busy"))["endpoint"]["id"],
                         "WebhookEndpoint")
    quiet = ids.decode_as((await _create(gql, receiver.url + "?quiet",
                                         ["CUSTOMER_UPDATED"]))["endpoint"]["id"],
                          "WebhookEndpoint")
    for i in range(6):
        person = await _customer(account, f"B{i}")
    await customers.update(actor_of(account), person["id"], {"last_name": "Quiet"})
    claimed = await dispatcher.claim(4, 30, per_endpoint=2)
    assert sorted(str(c["endpoint"]) for c in claimed) == sorted(
        [str(busy), str(busy), str(quiet)])


async def test_a_delivery_being_sent_is_not_redelivered_meanwhile(
        gql: Client, account: AccountInfo, receiver: Receiver) -> None:
    await _create(gql, receiver.url)
    await _customer(account)
    [claimed] = await dispatcher.claim(10, 30)
    data = await gql.data(REDELIVER, id=ids.encode("WebhookDelivery", claimed["id"]))
    assert [e["code"] for e in data["webhookRedeliver"]["userErrors"]] == [
        "DELIVERY_IN_PROGRESS"]
    assert await dispatcher.deliver(claimed, FAST) == "DELIVERED"
    assert len(receiver.received) == 1
