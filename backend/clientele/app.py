"""The Starlette application: lifespan (database, broadcast), GraphQL endpoint, the SPA."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from clientele import database
from clientele.accounts.bootstrap import (
    DEMO_PASSWORD,
    FIRST_ADMIN_HINT,
    create_demo_users,
    has_users,
)
from clientele.accounts.permissions import Permission
from clientele.accounts.services import AccountInfo, ensure_default_account
from clientele.api import exports, import_files, metrics_sources
from clientele.api.auth import Authentication
from clientele.api.content_types import GraphQLContentTypes
from clientele.api.faults import FaultResponses
from clientele.api.health import health
from clientele.api.http import graphql_app
from clientele.api.http_telemetry import RequestTelemetry
from clientele.api.limits import Limits
from clientele.api.live import running as live_connections
from clientele.api.metrics_endpoint import metrics_page
from clientele.api.schema import build_schema
from clientele.api.security_headers import SecurityHeaders
from clientele.api.static_assets import NO_CACHE, PrecompressedFiles
from clientele.appointments.last_seen import running as last_seen_running
from clientele.calendar_sync.service import poller as calendar_poller
from clientele.calendar_sync.service import recover as recover_calendar_runs
from clientele.communications.dispatcher import dispatcher as message_dispatcher
from clientele.core import db, metrics, pubsub, tracing
from clientele.customers import duplicates
from clientele.customers.imports import runner as import_runner
from clientele.customers.lifecycle import running as lifecycle_running
from clientele.customers.search.service import running as search_running
from clientele.settings import Settings
from clientele.webhooks.dispatcher import dispatcher as webhook_dispatcher

log = logging.getLogger(__name__)

PLACEHOLDER = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Clientele</title></head><body><main><h1>Clientele</h1>
<p>The front end has not been built. The API and GraphiQL are at <a href="/graphql">/graphql</a>.
</p></main></body></html>"""


async def start(settings: Settings) -> AccountInfo:
    """Everything the app needs before serving: database, migrations, account, and in
    development demo data. Production seeds nothing, whatever CLIENTELE_SEED says: demo users
    have a published password."""
    database.configure(db.resolve_url(settings))
    await db.start_pool()
    from clientele import seed
    from clientele.core import fetch

    fetch.allow_networks(settings.fetch_allow_networks)  # the outbound fetch guard's allowlist

    async with db.startup_lock():
        await db.migrate()
        account = await ensure_default_account(settings.default_phone_region)
        if settings.seed_demo_data and settings.production:
            log.warning("CLIENTELE_SEED is ignored with APP_ENV=production: no demo data")
        elif settings.seed_demo_data:
            await seed.seed_if_empty(account)
            for email, role in await create_demo_users(account):
                print(f"  development login ({role}): {email} / {DEMO_PASSWORD}", flush=True)
        if not await has_users(account):
            print(FIRST_ADMIN_HINT, flush=True)
    return account


