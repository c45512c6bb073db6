"""Webhook throughput: N events recorded through the outbox in one transaction, then sent by
dispatchers to a receiver on 127.0.0.1, each checked once.

    .venv/bin/python bench/webhooks.py --database-url URL [--count 2000] [--instances 1]
                                       [--concurrency 8]

The receiver runs in a process of its own (stdlib ThreadingHTTPServer answering 204: the GIL
is not shared with the dispatchers) and counts the webhook-ids it saw. Prints the cost of
recording (one statement for the batch), deliveries/s, and duplicates/missing. No asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import http.server
import ipaddress
import multiprocessing
import time
import uuid
from multiprocessing.connection import Connection

from bench.scratch import create_database, drop_database


def _receiver(conn: Connection) -> None:
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", "0")))
            seen.append(self.headers["webhook-id"])
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    conn.send(server.server_address[1])
    server.timeout = 0.1
    while not conn.poll():
        server.handle_request()
    conn.send(list(seen))


async def run(args: argparse.Namespace) -> None:
    from clientele.accounts.services import create_account
    from clientele.core import db, fetch
    from clientele.webhooks import dispatcher, endpoints, outbox
    from clientele.webhooks.enums import WebhookEventType as W

    name = f"bench_webhooks_{uuid.uuid4().hex[:8]}"
    await create_database(args.database_url, name)
    await db.start_pool(max_size=20)
    ours, theirs = multiprocessing.Pipe()
    receiver = multiprocessing.Process(target=_receiver, args=(theirs,), daemon=True)
    receiver.start()
    port = ours.recv()
    try:
        fetch.allow_networks((ipaddress.ip_network("127.0.0.0/8"),))
        account = await create_account("Bench", f"bench-{uuid.uuid4().hex[:8]}", "CH")
        await endpoints.create(account.id, f"http://127.0.0.1:{port}/hooks",
                               [W.CUSTOMER_CREATED])
        started = time.perf_counter()
        async with db.transaction():
            for _ in range(args.count):
                await outbox.record(account.id, W.CUSTOMER_CREATED, {"id": str(uuid.uuid4())})
        recorded = time.perf_counter() - started
        options = dispatcher.Options(concurrency=args.concurrency)

        async def instance() -> None:
            while await dispatcher.run_once(options):
                pass

        started = time.perf_counter()
        await asyncio.gather(*(instance() for _ in range(args.instances)))
        sent = time.perf_counter() - started
        ours.send("stop")
        seen = ours.recv()
        rows = await db.fetch("SELECT message_id, status FROM webhook_delivery")
        expected = {r["message_id"] for r in rows}
        print(f"recorded {args.count} events in one transaction: {recorded:.2f} s")
        print(f"sent {len(seen)} by {args.instances} instance(s) x {args.concurrency}: "
              f"{sent:.2f} s, {len(seen) / sent:.0f} deliveries/s")
        print(f"delivered: {sum(r['status'] == 'DELIVERED' for r in rows)}, duplicates: "
              f"{len(seen) - len(set(seen))}, missing: {len(expected - set(seen))}")
    finally:
        receiver.terminate()
        await drop_database(args.database_url, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--instances", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=8)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
