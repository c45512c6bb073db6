"""Security headers on every HTTP response (the SPA, its assets, /graphql, /healthz, errors).

The policy is written with the `secure` library's builders and applied by one ASGI middleware
placed outside every other one, so 413, 429, 503 and coded 500 answers carry it too.

- Content-Security-Policy: everything from our own origin only. The built SPA has no inline
  script or style (a test checks frontend/dist/index.html), React sets styles through the DOM
  (which CSP allows), and 'self' covers its WebSocket. No framing (`frame-ancestors 'none'`,
  and X-Frame-Options for old browsers), no plugins, no <base> rewriting, forms post to us.
- GraphiQL (development only: production serves none) loads React and GraphiQL from unpkg
  with pinned integrity hashes and runs one inline script, so its page gets its own policy:
  that CDN and a per-response nonce for the inline script, inline styles for its editor. A
  response that brings its own Content-Security-Policy keeps it; the other headers still apply.
- nosniff, Referrer-Policy no-referrer (links to customers' sites reveal none of our URLs),
  Cross-Origin-Opener-Policy same-origin.
- Strict-Transport-Security only when HSTS_SECONDS > 0: it tells browsers to refuse plain HTTP
  for that long, which is right behind TLS and locks a laptop's http://127.0.0.1 out otherwise.
"""

from __future__ import annotations

import secrets

from secure import (
    ContentSecurityPolicy,
    CrossOriginOpenerPolicy,
    ReferrerPolicy,
    Secure,
    StrictTransportSecurity,
    XContentTypeOptions,
    XFrameOptions,
)
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SELF, NONE = "'self'", "'none'"
GRAPHIQL_CDN = "https://unpkg.com"  # strawberry's GraphiQL page (pinned versions, SRI)
CSP = "content-security-policy"


def _base_policy() -> ContentSecurityPolicy:
    return (ContentSecurityPolicy()
            .default_src(SELF)
            .connect_src(SELF)
            .img_src(SELF, "data:")
            .object_src(NONE)
            .base_uri(NONE)
            .form_action(SELF)
            .frame_ancestors(NONE))


def app_policy() -> str:
    """The policy of every response except the GraphiQL page."""
    return _base_policy().script_src(SELF).style_src(SELF).font_src(SELF).header_value


def graphiql_policy(nonce: str) -> str:
    return (_base_policy()
            .script_src(f"'nonce-{nonce}'", GRAPHIQL_CDN)
            .style_src(SELF, "'unsafe-inline'", GRAPHIQL_CDN)
            .font_src(SELF, "data:", GRAPHIQL_CDN)
            .header_value)


def graphiql_page(html: str) -> tuple[str, str]:
    """GraphiQL's HTML with a fresh nonce on its inline script, and the policy allowing it."""
    nonce = secrets.token_urlsafe(16)
    return html.replace("<script>", f'<script nonce="{nonce}">'), graphiql_policy(nonce)


def headers(hsts_seconds: int = 0) -> dict[str, str]:
    policy = Secure(
        csp=ContentSecurityPolicy().set(app_policy()),
        xfo=XFrameOptions().deny(),
        xcto=XContentTypeOptions(),
        referrer=ReferrerPolicy().no_referrer(),
        coop=CrossOriginOpenerPolicy().same_origin(),
        hsts=StrictTransportSecurity().max_age(hsts_seconds) if hsts_seconds > 0 else None,
    )
    return dict(policy.headers)


class SecurityHeaders:
    def __init__(self, app: ASGIApp, hsts_seconds: int = 0) -> None:
        self.app = app
        self.headers = headers(hsts_seconds)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                response_headers = MutableHeaders(raw=list(message.get("headers", [])))
                for name, value in self.headers.items():
                    if name.lower() == CSP and CSP in response_headers:
                        continue  # the page's own, stricter-where-it-matters policy
                    response_headers[name] = value
                message = {**message, "headers": response_headers.raw}
            await send(message)

        await self.app(scope, receive, send_with_headers)
