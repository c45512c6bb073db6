"""A partner's receiver on 127.0.0.1 (tests/security/local_http.serving), which the outbound
guard refuses by default; these tests allow that network explicitly, as an operator would
with FETCH_ALLOW_NETWORKS. Each test's endpoints go at its end, so no dispatcher of a later
test sends them."""

from __future__ import annotations

import http.server
import ipaddress
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from clientele.accounts.services import AccountInfo
from clientele.core import db, fetch
from clientele.webhooks import dispatcher
from tests.security.local_http import serving

FAST = dispatcher.Options(retry_seconds=(0, 0, 0), lease_seconds=30)


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    status: int


@dataclass
class Receiver:
    port: int = 0
    answers: list[int] = field(default_factory=list)  # statuses to answer, in order; then 200
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def answer(self, *statuses: int) -> None:
        with self.lock:
            self.answers.extend(statuses)

    def ids(self) -> list[str]:
        with self.lock:
            return [r.headers["webhook-id"] for r in self.received]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            with state.lock:
                status = state.answers.pop(0) if state.answers else 200
                state.received.append(Received({k.lower(): v for k, v in self.headers.items()},
                                               body, status))
            self.send_response(status)
            self.send_header("content-length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    with serving(Handler) as port:
        state.port = port
        yield state


@pytest.fixture(autouse=True)
def loopback_allowed() -> Iterator[None]:
    fetch.allow_networks((ipaddress.ip_network("127.0.0.0/8"),))
    yield
    fetch.allow_networks(None)


@pytest.fixture(autouse=True)
async def endpoints_removed(account: AccountInfo) -> AsyncIterator[None]:
    yield
    await db.fetch("DELETE FROM webhook_endpoint WHERE account = $1", account.id)


async def deliveries(account: AccountInfo) -> list[dict[str, Any]]:
    return await db.fetch("SELECT * FROM webhook_delivery WHERE account = $1 "
                          "ORDER BY created_at, id", account.id)


async def log_of(delivery_id: Any) -> list[dict[str, Any]]:
    return await db.fetch("SELECT * FROM webhook_attempt WHERE delivery = $1 ORDER BY id",
                          delivery_id)
