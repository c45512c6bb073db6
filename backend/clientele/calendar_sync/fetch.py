"""Fetching a feed URL: conditional GET (ETag / Last-Modified), a timeout and a size limit."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

MAX_FEED_BYTES = 20 * 1024 * 1024
TIMEOUT_SECONDS = 20.0


class FetchError(RuntimeError):
    """The feed could not be fetched; the message says why in words staff understand."""


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
    if url.startswith("webcal://"):
        url = "https://" + url.removeprefix("webcal://")
    try:
        async with httpx.AsyncClient(timeout=timeout, follow_redirects=True) as client, \
                client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return Fetched(None, etag, last_modified)
            if response.status_code >= 400:
                raise FetchError(f"The calendar server answered {response.status_code} "
                                 f"{response.reason_phrase} for {url}.")
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"The feed is larger than {max_bytes // (1024 * 1024)} MB.")
                chunks.append(chunk)
            return Fetched(b"".join(chunks), response.headers.get("etag"),
                           response.headers.get("last-modified"))
    except httpx.TimeoutException as exc:
        raise FetchError(f"The calendar server did not answer within {timeout:.0f} s.") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"Could not fetch {url}: {exc}") from exc
