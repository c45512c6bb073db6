"""Security headers on every HTTP response (the SPA, its assets, /graphql, /healthz, errors).

The policy is written with the `secure` library's builders and applied by one ASGI middleware
placed outside every other one, so 413, 429, 503 and coded 500 answers carry it too.

- Content-Security-Policy: everything from our own origin only. The built SPA has no inline
  script or style (a test checks frontend/dist/index.html), React sets styles through the DOM
  (which CSP allows), and 'self' covers its WebSocket. No framing (`frame-ancestors 'none'`,
  and X-Frame-Options for old browsers), no plugins, no <base> rewriting, forms post to us.
- GraphiQL (api/graphiql.py; off in production unless GRAPHIQL=1) comes from the app's own
  build like the SPA: scripts, workers, fonts and connections 'self'. Only its editor (Monaco)
  writes styles at run time, so its page's own policy adds 'unsafe-inline' to style-src (and
  data: fonts). A response that brings its own Content-Security-Policy keeps it; the other
  headers still apply.
- nosniff, Referrer-Policy no-referrer (links to customers' sites reveal none of our URLs),
  Cross-Origin-Opener-Policy same-origin.
- Strict-Transport-Security only when HSTS_SECONDS > 0: it tells browsers to refuse plain HTTP
  for that long, which is right behind TLS and locks a laptop's http://127.0.0.1 out otherwise.
"""

from __future__ import annotations

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


def graphiql_policy() -> str:
    """GraphiQL's page: the app's policy with inline styles (Monaco) and data: fonts."""
    return (_base_policy()
            .script_src(SELF)
            .worker_src(SELF)
            .style_src(SELF, "'unsafe-inline'")
            .font_src(SELF, "data:")
            .header_value)


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
