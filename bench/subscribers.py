"""Event-to-subscriber latency with many websocket subscribers on one instance, and memory
when a client stops reading.

    .venv/bin/python bench/subscribers.py --url http://127.0.0.1:8000 --token clt_… \\
        [--subscribers 1000] [--events 20] [--server-pid PID]

Each event is a calendar upload of one new appointment; latency is measured from the upload
request to the moment each subscriber has the message (so it includes the sync itself).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import statistics
import time
import uuid
from pathlib import Path

import httpx
import websockets

SUBSCRIPTION = "subscription { appointmentSynced { id title } }"


def feed(title: str) -> bytes:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=1)
    fmt = "%Y%m%dT%H%M%SZ"
    return (f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:{uuid.uuid4()}\r\n"
            f"DTSTART:{start.strftime(fmt)}\r\n"
            f"DTEND:{(start + dt.timedelta(hours=1)).strftime(fmt)}\r\nSUMMARY:{title}\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n").encode()


async def subscriber(url: str, token: str, ready: asyncio.Event, arrivals: dict[str, list[float]],
                     counter: list[int], total: int, read: bool = True) -> None:
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"],
                                  max_queue=None if read else 1) as ws:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {token}"}}))
        await ws.recv()
        await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                  "payload": {"query": SUBSCRIPTION}}))
        counter[0] += 1
        if counter[0] == total:
            ready.set()
        if not read:
            await asyncio.sleep(3600)  # a client that stopped reading
        async for raw in ws:
            message = json.loads(raw)
            if message.get("type") == "next":
                title = message["payload"]["data"]["appointmentSynced"]["title"]
                arrivals.setdefault(title, []).append(time.perf_counter())


def rss_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


async def upload(client: httpx.AsyncClient, base: str, title: str) -> None:
    operations = json.dumps({"query": 'mutation($f: Upload!) { calendarUpload(file: $f, name: '
                             '"bench-subscribers") { syncRun { error } } }',
                             "variables": {"f": None}})
    response = await client.post(f"{base}/graphql", data={
        "operations": operations, "map": '{"0": ["variables.f"]}'},
        files={"0": ("bench.ics", feed(title), "text/calendar")})
    response.raise_for_status()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--token", required=True)
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--server-pid", type=int)
    args = parser.parse_args()
    ws_url = args.url.replace("http://", "ws://") + "/graphql"
    ready, arrivals, counter = asyncio.Event(), {}, [0]
    tasks = [asyncio.create_task(subscriber(ws_url, args.token, ready, arrivals, counter,
                                            args.subscribers))
             for _ in range(args.subscribers)]
    await asyncio.wait_for(ready.wait(), 120)
    await asyncio.sleep(1)
    print(f"{args.subscribers} subscribers connected; server RSS "
          f"{rss_mb(args.server_pid) or '?'} MB")
    latencies: list[float] = []
    headers = {"authorization": f"Bearer {args.token}"}
    async with httpx.AsyncClient(headers=headers, timeout=30) as client:
        for n in range(args.events):
            title = f"bench-{n}-{uuid.uuid4().hex[:6]}"
            started = time.perf_counter()
            await upload(client, args.url, title)
            deadline = time.perf_counter() + 10
            while len(arrivals.get(title, [])) < args.subscribers and \
                    time.perf_counter() < deadline:
                await asyncio.sleep(0.005)
            got = arrivals.get(title, [])
            latencies += [t - started for t in got]
            if len(got) < args.subscribers:
                print(f"event {n}: only {len(got)} of {args.subscribers} delivered")
        ordered = sorted(latencies)
        pick = lambda q: ordered[int(q * (len(ordered) - 1))] * 1000  # noqa: E731
        print(f"deliveries {len(ordered):,}  p50 {pick(0.5):.1f} ms  p95 {pick(0.95):.1f} ms  "
              f"p99 {pick(0.99):.1f} ms  max {ordered[-1] * 1000:.1f} ms  mean "
              f"{statistics.fmean(ordered) * 1000:.1f} ms")

        # a client that stops reading must not make the server buffer without bound
        stalled_ready = asyncio.Event()
        stalled = asyncio.create_task(subscriber(ws_url, args.token, stalled_ready, {}, [0], 1,
                                                 read=False))
        await asyncio.wait_for(stalled_ready.wait(), 10)
        before = rss_mb(args.server_pid)
        for n in range(3 * args.events):
            await upload(client, args.url, f"flood-{n}")
        await asyncio.sleep(1)
        after = rss_mb(args.server_pid)
        print(f"stalled reader: server RSS {before} MB before, {after} MB after "
              f"{3 * args.events} more events")
        stalled.cancel()
    for task in tasks:
        task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
