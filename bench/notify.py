"""Email throughput: 10,000 messages to a local SMTP server (aiosmtpd on 127.0.0.1), through
the pooled SMTP transport, and whether each arrived exactly once.

    .venv/bin/python bench/notify.py --database-url URL [--count 10000] [--concurrency 8]
    .venv/bin/python bench/notify.py --sender transport [--count 10000] [--warm-up 200]

The default (`dispatcher`) is the issue's figure: 10,000 due reminders in a scratch database,
planned, claimed, rendered and sent by the dispatcher, every row recorded.

The server runs in a process of its own (aiosmtpd's Controller, as a real mail server would:
the GIL is not shared with the client) and counts the messages and their Message-IDs; the
client is this process's event loop. Prints messages/s, how many arrived,
duplicates and missing Message-IDs, and the connections the server saw. No asserts: figures.

The sending part is `send_through_transport`, one of `SENDERS`; a sender gets the SMTP URL, the
emails and the concurrency, and returns once every message is handed over. Another way of
sending (e.g. through the dispatcher, from communication rows) is another entry there.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import multiprocessing
import os
import re
import socket
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any

from aiosmtpd.controller import Controller

from clientele.communications.transports import DeliveryError, Email, email_transport

MESSAGE_ID = re.compile(rb"^Message-ID:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


class Counting:
    """aiosmtpd handler: every message's Message-ID, and the sessions (connections) seen."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ids: collections.Counter[bytes] = collections.Counter()
        self.sessions: set[int] = set()
        self._keep: list[Any] = []  # the sessions themselves, so their ids stay unique

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        found = MESSAGE_ID.search(envelope.content)
        with self.lock:
            self.ids[found.group(1) if found else b"(none)"] += 1
            if id(session) not in self.sessions:
                self.sessions.add(id(session))
                self._keep.append(session)
        return "250 OK"

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(port: int, conn: Connection) -> None:
    """The mail server process: answers "figures" (messages, connections) and ("ids",
    prefix) until "stop"."""
    handler = Counting()
    server = Controller(handler, hostname="127.0.0.1", port=port)
    server.start()
    conn.send("ready")
    try:
        while True:
            request = conn.recv()
            if request == "stop":
                break
            if request == "figures":
                with handler.lock:
                    conn.send((sum(handler.ids.values()), len(handler.sessions),
                               time.process_time()))
            else:
                _, prefix = request
                with handler.lock:
                    conn.send({key: n for key, n in handler.ids.items()
                               if key.startswith(prefix)})
    finally:
        server.stop()


class MailServer:
    def __init__(self) -> None:
        self.port = free_port()
        self._conn, theirs = multiprocessing.Pipe()
        self._process = multiprocessing.Process(target=serve, args=(self.port, theirs),
                                                daemon=True)
        self._process.start()
        if self._conn.recv() != "ready":
            raise RuntimeError("the mail server did not start")

    def figures(self) -> tuple[int, int, float]:
        """Messages received, connections seen, the server's CPU seconds."""
        self._conn.send("figures")
        received, sessions, cpu = self._conn.recv()
        return int(received), int(sessions), float(cpu)

    def ids(self, prefix: bytes) -> dict[bytes, int]:
        self._conn.send(("ids", prefix))
        return dict(self._conn.recv())

    def stop(self) -> None:
        self._conn.send("stop")
        self._process.join(10)


def emails(count: int, run: str) -> list[Email]:
    return [Email(to=f"customer{n}@example.com", subject=f"Ihr Termin am Montag ({n})",
                  text=f"Guten Tag Frau Müller\n\nIhr Termin: Montag, 9:00 Uhr. ({n})\n",
                  html=f"<p>Guten Tag Frau Müller</p><p>Ihr Termin: <b>Montag</b>, 9:00 Uhr. "
                       f"({n})</p>",
                  sender_name="Praxis Yılmaz", message_id=f"<{run}-{n}@bench.example>",
                  headers={"List-Unsubscribe": f"<https://example.com/preferences/{n}>"})
            for n in range(count)]


async def send_through_transport(url: str, batch: Sequence[Email], concurrency: int) -> int:
    """Every email through email_transport's pool; returns how many failed."""
    transport = email_transport(url, '"Clientele" <noreply@example.com>', production=True,
                                concurrency=concurrency)
    failed = 0

    async def one(email: Email) -> None:
        nonlocal failed
        try:
            await transport.send(email)
        except DeliveryError:
            failed += 1

    try:
        await asyncio.gather(*(one(email) for email in batch))
    finally:
        await transport.close()
    return failed


Sender = Callable[[str, Sequence[Email], int], Awaitable[int]]
SENDERS: dict[str, Sender] = {"transport": send_through_transport}


