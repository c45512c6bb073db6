"""A real SMTP server (aiosmtpd) on 127.0.0.1 for the messaging tests: `smtp` yields its
handler (what it received) and its URL."""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller


@dataclass
class Inbox:
    """Keeps what it accepts. `answer` (e.g. "451 …") refuses every message with it. While
    `hold` is set, the first message waits in DATA until `release`, then is refused with a
    temporary error (never accepted): the instance sending it can be killed meanwhile."""

    received: list[email.message.EmailMessage] = field(default_factory=list)
    answer: str | None = None
    hold: bool = False
    holding: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.hold and not self.holding.is_set():
            self.holding.set()
            # a thread's event, waited for in a worker thread: the server's loop runs on
            await asyncio.to_thread(self.release.wait)
            return "451 4.3.0 Try again later"
        if self.answer:
            return self.answer
        self.received.append(email.message_from_bytes(envelope.content,
                                                      policy=email.policy.default))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, str]]:
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()  # returns once the server answers
    try:
        yield inbox, f"smtp://127.0.0.1:{port}"
    finally:
        inbox.release.set()
        controller.stop()
