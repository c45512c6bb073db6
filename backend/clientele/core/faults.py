"""Infrastructure faults: the database or the event broker cannot be reached.

These are not bugs and not the client's fault, and the client can do one useful thing about
them: try again later. So every layer that answers a client (GraphQL errors, plain HTTP
errors, /healthz) asks `fault_of(exc)` and reports the same code, SERVICE_UNAVAILABLE, with a
message in words, instead of a 500, a masked "Unexpected error." or a driver's
"[Errno 111] Connect call failed".
"""

from __future__ import annotations

import asyncio

import asyncpg

SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
DATABASE_MESSAGE = "The database cannot be reached right now; try again shortly."


class ServiceUnavailable(ConnectionError):
    """A fault of a service we depend on, already phrased for the client. A ConnectionError,
    so code that retries on lost connections (the search index's event follower) keeps
    working."""

    code = SERVICE_UNAVAILABLE

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


# PostgreSQL refuses or drops the connection: class 08 (connection exceptions), the server
# shutting down or starting up (57P01-57P03), no connection slot left (53300).
_DATABASE_ERRORS = (
    asyncpg.PostgresConnectionError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
)
# asyncpg's own errors for a pool or connection that is gone
_CLOSED = ("pool is closed", "connection is closed", "connection was closed")


def _from_database_driver(exc: BaseException) -> bool:
    """Whether `exc` was raised inside asyncpg: an OSError or a timeout from anywhere else
    (a file, a calendar feed) is not a database fault."""
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_globals.get("__name__", "").startswith("asyncpg"):
            return True
        tb = tb.tb_next
    return False


def _database_fault(exc: BaseException) -> bool:
    if isinstance(exc, _DATABASE_ERRORS):
        return True
    if isinstance(exc, asyncpg.InterfaceError):
        return any(text in str(exc) for text in _CLOSED)
    if isinstance(exc, (OSError, asyncio.TimeoutError)):
        return _from_database_driver(exc)
    return False


def fault_of(exc: BaseException | None) -> ServiceUnavailable | None:
    """The fault behind `exc` (itself, its cause or its context), phrased for the client; None
    when `exc` is not an infrastructure fault."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, ServiceUnavailable):
            return exc
        if _database_fault(exc):
            return ServiceUnavailable(DATABASE_MESSAGE, "database unreachable")
        exc = exc.__cause__ or exc.__context__
    return None
