"""What the preferences page's operations share: they need no login, so they are rate-limited
per IP, like the public booking form (api/appointments/mutations/booking_create.py)."""

from __future__ import annotations

from clientele.api.context import Info
from clientele.api.limits import client_address
from clientele.communications.errors import MessageErrorCode
from clientele.communications.links import MAX_TOKEN_LENGTH
from clientele.core.errors import DomainError
from clientele.core.ratelimit import retry_after_header

# counted in the booking form's window (RATE_LIMIT_BOOKING_PER_MINUTE per IP), under keys of
# their own: a visitor of both pages has the limit twice
KEY_PREFIX = "preferences:"


async def admit(info: Info, token: str) -> None:
    """A token far longer than ours is refused before any work (INVALID_LINK); then the
    caller's IP is counted, RATE_LIMITED (HTTP 429 with Retry-After) past the limit."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise DomainError.single("token", "This link is not valid.",
                                 MessageErrorCode.INVALID_LINK)
    http = info.context.request
    if http is None:  # in-process (tests, the CLI): nobody to count
        return
    ip = client_address(http)
    wait = await http.app.state.limits.booking_per_ip.hit(KEY_PREFIX + (ip or "unknown"))
    if wait:
        info.context.response.status_code = 429
        info.context.response.headers["Retry-After"] = retry_after_header(wait)
        raise DomainError.single(None, "Too many requests; please try again in a minute.",
                                 MessageErrorCode.RATE_LIMITED)
