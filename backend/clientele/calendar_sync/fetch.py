"""Fetching a feed URL: conditional GET (ETag / Last-Modified), a timeout and a size limit,
through the outbound fetch guard (`core.fetch`: public addresses only, redirects re-checked).

A feed that cannot be had raises `FetchError`: its message a sentence staff understand, its
`detail` the technical reason, its `code` stable (see `FetchFailure`). An answer that is not
an HTTP success, or a success that is not a calendar (a sign-in page, JSON, an image), raises
too; the body is never quoted."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from clientele.calendar_sync.ics import sniff
from clientele.core import fetch as guard
from clientele.core.fetch import FetchError, FetchFailure, FetchRefused

MAX_FEED_BYTES = 20 * 1024 * 1024
TIMEOUT_SECONDS = 20.0
WHAT = "calendar address"

__all__ = ["MAX_FEED_BYTES", "TIMEOUT_SECONDS", "FetchError", "FetchFailure", "FetchRefused",
           "Fetched", "fetch_feed"]


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
    response = await guard.fetch(url, what=WHAT, headers=headers, max_bytes=max_bytes,
                                 timeout=timeout)
    if response.status_code == 304:
        return Fetched(None, etag, last_modified)
    if response.status_code >= 300:
        raise _status_error(response)
    if (reason := sniff(response.body)) is not None:
        raise _not_a_calendar(response, reason)
    return Fetched(response.body, response.headers.get("etag"),
                   response.headers.get("last-modified"))


def _status_error(response: guard.Fetched) -> FetchError:
    status = response.status_code
    phrase = response.reason or httpx.codes.get_reason_phrase(status)
    detail = f"HTTP {status} {phrase}".rstrip() + f" from {response.url}"
    if retry_after := response.headers.get("retry-after"):
        detail += f" (Retry-After: {retry_after})"
    error = f"(error {status})"
    if status in (401, 403):
        return FetchError(
            f"The calendar's server does not hand out this calendar {error}: the link is "
            f"private or has expired. Copy the calendar's secret or public address again.",
            FetchFailure.FORBIDDEN, detail)
    if status in (404, 410):
        return FetchError(
            f"The calendar is no longer at this address {error}: it was moved or deleted, or "
            f"its link was renewed. Copy the calendar's address again.",
            FetchFailure.NOT_FOUND, detail)
    if status >= 500:
        return FetchError(f"The calendar's server has a problem {error}; we try again at the "
                          f"next sync.", FetchFailure.SERVER_ERROR, detail)
    if status == 429:
        return FetchError(f"The calendar's server asks to be contacted less often {error}; we "
                          f"try again at the next sync.", FetchFailure.HTTP_ERROR, detail)
    return FetchError(f"The calendar's server did not hand out the calendar {error}.",
                      FetchFailure.HTTP_ERROR, detail)


def _not_a_calendar(response: guard.Fetched, reason: str) -> FetchError:
    """What came instead of a calendar, named from the content type and the body's first
    bytes (never quoted)."""
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    head = response.body.lstrip()[:64].lower()
    if content_type in ("text/html", "application/xhtml+xml") or head.startswith(
            (b"<!doctype html", b"<html")):
        instead = ("a web page, not to a calendar file (often a sign-in page: the calendar "
                   "is private, or this is the address of the page that shows it). Copy the "
                   "calendar's iCal address (secret or public) instead.")
    elif content_type.startswith("image/"):
        instead = "an image, not to a calendar file. Copy the calendar's iCal address instead."
    elif content_type == "application/json" or content_type.endswith("+json") or \
            head.startswith((b"{", b"[")):
        instead = ("data of another kind, not to a calendar file. Copy the calendar's iCal "
                   "address instead.")
    elif not response.body.strip():
        instead = "an empty file, not to a calendar."
    else:
        instead = ("a file that is not a calendar (iCalendar, .ics). Copy the calendar's iCal "
                   "address instead.")
    detail = (f"HTTP {response.status_code} from {response.url}: content-type "
              f"{content_type or '(none)'}, {len(response.body)} bytes. {reason}")
    return FetchError(f"The {WHAT} leads to {instead}", FetchFailure.NOT_A_CALENDAR, detail)
