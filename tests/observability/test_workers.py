"""Two server processes behind one port: a scrape reaches either worker, and still counts the
requests both answered (prometheus-client's multiprocess mode, set up by `clientele serve`)."""

from __future__ import annotations

import httpx

from tests.conftest import running_server
from tests.observability.test_metrics import samples, value
from tests.waiting import eventually_sync

TOKEN = "workers-scrape-7c1e"
REQUESTS = 24


def test_counters_and_gauges_add_up_over_the_workers(database_url: str) -> None:
    with running_server(database_url, start_within=180, WEB_CONCURRENCY="2",
                        METRICS_TOKEN=TOKEN, CALENDAR_POLLING="0", MESSAGES="0",
                        WEBHOOKS="0") as base:
        def scrape() -> dict:
            # a new connection each time: the kernel hands it to either worker
            response = httpx.get(f"{base}/metrics",
                                 headers={"authorization": f"Bearer {TOKEN}"}, timeout=10)
            assert response.status_code == 200
            return samples(response.text)

        before = scrape()
        for _ in range(REQUESTS):
            answer = httpx.post(f"{base}/graphql", timeout=10,
                                json={"query": "query WorkerProbe { __typename }"})
            assert answer.status_code == 200
        after = scrape()
        # both pools (10 connections at most each) once both workers have sampled theirs
        pools = eventually_sync(
            lambda: value(found := scrape(), "clientele_db_pool_connections",
                          state="max") == 20 and found,
            within=30, what="both workers' pool gauges")

    operations = "clientele_graphql_operations_total"
    labels = {"operation": "WorkerProbe", "type": "query", "outcome": "ok",
              "compiled": "false"}
    assert value(after, operations, **labels) - value(before, operations, **labels) == REQUESTS
    assert value(after, "clientele_http_requests_total", route="/graphql", method="POST",
                 status="200") >= REQUESTS
    assert value(pools, "clientele_db_pool_connections", state="size") >= 2
