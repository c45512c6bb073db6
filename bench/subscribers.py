"""Event-to-subscriber latency with many websocket subscribers on one instance, and memory
when a client stops reading.

    .venv/bin/python bench/subscribers.py --url http://127.0.0.1:8000 \\
        (--token clt_… | --database-url postgresql://…) [--subscribers 1000] [--events 20] \\
        [--processes 2] [--server-pid PID] [--flood 200]

Each event is a calendar upload of one new appointment; latency is measured from the upload
request to the moment each subscriber has the message (so it includes the sync itself).

The subscribers live in --processes client processes (one asyncio loop each, a few string
operations per message) and stamp arrivals with time.time(), a clock shared by all processes.
Each process reports its own CPU time, and the server's CPU time is read from /proc, so a
client that cannot keep up shows (client CPU per event close to the event's wall time).

Server memory (VmRSS, with --server-pid) is sampled at: idle, after connecting, after warm-up,
after the measured events, and every 20 events of a flood of --flood events during which one
more client has stopped reading (its socket is never read: the server's send to it blocks).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import time
import uuid
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx
import websockets

SUBSCRIPTION = "subscription { appointmentSynced { id title } }"
TITLE = '"title":"'
WARM_UP = 3


def feed(title: str) -> bytes:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
    fmt = "%Y%m%dT%H%M%SZ"
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:{uuid.uuid4()}\r\n"
            f"DTSTART:{start.strftime(fmt)}\r\n"
            f"DTEND:{(start + dt.timedelta(hours=1)).strftime(fmt)}\r\nSUMMARY:{title}\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n").encode()


# --- client processes -------------------------------------------------------------------

async def _subscribe(ws_url: str, token: str, variables: dict[str, Any],
                     compression: str | None) -> Any:
    ws = await websockets.connect(ws_url, subprotocols=["graphql-transport-ws"],
                                  max_queue=None, compression=compression, open_timeout=60)
    await ws.send(json.dumps({"type": "connection_init",
                              "payload": {"authorization": f"Bearer {token}"}}))
    await ws.recv()
    await ws.send(json.dumps({"id": "1", "type": "subscribe",
                              "payload": {"query": SUBSCRIPTION, "variables": variables}}))
    return ws


async def _client(ws_url: str, token: str, count: int, conn: Connection, first: int,
                  distinct: bool, compression: str | None) -> None:
    gate = asyncio.Semaphore(50)  # do not open hundreds of handshakes at once

    async def opened(n: int) -> Any:
        async with gate:
            # distinct: an unused variable per subscriber, so that no two operations are the
            # same and the server executes each (the cost without shared execution)
            return await _subscribe(ws_url, token, {"n": n} if distinct else {}, compression)

    sockets = await asyncio.gather(*(opened(first + i) for i in range(count)))
    arrivals: dict[str, list[float]] = {}
    done: set[str] = set()
    now = time.time

    async def read(ws: Any) -> None:
        async for raw in ws:
            at = now()
            start = raw.find(TITLE)
            if start < 0:
                if '"next"' not in raw:
                    conn.send(("message", raw))
                continue
            start += len(TITLE)
            title = raw[start:raw.index('"', start)]
            if title in done:
                continue
            got = arrivals.setdefault(title, [])
            got.append(at)
            if len(got) == count:
                done.add(title)
                conn.send(("event", title, arrivals.pop(title), time.process_time()))

    readers = [asyncio.create_task(read(ws)) for ws in sockets]
    conn.send(("ready", count))
    stop = asyncio.Event()
    asyncio.get_running_loop().add_reader(conn.fileno(), stop.set)
    await stop.wait()
    for task in readers:
        task.cancel()
    await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)


def client_process(*args: Any) -> None:
    asyncio.run(_client(*args))


async def stalled_subscriber(ws_url: str, token: str) -> Any:
    """A client that subscribes and then never reads its socket again (a small receive
    buffer, so that the server's sends block soon)."""
    host, port = ws_url.removeprefix("ws://").split("/")[0].split(":")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect((host, int(port)))
    sock.setblocking(False)
    ws = await websockets.connect(ws_url, sock=sock, subprotocols=["graphql-transport-ws"],
                                  max_queue=1, compression=None, ping_interval=None)
    await ws.send(json.dumps({"type": "connection_init",
                              "payload": {"authorization": f"Bearer {token}"}}))
    await ws.recv()
    await ws.send(json.dumps({"id": "1", "type": "subscribe",
                              "payload": {"query": SUBSCRIPTION}}))
    ws.transport.pause_reading()
    return ws


# --- the driver ---------------------------------------------------------------------------

def rss_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def cpu_seconds(pid: int | None) -> float:
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def upload(client: httpx.AsyncClient, base: str, title: str) -> None:
    # a source per upload: re-uploading to one source would also cancel the previous event
    operations = json.dumps({"query": "mutation($f: Upload!, $n: String) { calendarUpload("
                             "file: $f, name: $n) { syncRun { error } } }",
                             "variables": {"f": None, "n": f"bench-subscribers {title}"}})
    response = await client.post(f"{base}/graphql", data={
        "operations": operations, "map": '{"0": ["variables.f"]}'},
        files={"0": ("bench.ics", feed(title), "text/calendar")})
    response.raise_for_status()
    body = response.json()
    if body.get("errors") or body["data"]["calendarUpload"]["syncRun"]["error"]:
        raise RuntimeError(f"upload failed: {body}")


async def make_token(database_url: str) -> str:
    """An API token (read:customers for subscribing, manage:settings for calendarUpload) of
    a benchmark user of the default account."""
    from clientele import database
    from clientele.accounts import sessions
    from clientele.accounts.bootstrap import create_user_with_role
    from clientele.accounts.permissions import Permission
    from clientele.accounts.principal import Principal
    from clientele.accounts.services import ensure_default_account
    from clientele.core import db

    database.configure(database_url)
    account = await ensure_default_account("CH")
    user = await create_user_with_role(account, f"bench-{uuid.uuid4().hex[:8]}@example.com",
                                       "Benchmark", "bench-password-1", "admin")
    permissions = frozenset({Permission.READ_CUSTOMERS, Permission.MANAGE_SETTINGS})
    principal = Principal(account=account, permissions=permissions, user_id=user["id"],
                          name="Benchmark", via="session")
    token, _ = await sessions.create_api_token(principal, "bench-subscribers", permissions)
    await db.close_pool()
    return token


def send_queue(port: int) -> str:
    """Bytes the server's kernel holds for the stalled client (Send-Q of its socket), or
    "closed" once the server has closed it (uvicorn closes a connection whose pings go
    unanswered for ws_ping_interval + ws_ping_timeout)."""
    try:
        out = subprocess.run(["ss", "-tnH", "state", "established", f"( dport = :{port} )"],
                             capture_output=True, text=True, timeout=5).stdout.split()
        return out[1] if len(out) > 1 else "closed"
    except (OSError, subprocess.SubprocessError):
        return "?"


def pct(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--token")
    parser.add_argument("--database-url", help="make a token in this database")
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--processes", type=int, default=2, help="client processes")
    parser.add_argument("--flood", type=int, default=200,
                        help="events sent while one client has stopped reading")
    parser.add_argument("--server-pid", type=int)
    parser.add_argument("--distinct", action="store_true",
                        help="no two subscriptions alike (no shared execution on the server)")
    parser.add_argument("--no-compression", action="store_true",
                        help="do not offer permessage-deflate (browsers do)")
    args = parser.parse_args()
    compression = None if args.no_compression else "deflate"
    token = args.token or await make_token(args.database_url)
    ws_url = args.url.replace("http://", "ws://") + "/graphql"
    pid = args.server_pid
    rss: dict[str, float | None] = {"idle": rss_mb(pid)}

    shares = [args.subscribers // args.processes + (i < args.subscribers % args.processes)
              for i in range(args.processes)]
    pipes, processes = [], []
    for index, share in enumerate(shares):
        ours, theirs = multiprocessing.Pipe()
        process = multiprocessing.Process(
            target=client_process, daemon=True,
            args=(ws_url, token, share, theirs, sum(shares[:index]), args.distinct, compression))
        process.start()
        pipes.append(ours)
        processes.append(process)

    loop = asyncio.get_running_loop()
    inbox: asyncio.Queue[tuple[int, tuple[Any, ...]]] = asyncio.Queue()
    for index, pipe in enumerate(pipes):
        loop.add_reader(pipe.fileno(),
                        lambda i=index, p=pipe: inbox.put_nowait((i, p.recv())))

    async def receive(kind: str, until: float) -> tuple[int, tuple[Any, ...]]:
        while True:
            index, message = await asyncio.wait_for(inbox.get(), until - time.monotonic())
            if message[0] == kind:
                return index, message
            print(f"client {index}: {message}")

    connect_started = time.monotonic()
    for _ in shares:
        await receive("ready", time.monotonic() + 300)
    await asyncio.sleep(1)
    rss["connected"] = rss_mb(pid)
    print(f"{args.subscribers} subscribers in {args.processes} processes connected in "
          f"{time.monotonic() - connect_started:.1f} s")

    latencies: list[float] = []
    server_cpu = client_cpu = 0.0
    headers = {"authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(headers=headers, timeout=60) as client:
        last_cpu: dict[int, float] = {}
        for n in range(WARM_UP + args.events):
            title = f"bench-{n}-{uuid.uuid4().hex[:6]}"
            cpu_before = cpu_seconds(pid)
            started = time.time()
            await upload(client, args.url, title)
            arrived: list[float] = []
            try:
                for _ in shares:
                    index, (_k, got_title, times, cpu) = await receive(
                        "event", time.monotonic() + 15)
                    assert got_title == title, (got_title, title)
                    arrived += times
                    if n >= WARM_UP:
                        client_cpu += cpu - last_cpu[index]
                    last_cpu[index] = cpu
            except TimeoutError:
                raise SystemExit(f"event {n}: not every subscriber got it in 15 s") from None
            if n < WARM_UP:
                continue
            server_cpu += cpu_seconds(pid) - cpu_before
            latencies += [t - started for t in arrived]
        rss["warmed up"] = rss_mb(pid)
        ordered = sorted(latencies)
        print(f"deliveries {len(ordered):,} ({args.events} events)  p50 {pct(ordered, .5):.1f} ms"
              f"  p95 {pct(ordered, .95):.1f} ms  p99 {pct(ordered, .99):.1f} ms  max "
              f"{ordered[-1] * 1000:.1f} ms  mean {statistics.fmean(ordered) * 1000:.1f} ms")
        per_event = [max(latencies[i * args.subscribers:(i + 1) * args.subscribers])
                     for i in range(args.events)]
        print(f"last delivery per event (ms): {[round(x * 1000) for x in per_event]}")
        if pid:
            print(f"CPU per event: server {server_cpu / args.events * 1000:.0f} ms, clients "
                  f"{client_cpu / args.events * 1000:.0f} ms (all {args.processes} processes)")

        # a client that stops reading must not make the server buffer without bound
        stalled = await stalled_subscriber(ws_url, token)
        port = stalled.transport.get_extra_info("sockname")[1]
        series: list[tuple[int, float | None, str]] = [(0, rss_mb(pid), send_queue(port))]
        for n in range(args.flood):
            title = f"flood-{n}-{uuid.uuid4().hex[:6]}"
            await upload(client, args.url, title)
            for _ in shares:  # the others keep reading: wait until they have it
                await receive("event", time.monotonic() + 15)
            if (n + 1) % 20 == 0:
                series.append((n + 1, rss_mb(pid), send_queue(port)))
        rss["after flood"] = rss_mb(pid)
        stalled.transport.abort()
    for pipe in pipes:
        loop.remove_reader(pipe.fileno())
        pipe.send("stop")
    for process in processes:
        process.join(10)
    if pid:
        print("server RSS (MB): " + ", ".join(f"{k} {v}" for k, v in rss.items()))
        print("during the flood with one stalled reader (events, server RSS MB, bytes in the "
              f"server's kernel send buffer for the stalled socket): {series}")


if __name__ == "__main__":
    asyncio.run(main())
