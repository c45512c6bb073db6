"""Every HTTP request in metrics (count by route template, method and status; latency) and,
with tracing on, as the root span of its trace (a W3C `traceparent` sent by a caller is
continued).

The route label is the matched route's template (`/graphql`, `/export/customers/{name:path}`),
"unmatched" otherwise, so label values are bounded by the app's routes. The span carries the
method, the route, the status and the account's id once authentication has named it; never
the URL's path or query string (a GET /graphql query holds variables: emails, names).
Event streams (SSE, multipart subscriptions) are counted, but their duration is not a latency
and is left out of the histogram.
"""

from __future__ import annotations

import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clientele.api.telemetry import account_id
from clientele.core import metrics, tracing

STREAM_TYPES = (b"text/event-stream", b"multipart/mixed")
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def _route(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) and path else "unmatched"


class RequestTelemetry:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        answer: dict[str, Any] = {"status": 500, "stream": False}

        async def observed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
                for name, value in message.get("headers") or ():
                    if name.lower() == b"content-type" and value.startswith(STREAM_TYPES):
                        answer["stream"] = True
            await send(message)

        method = scope.get("method", "GET")
        method = method if method in METHODS else "other"  # the client writes this one
        try:
            if not tracing.enabled():
                await self.app(scope, receive, observed_send)
                return
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            with tracing.server_span(f"{method}", headers, **{
                    "http.request.method": method,
                    "url.scheme": scope.get("scheme", "http")}) as span:
                try:
                    await self.app(scope, receive, observed_send)
                finally:
                    route = _route(scope)
                    span.update_name(f"{method} {route}")
                    principal = (scope.get("state") or {}).get("principal")
                    span.set_attributes({
                        "http.route": route, "http.response.status_code": answer["status"],
                        **({"clientele.account": account}
                           if (account := account_id(principal)) else {})})
        finally:
            route = _route(scope)
            metrics.child(metrics.HTTP_REQUESTS, route, method, str(answer["status"])).inc()
            if not answer["stream"]:
                metrics.child(metrics.HTTP_SECONDS, route, method).observe(
                    time.perf_counter() - started)

