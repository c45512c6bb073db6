"""GraphiQL at GET /graphql for browsers (`Accept: text/html`), from the app's own build.

The page is frontend/dist/graphiql.html (a Vite entry of its own: GraphiQL 5, the explorer
plugin, Monaco's web workers, all under /assets; no CDN, no inline script). The server writes
the signed-in session's CSRF token into it as `<meta name="csrf-token">`, which the page sends
as X-CSRF-Token with the session cookie; token users type `Authorization: Bearer …` into its
headers editor. On in development, off in production unless GRAPHIQL=1 (settings.graphiql):
when off, GET /graphql with text/html is a coded 404, as if no IDE existed.

Its Content-Security-Policy is the app's except styles: Monaco writes <style> elements and
style attributes at run time, so `style-src` allows 'unsafe-inline' on this page only; scripts,
workers, fonts and connections stay 'self'.
"""

from __future__ import annotations

import html
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from clientele.api.input_guard import InputError
from clientele.api.security_headers import graphiql_policy

PAGE = "graphiql.html"
NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>GraphiQL</title>
</head><body><p>GraphiQL has not been built: run <code>npm run build --workspace frontend</code>
(or <code>make run</code>). The API answers POST /graphql meanwhile.</p></body></html>"""


def page_html(dist: Path, csrf_token: str | None) -> str:
    """The built page with the session's CSRF token (an empty one for token users)."""
    try:
        page = (dist / PAGE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return NOT_BUILT
    meta = f'<meta name="csrf-token" content="{html.escape(csrf_token or "", quote=True)}" />'
    return page.replace("</head>", f"    {meta}\n  </head>", 1)


async def render(request: Request) -> Response:
    settings = request.app.state.settings
    if not settings.graphiql_enabled:
        raise InputError(404, "NOT_FOUND", "Not Found")
    principal = getattr(request.state, "principal", None)
    csrf_token = principal.csrf_token if principal is not None else None
    return HTMLResponse(page_html(settings.frontend_dist, csrf_token),
                        headers={"Content-Security-Policy": graphiql_policy(),
                                 "Cache-Control": "no-store"})
