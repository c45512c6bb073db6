"""What the dispatcher hands a transport and what it gets back (docs/messaging.md,
"Transports"). A transport either returns `Delivered` or raises a `DeliveryError`: its str is a
sentence staff read on the profile, `detail` the technical reason; `TemporaryFailure` is worth
another attempt later, `PermanentFailure` is not."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Email:
    to: str  # the address alone
    subject: str
    text: str
    html: str
    sender_name: str | None  # the display name (the business); the address is MAIL_FROM's
    message_id: str  # "<communication-uuid@host>", set by the caller
    headers: Mapping[str, str] = field(default_factory=dict)  # e.g. List-Unsubscribe


@dataclass(frozen=True)
class Sms:
    to: str  # E.164: "+41791234567"
    text: str


@dataclass(frozen=True)
class Delivered:
    provider_id: str | None = None  # the SMS provider's id, or the mail server's answer
    parts: int = 1  # SMS segments (1 for email)


class DeliveryError(Exception):
    """Not delivered. str(): a sentence staff understand; `detail`: the technical reason."""

    def __init__(self, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class TemporaryFailure(DeliveryError):
    """Worth another attempt later: unreachable, timed out, SMTP 4xx, HTTP 429/5xx."""


class PermanentFailure(DeliveryError):
    """Another attempt would fail the same way: SMTP 5xx, refused sign-in, HTTP 4xx, an
    invalid address or number, a channel that is not set up."""


class EmailTransport(Protocol):
    async def send(self, email: Email) -> Delivered: ...

    async def close(self) -> None: ...


class SmsTransport(Protocol):
    async def send(self, sms: Sms) -> Delivered: ...

    async def close(self) -> None: ...


def one_line(text: str, limit: int = 200) -> str:
    """A server's or provider's words, safe inside a sentence: one line, bounded."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def cause_of(error: BaseException, kind: type[BaseException]) -> BaseException | None:
    """The first exception of `kind` in `error`'s chain (libraries wrap the OS's errors)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None
