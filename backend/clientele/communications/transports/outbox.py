"""`outbox://`: nothing leaves. The last `keep` messages stay in memory (`sent`, oldest first)
for development and tests; each is checked as the real transport would (the email is built,
the number must be E.164), so what fails in production fails here too."""

from __future__ import annotations

from typing import Generic, TypeVar

from clientele.communications.transports.base import (
    Delivered,
    Email,
    PermanentFailure,
    Sms,
)
from clientele.communications.transports.message import build
from clientele.communications.transports.segments import sms_parts
from clientele.communications.transports.sms import check_number

DEFAULT_KEEP = 1000

T = TypeVar("T")


class _Kept(Generic[T]):
    def __init__(self, keep: int = DEFAULT_KEEP) -> None:
        if keep < 1:
            raise ValueError("outbox keep must be at least 1")
        self.keep = keep
        self.sent: list[T] = []
        self.count = 0  # sent since the start (ids stay unique when old ones are dropped)

    def _keep(self, item: T) -> str:
        self.count += 1
        self.sent.append(item)
        if len(self.sent) > self.keep:
            del self.sent[: len(self.sent) - self.keep]
        return f"outbox-{self.count}"

    async def close(self) -> None:
        pass


class EmailOutbox(_Kept[Email]):
    def __init__(self, from_name: str | None = None,
                 from_address: str = "noreply@localhost", keep: int = DEFAULT_KEEP) -> None:
        super().__init__(keep)
        self.from_name = from_name
        self.from_address = from_address

    async def send(self, email: Email) -> Delivered:
        build(email, self.from_name, self.from_address)
        return Delivered(provider_id=self._keep(email))


class SmsOutbox(_Kept[Sms]):
    async def send(self, sms: Sms) -> Delivered:
        check_number(sms.to)
        return Delivered(provider_id=self._keep(sms), parts=sms_parts(sms.text))


class NotSetUp:
    """A channel without its URL in production: every message fails, saying what to set."""

    def __init__(self, channel: str, setting: str) -> None:
        self.message = f"{channel} is not set up: set {setting}."
        self.setting = setting

    async def send(self, message: Email | Sms) -> Delivered:
        raise PermanentFailure(self.message, f"{self.setting} is not set")

    async def close(self) -> None:
        pass
