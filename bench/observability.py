"""What metrics cost a request with tracing off (docs/performance.md, "Observability").

    DATABASE_URL=postgresql://… .venv/bin/python -m bench.observability

1. In-process requests (httpx's ASGI transport, the whole app): POST /graphql `{ __typename }`
   with the metrics middleware and the operation extension, and with both taken out;
   alternating rounds, the median of each.
   Times are CPU time of this process (time.process_time), steadier than wall time on a
   shared machine.
2. The parts alone: the middleware and extension per request, and `core.db.observed` per SQL
   statement (the histogram and the tracing check around an awaitable that does nothing).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time

import httpx

ROUNDS = 9
REQUESTS = 1500
STATEMENTS = 200_000


async def _requests(client: httpx.AsyncClient, n: int) -> float:
    started = time.process_time()
    for _ in range(n):
        response = await client.post("/graphql", json={"query": "query Bench { __typename }"})
        assert response.status_code == 200
    return (time.process_time() - started) / n


def _strip(app, schema, telemetry, middleware) -> None:
    app.user_middleware = [m for m in app.user_middleware if m.cls is not middleware]
    schema.extensions = [e for e in schema.extensions if e is not telemetry]


async def main() -> None:
    from bench.scratch import create_database, drop_database

    from clientele.accounts.services import ensure_default_account
    from clientele.api.http_telemetry import RequestTelemetry
    from clientele.api.telemetry import OperationMetrics
    from clientele.app import create_app
    from clientele.core import db, tracing
    from clientele.settings import Settings

    server = os.environ["DATABASE_URL"]
    await create_database(server, "bench_observability")
    await db.start_pool()
    try:
        assert not tracing.enabled(), "unset OTEL_EXPORTER_OTLP_ENDPOINT for this benchmark"
        clients = {}
        for variant in ("metrics", "none"):
            app = create_app(Settings(calendar_polling=False))
            app.state.account = await ensure_default_account("CH")
            graphql = next(r for r in app.routes if getattr(r, "path", "") == "/graphql")
            if variant == "none":
                _strip(app, graphql.endpoint.schema, OperationMetrics, RequestTelemetry)
            transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
            clients[variant] = httpx.AsyncClient(transport=transport, base_url="http://t")
        for client in clients.values():
            await _requests(client, 200)  # warm: caches, code paths
        times: dict[str, list[float]] = {"metrics": [], "none": []}
        order = list(clients.items())
        for _ in range(ROUNDS):
            order.reverse()  # neither variant always runs first
            for variant, client in order:
                times[variant].append(await _requests(client, REQUESTS))
        for pick in (min, statistics.median):
            with_metrics = pick(times["metrics"]) * 1e6
            without = pick(times["none"]) * 1e6
            print(f"request, whole app ({pick.__name__}): {with_metrics:.1f} µs with metrics, "
                  f"{without:.1f} µs without: {with_metrics - without:+.1f} µs")
        for client in clients.values():
            await client.aclose()

        async def nothing() -> None:
            return None

        async def inner(scope, receive, send) -> None:
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b""})

        async def receive() -> dict:
            return {"type": "http.request", "body": b""}

        async def send(message) -> None:
            return None

        wrapped = RequestTelemetry(inner)
        scope = {"type": "http", "method": "POST", "path": "/graphql", "headers": []}
        for label, asgi in (("bare ASGI app", inner), ("with RequestTelemetry", wrapped)):
            started = time.process_time()
            for _ in range(STATEMENTS // 4):
                await asgi(dict(scope), receive, send)
            print(f"per request, {label}: "
                  f"{(time.process_time() - started) / (STATEMENTS // 4) * 1e6:.2f} µs")

        from clientele.api.schema import build_schema

        with_ext, without_ext = build_schema(), build_schema()
        without_ext.extensions = [e for e in without_ext.extensions
                                  if e is not OperationMetrics]
        ops: dict[str, list[float]] = {"with": [], "without": []}
        pairs = [("with", with_ext), ("without", without_ext)]
        for _ in range(ROUNDS * 3):
            pairs.reverse()
            for label, schema in pairs:
                started = time.process_time()
                for _ in range(REQUESTS):
                    await schema.execute("query Bench { __typename }")
                ops[label].append((time.process_time() - started) / REQUESTS * 1e6)
        print(f"per operation (schema.execute), OperationMetrics: "
              f"min {min(ops['with']):.1f} µs with, {min(ops['without']):.1f} without; "
              f"median {statistics.median(ops['with']):.1f} with, "
              f"{statistics.median(ops['without']):.1f} without")

        for label, run in (("bare await", lambda: nothing()),
                           ("observed()", lambda: db.observed("query", "SELECT 1",
                                                              nothing()))):
            started = time.process_time()
            for _ in range(STATEMENTS):
                await run()
            print(f"per statement, {label}: "
                  f"{(time.process_time() - started) / STATEMENTS * 1e6:.2f} µs")
    finally:
        await drop_database(server, "bench_observability")


if __name__ == "__main__":
    asyncio.run(main())
