"""login: email and password → an HTTP-only session cookie and a CSRF token."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from clientele.accounts import sessions, users
from clientele.accounts.errors import AccountErrorCode
from clientele.api.accounts.queries import me_of
from clientele.api.accounts.types import AccountError, Me
from clientele.api.auth import SESSION_COOKIE
from clientele.api.context import Info
from clientele.api.enums import AccountErrorCodeEnum
from clientele.api.errors import user_errors
from clientele.api.limits import Limits, client_address
from clientele.core.errors import FieldError
from clientele.core.ratelimit import retry_after_header


@strawberry.type(description="Result of login.")
class LoginPayload:
    me: Me | None = strawberry.field(
        description="The signed-in user; includes the CSRF token to send on every POST.")
    user_errors: list[AccountError] = strawberry.field(description="Why sign-in failed.")


def _refused(code: AccountErrorCode, message: str) -> LoginPayload:
    return LoginPayload(me=None, user_errors=user_errors(
        [FieldError(None, message, code)], AccountError, AccountErrorCodeEnum))


async def _throttle(limits: Limits, response: Any, email: str, client: str
                    ) -> LoginPayload | None:
    """A 429 refusal when this address must wait: the per-address limit, then the per-account
    throttle (only addresses that failed for the account wait; signin_throttle says why)."""
    wait = await limits.login_per_ip.hit(client)
    message = "Too many sign-in attempts; wait a minute and try again."
    if not wait:
        wait = await limits.signin.check(email, client)
        message = ("Too many failed sign-ins to this account from your address; try again in "
                   f"{retry_after_header(wait)} seconds.")
    if not wait:
        return None
    response.status_code = 429
    response.headers["Retry-After"] = retry_after_header(wait)
    return _refused(AccountErrorCode.RATE_LIMITED, message)


async def login(
    info: Info,
    email: Annotated[str, strawberry.argument(description="Login email.")],
    password: Annotated[str, strawberry.argument(description="Password.")],
) -> LoginPayload:
    request, response = info.context.request, info.context.response
    # no request: executed in-process (tests, scripts), with no client to throttle
    limits: Limits | None = request.app.state.limits if request is not None else None
    client = client_address(request) or "unknown"
    if limits is not None:
        throttled = await _throttle(limits, response, email, client)
        if throttled is not None:
            return throttled
    user = await users.authenticate(email, password)
    if user is None:
        if limits is not None:
            await limits.signin.failed(email, client)
        return _refused(AccountErrorCode.INVALID_CREDENTIALS, "Wrong email or password.")
    if limits is not None:
        await limits.signin.succeeded(email, client)
    token, csrf = await sessions.create_session(user["id"])
    principal = await sessions.principal_for_session(token)
    assert principal is not None
    secure = request.url.scheme == "https" or request.app.state.settings.production
    response.set_cookie(SESSION_COOKIE, token, max_age=int(
        sessions.SESSION_LIFETIME.total_seconds()), httponly=True, samesite="lax",
        secure=secure, path="/")
    info.context.become(principal)
    return LoginPayload(me=me_of(info, csrf), user_errors=[])
