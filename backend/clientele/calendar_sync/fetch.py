"""Fetching a feed URL: conditional GET (ETag / Last-Modified), a timeout and a size limit,
through the outbound fetch guard (`core.fetch`: public addresses only, redirects re-checked)."""

from __future__ import annotations

from dataclasses import dataclass

from clientele.core import fetch as guard
from clientele.core.fetch import FetchError, FetchRefused

MAX_FEED_BYTES = 20 * 1024 * 1024
TIMEOUT_SECONDS = 20.0

__all__ = ["MAX_FEED_BYTES", "TIMEOUT_SECONDS", "FetchError", "FetchRefused", "Fetched",
           "fetch_feed"]


@dataclass(frozen=True)
class Fetched:
    body: bytes | None  # None: not modified since the last fetch
    etag: str | None
    last_modified: str | None


async def fetch_feed(url: str, etag: str | None = None, last_modified: str | None = None,
                     max_bytes: int = MAX_FEED_BYTES,
                     timeout: float = TIMEOUT_SECONDS) -> Fetched:
    headers = {"accept": "text/calendar, */*;q=0.1", "user-agent": "Clientele calendar sync"}
    if etag:
        headers["if-none-match"] = etag
    if last_modified:
        headers["if-modified-since"] = last_modified
    response = await guard.fetch(url, what="calendar URL", headers=headers, max_bytes=max_bytes,
                                 timeout=timeout)
    if response.status_code == 304:
        return Fetched(None, etag, last_modified)
    if response.status_code >= 300:
        raise FetchError(f"The calendar server answered {response.status_code} "
                         f"{response.reason} for {response.url}.")
    return Fetched(response.body, response.headers.get("etag"),
                   response.headers.get("last-modified"))
