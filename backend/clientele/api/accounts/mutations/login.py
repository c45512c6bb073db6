"""login: email and password → an HTTP-only session cookie and a CSRF token."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from clientele.accounts import sessions, users
from clientele.accounts.errors import AccountErrorCode
from clientele.api.accounts.errors import AccountError
from clientele.api.accounts.queries import me_of
from clientele.api.accounts.types import Me
from clientele.api.auth import SESSION_COOKIE
from clientele.api.context import Info
from clientele.api.fields import optional
from clientele.api.limits import Limits, client_address
from clientele.api.mutation import Payload, mutation
from clientele.core.errors import DomainError
from clientele.core.ratelimit import retry_after_header


@strawberry.type(description="Result of login.")
class LoginPayload(Payload, errors=AccountError, why="Why sign-in failed."):
    me: Me | None = optional("The signed-in user; includes the CSRF token to send on every POST.")


async def _throttle(limits: Limits, response: Any, email: str, client: str) -> None:
    """A 429 refusal when this address must wait: the per-address limit, then the per-account
    throttle (only addresses that failed for the account wait; signin_throttle says why)."""
    wait = await limits.login_per_ip.hit(client)
    message = "Too many sign-in attempts; wait a minute and try again."
    if not wait:
        wait = await limits.signin.check(email, client)
        message = ("Too many failed sign-ins to this account from your address; try again in "
                   f"{retry_after_header(wait)} seconds.")
    if not wait:
        return
    response.status_code = 429
    response.headers["Retry-After"] = retry_after_header(wait)
    raise DomainError.single(None, message, AccountErrorCode.RATE_LIMITED)


@mutation(public=True,
          description="Sign in: sets an HTTP-only session cookie and returns the CSRF token "
                      "to send as X-CSRF-Token on every POST. Rate-limited per IP.")
async def login(
    info: Info, email: Annotated[str, strawberry.argument(description="Login email.")],
    password: Annotated[str, strawberry.argument(description="Password.")],
) -> LoginPayload:
    request, response = info.context.request, info.context.response
    # no request: executed in-process (tests, scripts), with no client to throttle
    limits: Limits | None = request.app.state.limits if request is not None else None
    client = client_address(request) or "unknown"
    if limits is not None:
        await _throttle(limits, response, email, client)
    user = await users.authenticate(email, password)
    if user is None:
        if limits is not None:
            await limits.signin.failed(email, client)
        raise DomainError.single(None, "Wrong email or password.",
                                 AccountErrorCode.INVALID_CREDENTIALS)
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
    return LoginPayload(me=me_of(info, csrf))
