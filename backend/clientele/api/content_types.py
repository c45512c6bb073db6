"""What a POST to /graphql may be: JSON, or a multipart upload carrying a header that only a
script of our own origin (or an API client) can send.

An HTML form on any other site can POST `application/x-www-form-urlencoded`,
`multipart/form-data` or `text/plain` to us without a CORS preflight, and the browser attaches
its cookies. Strawberry reads multipart bodies as GraphQL requests (for `calendarUpload`), so
such a form could sign a browser into an account of the attacker's choosing (login CSRF) or
run any anonymous operation. JSON needs a preflight, which we never grant; the upload keeps
working because the SPA sends its X-CSRF-Token and API clients send Authorization.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from clientele.api.errors import http_error

JSON = "application/json"
MULTIPART = "multipart/form-data"
_UPLOAD_HEADERS = (b"authorization", b"x-csrf-token")
MESSAGE = ("POST /graphql takes application/json; multipart/form-data (file uploads) also "
           "needs an Authorization or X-CSRF-Token header.")


def _media_type(headers: dict[bytes, bytes]) -> str:
    value = headers.get(b"content-type", b"").decode("latin-1")
    return value.split(";", 1)[0].strip().lower()


class GraphQLContentTypes:
    def __init__(self, app: ASGIApp, path: str = "/graphql") -> None:
        self.app = app
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" \
                and scope["path"].rstrip("/") == self.path:
            headers = dict(scope["headers"])
            media_type = _media_type(headers)
            allowed = media_type == JSON or (
                media_type == MULTIPART and any(headers.get(h) for h in _UPLOAD_HEADERS))
            if not allowed:
                response = http_error(415, MESSAGE, "UNSUPPORTED_MEDIA_TYPE")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