def tune_garbage_collector() -> None:
    """Objects that live as long as the process (schema, modules, pools) leave the collector's
    view, and young-generation collections run less often: a profile request allocates
    thousands of short-lived objects, and default thresholds collect several times each."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


class BodyLimit:
    """Refuses request bodies larger than `max_bytes` with 413 (declared or streamed). A
    multipart upload to /graphql by someone who may import customers (the principal is known:
    this runs inside `Authentication`) may be as large as `upload_bytes` (an import file)."""

    def __init__(self, app: ASGIApp, max_bytes: int, upload_bytes: int = 0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.upload_bytes = upload_bytes

    def _limit(self, scope: Scope) -> int:
        principal = scope.get("state", {}).get("principal")
        content_type = dict(scope["headers"]).get(b"content-type", b"")
        if (self.upload_bytes > self.max_bytes and scope["path"] == "/graphql"
                and content_type.startswith(b"multipart/form-data")
                and principal is not None and principal.authenticated
                and principal.can(Permission.IMPORT_CUSTOMERS)):
            return self.upload_bytes
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _TooLarge:
            await _too_large(scope, receive, send)


class _TooLarge(Exception):
    pass


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    response = JSONResponse({"errors": [{"message": "Request body too large.",
                                         "extensions": {"code": "BODY_TOO_LARGE"}}]},
                            status_code=413)
    await response(scope, receive, send)


def spa_routes(dist: Path) -> list:
    index = dist / "index.html"

    async def spa(request: Request) -> Response:
        if index.exists():  # names the hashed assets: always asked for again
            return FileResponse(index, headers={"Cache-Control": NO_CACHE})
        return HTMLResponse(PLACEHOLDER)

    routes: list = []
    if (dist / "assets").is_dir():
        routes.append(Mount("/assets", app=PrecompressedFiles(directory=dist / "assets"),
                            name="assets"))
    routes += [Route("/", spa), Route("/{path:path}", spa)]
    return routes


def app_factory() -> Starlette:
    """For uvicorn workers (`WEB_CONCURRENCY` > 1): each worker builds its app."""
    return create_app()


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    tracing.configure()  # before the schema: resolver spans only when traces are exported
    metrics_sources.register()
    schema = build_schema(production=settings.production)
    graphql = graphql_app(schema, settings.production)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.account = await start(settings)
        await pubsub.connect(settings.broadcast_url)
        await recover_calendar_runs()  # sync runs a stopped process left "running"
        tune_garbage_collector()
        try:
            async with contextlib.AsyncExitStack() as background:
                # revocations end open WebSockets/SSE streams (one subscription per process)
                await background.enter_async_context(metrics.running())
                await background.enter_async_context(
                    live_connections(settings.live_recheck_seconds))
                await background.enter_async_context(search_running(settings.search_memory_mb))
                await background.enter_async_context(last_seen_running())
                await background.enter_async_context(lifecycle_running())
                if settings.duplicates_refresh_seconds is not None:
                    await background.enter_async_context(
                        duplicates.running(settings.duplicates_refresh_seconds))
                if settings.calendar_polling:
                    await background.enter_async_context(calendar_poller())
                await background.enter_async_context(import_runner.running())
                if settings.messages:
                    await background.enter_async_context(message_dispatcher(settings))
                if settings.webhooks:
                    await background.enter_async_context(webhook_dispatcher(settings))
                yield
        finally:
            await pubsub.disconnect()
            await app.state.limits.close()
            await db.close_pool()
            tracing.shutdown()  # exports the spans still buffered

    routes = [
        Route("/healthz", health),
        Route("/metrics", metrics_page, methods=["GET"]),  # scrapers only (metrics_endpoint)
        Route("/graphql", graphql),
        WebSocketRoute("/graphql", graphql),
        Route("/export/customers.{format:str}", exports.customers_file, methods=["GET"]),
        Route("/export/customers/{name:path}", exports.customer_file, methods=["GET"]),
        Route("/import/template.csv", import_files.template, methods=["GET"]),
        Route("/import/jobs/{id:str}/rejected.csv", import_files.rejected, methods=["GET"]),
        *spa_routes(settings.frontend_dist),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.limits = Limits.from_settings(settings)
    app.state.settings = settings
    # inside Authentication: an importer's upload may be larger than any other body
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes,
                       upload_bytes=settings.max_upload_bytes)
    app.add_middleware(Authentication)
    app.add_middleware(GraphQLContentTypes)  # before any lookup: a form post is refused as is
    # Around the others: a fault anywhere inside becomes a coded 503 (any other escaped error
    # a coded 500), and every answer, 413/429/503 included, carries the security headers.
    app.add_middleware(FaultResponses)
    app.add_middleware(SecurityHeaders, hsts_seconds=settings.hsts_seconds)
    app.add_middleware(RequestTelemetry)  # counts and times every answer; the request span
    if settings.trusted_proxies:
        # Outermost, so everything inside sees the client. Only these peers' X-Forwarded-For
        # and -Proto count: `clientele serve` runs uvicorn with proxy_headers=False.
        app.add_middleware(ProxyHeadersMiddleware,
                           trusted_hosts=[str(n) for n in settings.trusted_proxies])
    return app
