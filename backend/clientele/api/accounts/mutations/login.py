"""login: email and password → an HTTP-only session cookie and a CSRF token."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts import sessions, users
from clientele.accounts.errors import AccountErrorCode
from clientele.api.accounts.queries import me_of
from clientele.api.accounts.types import AccountError, Me
from clientele.api.auth import SESSION_COOKIE
from clientele.api.context import Info
from clientele.api.enums import AccountErrorCodeEnum
from clientele.core.ratelimit import RateLimiter


@strawberry.type(description="Result of login.")
class LoginPayload:
    me: Me | None = strawberry.field(
        description="The signed-in user; includes the CSRF token to send on every POST.")
    user_errors: list[AccountError] = strawberry.field(description="Why sign-in failed.")


def _refused(code: AccountErrorCode, message: str) -> LoginPayload:
    return LoginPayload(me=None, user_errors=[
        AccountError(field=None, message=message, code=AccountErrorCodeEnum[code.name])])


async def login(
    info: Info,
    email: Annotated[str, strawberry.argument(description="Login email.")],
    password: Annotated[str, strawberry.argument(description="Password.")],
) -> LoginPayload:
    request, response = info.context.request, info.context.response
    client = request.client.host if request and request.client else "unknown"
    wait = request.app.state.limits.login_per_ip.hit(client) if request else 0
    if wait:
        response.status_code = 429
        response.headers["Retry-After"] = RateLimiter.retry_after_header(wait)
        return _refused(AccountErrorCode.RATE_LIMITED, "Too many sign-in attempts; wait a "
                        "minute and try again.")
    user = await users.authenticate(email, password)
    if user is None:
        return _refused(AccountErrorCode.INVALID_CREDENTIALS, "Wrong email or password.")
    token, csrf = await sessions.create_session(user["id"])
    principal = await sessions.principal_for_session(token)
    assert principal is not None
    secure = request.url.scheme == "https" or request.app.state.settings.production
    response.set_cookie(SESSION_COOKIE, token, max_age=int(
        sessions.SESSION_LIFETIME.total_seconds()), httponly=True, samesite="lax",
        secure=secure, path="/")
    info.context.become(principal)
    return LoginPayload(me=me_of(info, csrf), user_errors=[])
