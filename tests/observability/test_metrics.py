"""GET /metrics: Prometheus text that prometheus-client's own parser reads, counters that move
with the requests they count, and a door closed to whoever may not read it."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import AsyncIterator

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from strawberry.schema.exceptions import CannotGetOperationTypeError

from clientele.accounts.permissions import ALL
from clientele.accounts.services import ensure_default_account
from clientele.api.context import Context
from clientele.api.schema import schema
from clientele.app import create_app
from clientele.core import metrics
from clientele.settings import Settings
from tests.conftest import token_for
from tests.security.in_process import in_process
from tests.waiting import subscribed, subscriber_queues

TOKEN = "scrape-me-3f9a"
SCRAPER = {"authorization": f"Bearer {TOKEN}"}


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of the exposition, keyed by name and sorted labels (the parser raises on
    anything that is not the text format)."""
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(found: dict, name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


async def scrape(client: httpx.AsyncClient) -> dict:
    response = await client.get("/metrics", headers=SCRAPER)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return samples(response.text)


async def test_metrics_parse_and_count_requests_operations_and_sql(account) -> None:
    token = await token_for(account.slug, ALL)
    async with in_process(metrics_token=TOKEN) as client:
        before = await scrape(client)
        response = await client.post(
            "/graphql", headers={"authorization": f"Bearer {token}"},
            json={"query": "query MetricsProbe { customers(first: 1) { totalCount } }",
                  "operationName": "MetricsProbe"})
        assert response.status_code == 200 and "errors" not in response.json(), response.text
        nameless = await client.post("/graphql", headers={"authorization": f"Bearer {token}"},
                                     json={"query": "{ __typename }"})
        assert nameless.status_code == 200
        after = await scrape(client)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("clientele_graphql_operations_total", operation="MetricsProbe", type="query",
                 outcome="ok", compiled="false") == 1
    assert moved("clientele_graphql_operations_total", operation="anonymous", type="query",
                 outcome="ok", compiled="false") == 1
    assert moved("clientele_graphql_operation_seconds_count", operation="MetricsProbe",
                 compiled="false") == 1
    assert moved("clientele_http_requests_total", route="/graphql", method="POST",
                 status="200") == 2
    assert moved("clientele_http_request_seconds_count", route="/graphql", method="POST") == 2
    # the first scrape itself was counted under its route
    assert moved("clientele_http_requests_total", route="/metrics", method="GET",
                 status="200") == 1
    assert moved("clientele_sql_seconds_count", kind="query") >= 2  # token lookup, the count
    assert moved("clientele_sql_seconds_sum", kind="query") > 0
    # sampled gauges are there: the pool of this test session, the queues, the search index
    assert value(after, "clientele_db_pool_connections", state="max") > 0
    assert value(after, "clientele_db_pool_connections", state="size") >= 1
    assert ("clientele_messages_queued", (("status", "PENDING"),)) in after
    assert ("clientele_import_jobs_queued", (("status", "QUEUED"),)) in after
    assert ("clientele_webhook_deliveries_queued", (("status", "PENDING"),)) in after
    assert ("clientele_search_index_ready", ()) in after
    assert ("clientele_live_connections", ()) in after


async def test_operation_names_are_bounded_labels() -> None:
    assert metrics.operation_label(None) == "anonymous"
    assert metrics.operation_label("") == "anonymous"
    assert metrics.operation_label("Robert'); DROP TABLE") == "other"
    assert metrics.operation_label("x" * 65) == "other"
    assert metrics.operation_label("CustomerList") == "CustomerList"
    saved = set(metrics._operation_names)
    try:
        for i in range(metrics.MAX_OPERATION_NAMES):
            metrics.operation_label(f"Flood{i}")
        assert metrics.operation_label("OneTooMany") == "other"
        assert metrics.operation_label("CustomerList") == "CustomerList"  # known ones stay
    finally:
        metrics._operation_names.clear()
        metrics._operation_names.update(saved)


def operations(operation: str, type: str, outcome: str) -> float:
    return metrics.GRAPHQL_OPERATIONS.labels(operation, type, outcome, "false")._value.get()


async def test_a_name_the_document_lacks_is_not_a_label(gql) -> None:
    before = operations("anonymous", "unknown", "error")
    with pytest.raises(CannotGetOperationTypeError):  # HTTP answers it with a 400
        await schema.execute("query Real { __typename }", operation_name="Invented",
                             context_value=Context(principal=gql.principal))
    assert operations("anonymous", "unknown", "error") == before + 1
    assert "Invented" not in metrics._operation_names
    assert 'operation="Invented"' not in (await metrics.render()).decode()


async def test_open_subscriptions_are_counted_while_they_last(gql) -> None:
    async with in_process(metrics_token=TOKEN) as client:
        before = await scrape(client)
        queues = subscriber_queues()
        events = await schema.subscribe(
            "subscription { customerChanged { kind } }",
            context_value=Context(principal=gql.principal))
        pending = asyncio.ensure_future(events.__anext__())
        await subscribed(queues)
        during = await scrape(client)
        pending.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await pending
        await events.aclose()
        after = await scrape(client)
    name = "clientele_subscriptions_open"
    assert value(during, name, channel="customer") == value(before, name, channel="customer") + 1
    assert value(after, name, channel="customer") == value(before, name, channel="customer")


async def test_message_outcomes_are_counted_where_the_dispatcher_writes_them() -> None:
    before = metrics.MESSAGES.labels("skipped", "none")._value.get()
    from clientele.communications import dispatcher

    await dispatcher._finish({"id": None, "claimed_until": None}, "SKIPPED", error="test")
    assert metrics.MESSAGES.labels("skipped", "none")._value.get() == before + 1
    assert "clientele_webhook_deliveries_total" in (await metrics.render()).decode()


@contextlib.asynccontextmanager
async def peer(address: str, **settings: object) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(dataclasses.replace(Settings(calendar_polling=False), **settings))
    app.state.account = await ensure_default_account("CH")
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def code(response: httpx.Response) -> str:
    return response.json()["errors"][0]["extensions"]["code"]


async def test_a_configured_token_is_required_from_everywhere() -> None:
    async with peer("127.0.0.1", metrics_token=TOKEN) as client:
        missing = await client.get("/metrics")
        wrong = await client.get("/metrics", headers={"authorization": "Bearer nope"})
        right = await client.get("/metrics", headers=SCRAPER)
    assert (missing.status_code, code(missing)) == (401, "UNAUTHENTICATED")
    assert missing.headers["www-authenticate"] == "Bearer"
    assert (wrong.status_code, code(wrong)) == (401, "UNAUTHENTICATED")
    assert right.status_code == 200
    async with peer("203.0.113.9", metrics_token=TOKEN, app_env="production") as client:
        assert (await client.get("/metrics", headers=SCRAPER)).status_code == 200


@pytest.mark.parametrize(("address", "settings", "headers", "status"), [
    ("127.0.0.1", {}, {}, 200),  # development, loopback
    ("::1", {}, {}, 200),
    ("203.0.113.9", {}, {}, 403),  # development, the internet
    ("127.0.0.1", {}, {"x-forwarded-for": "203.0.113.9"}, 403),  # through a local proxy
    ("127.0.0.1", {"app_env": "production"}, {}, 403),  # production: nobody by default
    ("10.1.2.3", {"app_env": "production"}, {}, 403),
])
async def test_without_a_token_only_internal_peers_read_it(address, settings, headers,
                                                           status) -> None:
    async with peer(address, **settings) as client:
        response = await client.get("/metrics", headers=headers)
    assert response.status_code == status
    if status == 403:
        assert code(response) == "FORBIDDEN"
        assert "clientele_" not in response.text


async def test_allowed_networks_read_it_in_production() -> None:
    import ipaddress

    networks = (ipaddress.ip_network("10.0.0.0/8"),)
    async with peer("10.1.2.3", app_env="production", metrics_allow_networks=networks) as client:
        assert (await client.get("/metrics")).status_code == 200
    async with peer("192.168.1.2", app_env="production",
                    metrics_allow_networks=networks) as client:
        assert (await client.get("/metrics")).status_code == 403


async def test_a_made_up_method_is_not_a_label() -> None:
    async with in_process(metrics_token=TOKEN) as client:
        await client.request("BREW", "/graphql")
        text = (await client.get("/metrics", headers=SCRAPER)).text
    assert "BREW" not in text
    assert 'method="other"' in text


async def test_a_queued_message_shows_in_the_queue_gauge(gql) -> None:
    from clientele.communications import queue
    from clientele.core import db, ids
    from tests.api.helpers import create_customer

    customer = ids.decode_as(await create_customer(gql, firstName="Queued"), "Customer")
    async with in_process(metrics_token=TOKEN) as client:
        before = await scrape(client)
        row = await queue.manual(gql.account.id, customer, "EMAIL", "Subject", "Body")
        try:
            after = await scrape(client)
        finally:
            await db.fetch("DELETE FROM communication WHERE id = $1", row["id"])
    for status in ("PENDING", "PENDING_DUE"):
        assert value(after, "clientele_messages_queued", status=status) \
            == value(before, "clientele_messages_queued", status=status) + 1
