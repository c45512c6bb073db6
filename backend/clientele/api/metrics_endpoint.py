"""GET /metrics: the Prometheus text exposition (core/metrics.py), for a scraper only.

- `METRICS_TOKEN` set: the request must carry `Authorization: Bearer <METRICS_TOKEN>`
  (compared in constant time), from any address; otherwise 401 UNAUTHENTICATED.
- No token: only a direct peer in `METRICS_ALLOW_NETWORKS` (CIDR list, empty by default) or,
  in development only, on loopback, may read it; anything else is 403 FORBIDDEN. A request
  that came through a proxy (X-Forwarded-For, Forwarded, X-Real-IP) is refused: a reverse
  proxy on the same host makes internet clients look like loopback. So in production, with
  neither setting, /metrics answers nobody.
"""

from __future__ import annotations

import hmac
import ipaddress

from starlette.requests import Request
from starlette.responses import Response

from clientele.api.auth import bearer_token
from clientele.api.errors import http_error
from clientele.core import metrics
from clientele.settings import Settings

FORWARDING_HEADERS = ("x-forwarded-for", "forwarded", "x-real-ip")


def refusal(request: Request, settings: Settings) -> Response | None:
    if settings.metrics_token:
        given = bearer_token(request.headers.get("authorization")) or ""
        if not hmac.compare_digest(given.encode(), settings.metrics_token.encode()):
            return http_error(401, "The metrics need the bearer token METRICS_TOKEN.",
                              "UNAUTHENTICATED", {"WWW-Authenticate": "Bearer"})
        return None
    forbidden = http_error(403, "The metrics are served to internal addresses only "
                                "(or set METRICS_TOKEN).", "FORBIDDEN")
    if any(name in request.headers for name in FORWARDING_HEADERS) or request.client is None:
        return forbidden
    try:
        peer = ipaddress.ip_address(request.client.host)
    except ValueError:
        return forbidden
    if any(peer in network for network in settings.metrics_allow_networks):
        return None
    if peer.is_loopback and not settings.production:
        return None
    return forbidden


async def metrics_page(request: Request) -> Response:
    problem = refusal(request, request.app.state.settings)
    if problem is not None:
        return problem
    return Response(await metrics.render(), headers={
        "Content-Type": metrics.CONTENT_TYPE, "Cache-Control": "no-store"})