async def run(args: argparse.Namespace) -> None:
    server = MailServer()
    try:
        url = f"smtp://127.0.0.1:{server.port}"
        send = SENDERS[args.sender]
        if args.warm_up:
            await send(url, emails(args.warm_up, "warm-" + uuid.uuid4().hex), args.concurrency)
        received_before, sessions_before, server_cpu = server.figures()
        run_id = uuid.uuid4().hex
        batch = emails(args.count, run_id)
        started, cpu = time.perf_counter(), time.process_time()
        failed = await send(url, batch, args.concurrency)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        received, sessions, server_cpu = (after - before for after, before in
                                          zip(server.figures(), (received_before,
                                              sessions_before, server_cpu), strict=True))
        mine = server.ids(f"<{run_id}-".encode())
        expected = {email.message_id.encode() for email in batch}
        print(f"sender: {args.sender}, concurrency {args.concurrency}, "
              f"{args.count} emails (after {args.warm_up} to warm up)")
        print(f"  {args.count / elapsed:,.0f} messages/s  ({elapsed:.2f} s wall; CPU: client "
              f"{cpu:.2f} s, server {server_cpu:.2f} s)")
        print(f"  CPU per message: client {cpu / args.count * 1000:.2f} ms, server "
              f"{server_cpu / args.count * 1000:.2f} ms (the client alone on a free core: "
              f"{args.count / cpu:,.0f} messages/s; the load average shows the competition: "
              f"{os.getloadavg()[0]:.1f})")
        print(f"  received {received}, failed {failed}, "
              f"duplicates {sum(n - 1 for n in mine.values())}, "
              f"missing {len(expected - mine.keys())}")
        print(f"  connections opened: {sessions}")
    finally:
        server.stop()


async def due_reminders(count: int) -> None:
    """`count` customers, each with an appointment in 12 hours booked two days ago: each is
    due its 24 h reminder (one statement each for customers and appointments)."""
    from clientele.accounts.services import create_account
    from clientele.core import db

    account = await create_account("Praxis Yılmaz", f"bench-{uuid.uuid4().hex[:8]}", "CH")
    await db.fetch(
        """WITH people AS (
               INSERT INTO customer (id, account, salutation, first_name, last_name, email,
                                     sort_name, source, custom, preferred_language,
                                     created_at, updated_at)
               SELECT gen_random_uuid(), $1, 'Frau', 'Ayşe', 'Müller' || n,
                      'customer' || n || '@example.com', 'müller' || n, 'MANUAL', '{}',
                      (ARRAY['de', 'fr', 'it', 'en'])[1 + n % 4], now(), now()
               FROM generate_series(1, $2) AS n RETURNING id)
           INSERT INTO appointment (id, account, customer, title, services, starts_at, ends_at,
                                    all_day, status, recurrence_id, created_at, updated_at)
           SELECT gen_random_uuid(), $1, id, 'Massage', '{Massage}', now() + interval '12 hours',
                  now() + interval '13 hours', false, 'SCHEDULED', '', now() - interval '2 days',
                  now()
           FROM people""", account.id, count)


async def run_dispatcher(args: argparse.Namespace) -> None:
    """The whole path: plan the due reminders, claim, render in four languages, send through
    the pool, record each outcome; every row SENT once."""
    from bench.scratch import create_database, drop_database

    from clientele.communications import dispatcher
    from clientele.communications.transports import sms_transport
    from clientele.core import db

    name = f"clientele_bench_notify_{os.getpid()}"
    server = MailServer()
    await create_database(args.database_url, name)
    await db.start_pool(min_size=2, max_size=args.concurrency + 4)
    try:
        await due_reminders(args.count)
        url = f"smtp://127.0.0.1:{server.port}"
        transports = dispatcher.Transports(
            email_transport(url, '"Clientele" <noreply@example.com>', production=True,
                            concurrency=args.concurrency),
            sms_transport("outbox://", None, production=False))
        options = dispatcher.Options(public_url="https://clientele.example",
                                     concurrency=args.concurrency, host="bench.example")
        started, cpu = time.perf_counter(), time.process_time()
        planned = await dispatcher.plan_reminders()
        while await dispatcher.run_once(transports, options):
            pass
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        await transports.close()
        rows = await db.fetch("SELECT status, count(*) AS n FROM communication GROUP BY status")
        received, sessions, server_cpu = server.figures()
        mine = server.ids(b"<")
        print(f"dispatcher, concurrency {args.concurrency}: {planned} reminders planned")
        print(f"  {planned / elapsed:,.0f} messages/s  ({elapsed:.2f} s wall, planning, "
              f"claiming, rendering, sending and recording; CPU: client {cpu:.2f} s, server "
              f"{server_cpu:.2f} s; load average {os.getloadavg()[0]:.1f})")
        print(f"  rows: {dict((r['status'], r['n']) for r in rows)}; received {received}, "
              f"duplicates {sum(n - 1 for n in mine.values())}, connections {sessions}")
    finally:
        server.stop()
        await drop_database(args.database_url, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--warm-up", type=int, default=200)
    parser.add_argument("--sender", choices=[*sorted(SENDERS), "dispatcher"],
                        default="dispatcher")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"),
                        help="a PostgreSQL server (dispatcher: a scratch database on it)")
    args = parser.parse_args()
    if args.sender == "dispatcher":
        if not args.database_url:
            raise SystemExit("give --database-url (or DATABASE_URL)")
        asyncio.run(run_dispatcher(args))
    else:
        asyncio.run(run(args))


if __name__ == "__main__":
    main()
