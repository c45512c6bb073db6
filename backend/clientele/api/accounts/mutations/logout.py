"""logout: end the browser session."""

from __future__ import annotations

import strawberry

from clientele.accounts import sessions
from clientele.api.auth import SESSION_COOKIE
from clientele.api.context import Info
from clientele.api.mutation import mutation


@strawberry.type(description="Result of logout.")
class LogoutPayload:
    ok: bool = strawberry.field(description="True when a session was ended.")


@mutation(public=True, description="End the browser session.")
async def logout(info: Info) -> LogoutPayload:
    principal = info.context.principal
    if principal.session_id is not None:
        await sessions.end_session(principal.session_id)
    if info.context.response is not None:
        info.context.response.delete_cookie(SESSION_COOKIE, path="/")
    return LogoutPayload(ok=principal.session_id is not None)
