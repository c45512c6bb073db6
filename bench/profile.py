"""Profile- and list-query benchmark: p50/p95 latency and throughput over HTTP, the same read as
one raw asyncpg statement (the floor), and optionally the peer PostGraphile, in the same run
with the same wrk settings.

    # a server you started yourself
    .venv/bin/python bench/profile.py --url http://127.0.0.1:8000/graphql \\
        --database-url postgresql://…  [--requests 3000] [--concurrency 1 32]

    # the whole comparison: Clientele with 1 process and with 2 workers, PostGraphile,
    # raw SQL; profile and list query; each server started, measured alone and stopped
    .venv/bin/python bench/profile.py --database-url postgresql://…/clientele_bench \\
        --serve 1 2 --peer postgraphile --query profile list

The profile is one customer by ID, its latest 20 appointments, each with all its messages;
customers are drawn at random (seeded) from the default account, so caches do not flatter.
The list is `customers(first: 50)` by name with email and mobile phone (one request body).
`--peer postgraphile` starts bench/peers/postgraphile (npm ci on first use) on the same
database; `--peer URL` uses a PostGraphile already running with that configuration. Before
timing, the answers of both servers to the same requests are compared field by field.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "backend"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import servers
from bench.load import bench_token, wrk_run

from clientele.core import ids

PROFILE = """
query Profile($id: ID!) {
  customer(id: $id) {
    id salutation firstName lastName email mobilePhone landlinePhone communicationStatus
    preferredMedium preferredLanguage emailEnabled smsEnabled notes company dateOfBirth
    address { street postcode city country }
    appointments(first: 20, direction: DESC) {
      totalCount
      edges { node {
        id title startsAt endsAt allDay location status services
        communications(first: 100) {
          edges { node { id medium recipient subject status error body sentAt } }
        }
      } }
    }
  }
}
"""

# PostGraphile's form of the same read (bench/peers/postgraphile/graphile.config.mjs): the
# customer by its global (node) ID, the same fields (the address is four columns there), the
# same orders as Clientele's (appointments newest first; messages by creation).
PEER_PROFILE = """
query Profile($id: ID!) {
  customer(id: $id) {
    id salutation firstName lastName email mobilePhone landlinePhone communicationStatus
    preferredMedium preferredLanguage emailEnabled smsEnabled notes company dateOfBirth
    street postcode city country
    appointments(first: 20, orderBy: [STARTS_AT_DESC, ROW_ID_DESC]) {
      totalCount
      edges { node {
        id title startsAt endsAt allDay location status services
        communications(first: 100, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
          edges { node { id medium recipient subject status error body sentAt } }
        }
      } }
    }
  }
}
"""

RAW = """
SELECT json_build_object(
  'id', c.id, 'salutation', c.salutation, 'firstName', c.first_name, 'lastName', c.last_name,
  'email', c.email, 'mobilePhone', c.mobile_phone, 'landlinePhone', c.landline_phone,
  'communicationStatus', c.communication_status, 'preferredMedium', c.preferred_medium,
  'preferredLanguage', c.preferred_language, 'emailEnabled', c.email_enabled,
  'smsEnabled', c.sms_enabled, 'notes', c.notes, 'company', c.company,
  'dateOfBirth', c.date_of_birth,
  'address', json_build_object('street', c.street, 'postcode', c.postcode, 'city', c.city,
                               'country', c.country),
  'appointments', json_build_object(
    'totalCount', (SELECT count(*) FROM appointment WHERE customer = c.id),
    'edges', (SELECT coalesce(json_agg(json_build_object('node', json_build_object(
        'id', a.id, 'title', a.title, 'startsAt', a.starts_at, 'endsAt', a.ends_at,
        'allDay', a.all_day, 'location', a.location, 'status', a.status,
        'services', a.services,
        'communications', json_build_object('edges', (
          SELECT coalesce(json_agg(json_build_object('node', json_build_object(
              'id', m.id, 'medium', m.medium, 'recipient', m.recipient,
              'subject', m.subject, 'status', m.status, 'error', m.error, 'body', m.body,
              'sentAt', m.sent_at)) ORDER BY m.created_at, m.id), '[]')
          FROM communication m WHERE m.appointment = a.id))
      )) ORDER BY a.starts_at DESC, a.id DESC), '[]')
      FROM (SELECT * FROM appointment WHERE customer = c.id
            ORDER BY starts_at DESC, id DESC LIMIT 20) a)))
FROM customer c WHERE c.id = $1 AND c.account = $2
"""

LIST = """
query List {
  customers(first: 50) { edges { node { id firstName lastName email mobilePhone } } }
}
"""

# Clientele lists the account's customers by name (sort_name, id); PostGraphile is given the
# account as a condition and the same order (index customer_account_sort_name either way).
PEER_LIST = """
query List($account: UUID!) {
  allCustomers(first: 50, condition: {account: $account}, orderBy: [SORT_NAME_ASC, ROW_ID_ASC]) {
    edges { node { id firstName lastName email mobilePhone } }
  }
}
"""

RAW_LIST = """
SELECT json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
  'id', c.id, 'firstName', c.first_name, 'lastName', c.last_name, 'email', c.email,
  'mobilePhone', c.mobile_phone)) ORDER BY c.sort_name, c.id), '[]'))
FROM (SELECT id, first_name, last_name, email, mobile_phone, sort_name FROM customer
      WHERE account = $1 ORDER BY sort_name, id LIMIT 50) c
"""


@dataclass(frozen=True)
class Query:
    name: str
    clientele: str
    peer: str
    raw: str
    per_customer: bool
    """Variables drawn per request (a customer), or one request for every call."""


QUERIES = {
    "profile": Query("profile", PROFILE, PEER_PROFILE, RAW, per_customer=True),
    "list": Query("list", LIST, PEER_LIST, RAW_LIST, per_customer=False),
}


@dataclass
class Target:
    label: str
    kind: str  # "clientele" | "peer"
    url: str | None = None  # a server already running
    workers: int | None = None  # a Clientele the script starts
    start_peer: bool = False  # the PostGraphile the script starts


# --- the peer's IDs ------------------------------------------------------------------------

class PeerIds:
    """PostGraphile's node IDs (by default base64 of a JSON array [type name, primary key]),
    learnt from the server for one customer and checked against it."""

    def __init__(self) -> None:
        self.prefix: list[Any] | None = None

    def learn(self, url: str, customer: uuid.UUID) -> None:
        body = graphql_sync(url, None, "query($r: UUID!) { customerByRowId(rowId: $r) { id } }",
                            {"r": str(customer)})
        node_id = body["customerByRowId"]["id"]
        decoded = json.loads(base64.b64decode(node_id))
        if not (isinstance(decoded, list) and decoded[-1] == str(customer)):
            raise SystemExit(f"unexpected PostGraphile node ID {node_id!r}: {decoded!r}")
        self.prefix = decoded[:-1]
        if self.encode(customer) != node_id:
            raise SystemExit(f"cannot re-encode PostGraphile node ID {node_id!r}")

    def encode(self, pk: uuid.UUID) -> str:
        assert self.prefix is not None, "learn() first"
        return base64.b64encode(
            json.dumps([*self.prefix, str(pk)], separators=(",", ":")).encode()).decode()


def variables(query: Query, target: Target, pick: uuid.UUID, account: uuid.UUID,
              peer_ids: PeerIds) -> dict[str, str]:
    if query.per_customer:
        return {"id": ids.encode("Customer", pick) if target.kind == "clientele"
                else peer_ids.encode(pick)}
    return {} if target.kind == "clientele" else {"account": str(account)}


def bodies(query: Query, target: Target, picks: list[uuid.UUID], account: uuid.UUID,
           peer_ids: PeerIds) -> list[str]:
    document = query.clientele if target.kind == "clientele" else query.peer
    chosen = picks if query.per_customer else picks[:1]
    return [json.dumps({"query": document,
                        "variables": variables(query, target, pick, account, peer_ids)})
            for pick in chosen]


def graphql_sync(url: str, token: str | None, document: str, variables: dict) -> dict:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(url, json={"query": document, "variables": variables},
                          headers=headers, timeout=30)
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise SystemExit(f"{url}: {response.status_code} {response.text[:800]}")
    return dict(body["data"])


# --- the same answer from both servers ------------------------------------------------------

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _uuid_of(node_id: str) -> str:
    raw = base64.b64decode(node_id).decode()
    if raw.startswith("["):
        return str(json.loads(raw)[-1])
    return str(ids.decode(node_id)[1])


def normalised(value: Any, key: str = "") -> Any:
    """One form for both servers' answers: IDs as the row's UUID, instants in UTC, Clientele's
    address object as the four fields PostGraphile has on the customer."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if k == "address" and isinstance(v, dict):
                out.update({name: normalised(part, name) for name, part in v.items()})
            elif k == "allCustomers":  # PostGraphile's name of the list
                out["customers"] = normalised(v, k)
            else:
                out[k] = normalised(v, k)
        return out
    if isinstance(value, list):
        return [normalised(v, key) for v in value]
    if key == "id" and isinstance(value, str):
        return _uuid_of(value)
    if isinstance(value, str) and ISO.match(value):
        return dt.datetime.fromisoformat(value).astimezone(dt.UTC).isoformat()
    return value


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: only on one side"
            found = first_difference(a[k], b[k], f"{path}.{k}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} vs {b!r}"


# --- measuring -----------------------------------------------------------------------------

async def timed_run(call: Callable[[int], Awaitable[int]], total: int,
                    concurrency: int) -> tuple[list[float], float, int]:
    latencies: list[float] = []
    sizes = 0
    counter = iter(range(total))

    async def worker() -> None:
        nonlocal sizes
        for i in counter:
            started = time.perf_counter()
            size = await call(i)
            sizes += size
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, time.perf_counter() - started, sizes


def summary(name: str, latencies: list[float], elapsed: float, size: int) -> dict:
    ordered = sorted(latencies)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    row = {"name": name, "n": len(ordered), "p50_ms": p(0.50), "p95_ms": p(0.95),
           "p99_ms": p(0.99), "mean_ms": statistics.fmean(ordered) * 1000,
           "rps": len(ordered) / elapsed, "avg_kb": size / len(ordered) / 1024}
    print(f"{name:<40} n={row['n']:<6} p50={row['p50_ms']:7.2f} ms  p95={row['p95_ms']:7.2f} ms"
          f"  p99={row['p99_ms']:7.2f} ms  {row['rps']:8.1f} req/s  {row['avg_kb']:.1f} KB")
    return row


async def http_run(url: str, token: str | None, lines: list[str], total: int,
                   concurrency: int, name: str) -> dict:
    """The Python load generator (--client httpx), and the warm-up: fails on any error."""
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    async with httpx.AsyncClient(timeout=60, headers=headers,
                                 limits=httpx.Limits(max_connections=64)) as http:
        async def call(i: int) -> int:
            response = await http.post(url, content=lines[i % len(lines)])
            body = response.content
            if response.status_code != 200 or b'"errors"' in body:
                raise RuntimeError(f"{name}: {response.status_code} {body[:500]!r}")
            return len(body)

        return summary(name, *await timed_run(call, total, concurrency))


@contextlib.contextmanager
def serving(target: Target, database_url: str, source: Path | None) -> Iterator[str]:
    if target.url:
        yield target.url
    elif target.workers:
        with servers.clientele(database_url, target.workers, source) as url:
            yield url
    else:
        with servers.postgraphile(database_url) as url:
            yield url


def peer_version() -> str:
    """The version the peer's lock file pins (node_modules may not be installed yet: the first
    start installs it)."""
    lock = servers.POSTGRAPHILE.parent / "package-lock.json"
    with contextlib.suppress(OSError, ValueError, KeyError):
        return str(json.loads(lock.read_text())["packages"]["node_modules/postgraphile"]
                   ["version"])
    return "?"


def cell(rows: list[dict], key: str, fmt: str) -> str:
    values = sorted(r[key] for r in rows)
    if not values:
        return ""
    low, high = format(values[0], fmt), format(values[-1], fmt)
    return low if low == high else f"{low}–{high}"


def report(results: list[dict], queries: list[str], concurrency: list[int],
           labels: list[str], peer_label: str | None) -> None:
    print("\n# Summary (ranges over the rounds)\n")
    for q in queries:
        print(f"## {q}\n")
        head = "| | " + " | ".join(f"c={c} p50 | c={c} p95 | c={c} req/s" for c in concurrency)
        if peer_label:
            head += " | " + " | ".join(f"c={c} vs {peer_label}" for c in concurrency)
        print(head + " |")
        print("|---" * (1 + 3 * len(concurrency) + (len(concurrency) if peer_label else 0))
              + "|")
        for label in labels:
            line = f"| {label} | "
            line += " | ".join(
                " | ".join(cell([r for r in results if r["query"] == q and r["target"] == label
                                 and r["c"] == c], k, f)
                           for k, f in (("p50_ms", ".2f"), ("p95_ms", ".2f"), ("rps", ",.0f")))
                for c in concurrency)
            if peer_label and label == peer_label:
                line += " | " + " | ".join("" for _ in concurrency)
            elif peer_label:
                ratios = []
                for c in concurrency:
                    mine = [r for r in results
                            if r["query"] == q and r["target"] == label and r["c"] == c]
                    theirs = {r["round"]: r["rps"] for r in results if r["query"] == q
                              and r["target"] == peer_label and r["c"] == c}
                    per_round = [{"ratio": 100 * r["rps"] / theirs[r["round"]]}
                                 for r in mine if r["round"] in theirs]
                    ratios.append(cell(per_round, "ratio", ".0f") + " %" if per_round else "")
                line += " | " + " | ".join(ratios)
            print(line + " |")
        print()


async def main() -> None:
    # stopped with SIGTERM (or SIGINT, even started in the background): the servers this run
    # started are stopped on the way out
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000/graphql",
                        help="a running Clientele (unless --serve)")
    parser.add_argument("--serve", type=int, nargs="+", metavar="WORKERS",
                        help="start Clientele on --database-url with each of these process "
                             "counts in turn (1: one process; 2: WEB_CONCURRENCY=2)")
    parser.add_argument("--clientele-commit", metavar="REV",
                        help="with --serve: run Clientele as of this commit (its backend/ "
                             "exported with git archive) instead of the working tree")
    parser.add_argument("--clientele-source", metavar="DIR", type=Path,
                        help="with --serve: run Clientele from this tree (DIR/backend) instead "
                             "of the working tree")
    parser.add_argument("--clientele-label", default="",
                        help="added to Clientele's name in the output (e.g. `baseline`)")
    parser.add_argument("--peer", help="`postgraphile` (started from bench/peers/postgraphile) "
                                       "or the GraphQL URL of a running one")
    parser.add_argument("--query", nargs="+", choices=sorted(QUERIES), default=["profile"])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--requests", type=int, default=3000,
                        help="customers drawn (request bodies), and requests per raw-SQL run")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 32])
    parser.add_argument("--sample", type=int, default=20_000, help="customers to draw from")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure every target this many times, in turn")
    parser.add_argument("--token", default=os.environ.get("CLIENTELE_TOKEN"),
                        help="API token (default: a read-only token made for this run)")
    parser.add_argument("--write-bodies", help="only write Clientele's profile request bodies "
                                               "for bench/profile.lua")
    parser.add_argument("--client", choices=["wrk", "httpx"],
                        default="wrk" if shutil.which("wrk") else "httpx",
                        help="HTTP load generator (default: wrk when installed)")
    parser.add_argument("--seconds", type=int, default=20, help="duration of each wrk run")
    parser.add_argument("--save", help="write every measurement as JSON to this file "
                                       "(default: bench/results/profile-<time>.json)")
    args = parser.parse_args()
    if not args.database_url:
        sys.exit("--database-url (or DATABASE_URL) is needed to pick customers")
    queries = [QUERIES[name] for name in args.query]

    pool = await asyncpg.create_pool(args.database_url, min_size=4, max_size=32)
    account = await pool.fetchval("SELECT id FROM account WHERE slug = 'default'")
    counts = await pool.fetchrow(
        """SELECT (SELECT count(*) FROM customer WHERE account = $1) AS customers,
                  (SELECT count(*) FROM appointment WHERE account = $1) AS appointments,
                  (SELECT count(*) FROM communication WHERE account = $1) AS messages""",
        account)
    customers = [r["id"] for r in await pool.fetch(
        "SELECT id FROM customer WHERE account = $1 ORDER BY md5(id::text) LIMIT $2",
        account, args.sample)]
    rng = random.Random(42)
    picks = [rng.choice(customers) for _ in range(args.requests)]
    print(f"{platform.node()} · {os.cpu_count()} cores · {counts['customers']:,} customers, "
          f"{counts['appointments']:,} appointments, {counts['messages']:,} messages · "
          f"{args.requests} request bodies · {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")

    token = args.token or await bench_token(args.database_url)
    if args.write_bodies:
        clientele = Target("clientele", "clientele", url=args.url)
        Path(args.write_bodies).write_text(
            "\n".join(bodies(QUERIES["profile"], clientele, picks, account, PeerIds())))
        print(f"wrote {len(picks)} request bodies to {args.write_bodies}")
        await pool.close()
        return

    source = args.clientele_source
    at = f" ({args.clientele_label})" if args.clientele_label else ""
    if args.serve and args.clientele_commit:
        source = Path(tempfile.mkdtemp(prefix="clientele-src-"))
        commit = subprocess.run(["git", "rev-parse", "--short", args.clientele_commit],
                                cwd=servers.ROOT, capture_output=True, text=True,
                                check=True).stdout.strip()
        archive = subprocess.run(["git", "archive", commit, "backend"], cwd=servers.ROOT,
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
        at += f" @{commit}"
        print(f"Clientele as of {commit} (git archive into {source})")
    targets = ([Target(f"Clientele{at}, {n} process" if n == 1
                       else f"Clientele{at}, {n} workers", "clientele", workers=n)
                for n in args.serve]
               if args.serve else [Target("Clientele", "clientele", url=args.url)])
    peer_label = None
    if args.peer:
        peer_label = f"PostGraphile {peer_version()}" if args.peer == "postgraphile" \
            else "PostGraphile"
        targets.append(Target(peer_label, "peer",
                              url=None if args.peer == "postgraphile" else args.peer,
                              start_peer=args.peer == "postgraphile"))
    peer_ids = PeerIds()
    check_picks = picks[:20]
    reference: dict[str, list[Any]] = {}
    raw_label = "raw SQL (asyncpg, one statement)"
    results: list[dict] = []

    def record(row: dict, query: str, label: str, c: int, rnd: int) -> None:
        load = os.getloadavg()[0]
        results.append({**row, "query": query, "target": label, "c": c, "round": rnd,
                        "load1": load})
        print(f"{'':40} load average (1 min) {load:.2f}")

    async def raw_call(query: Query, i: int) -> int:
        args_ = (picks[i], account) if query.per_customer else (account,)
        return len(await pool.fetchval(query.raw, *args_))

    # warm up: every picked profile once through SQL (so every side reads warm pages)
    for query in queries:
        await timed_run(lambda i, q=query: raw_call(q, i), args.requests, 8)  # type: ignore[misc]
    print(f"HTTP client: {args.client}; {args.seconds} s per wrk run")
    for rnd in range(1, args.rounds + 1):
        print(f"\n== round {rnd} of {args.rounds}")
        for query in queries:
            for c in args.concurrency:
                row = summary(f"{query.name} {raw_label} c={c}", *await timed_run(
                    lambda i, q=query: raw_call(q, i), args.requests, c))  # type: ignore[misc]
                record(row, query.name, raw_label, c, rnd)
        for target in targets:
            with serving(target, args.database_url, source) as url:
                bearer = token if target.kind == "clientele" else None
                if target.kind == "peer" and peer_ids.prefix is None:
                    peer_ids.learn(url, picks[0])
                for query in queries:
                    # the same answers: the first Clientele measured is the reference
                    document = query.clientele if target.kind == "clientele" else query.peer
                    answers = [normalised(graphql_sync(
                        url, bearer, document,
                        variables(query, target, pick, account, peer_ids)))
                        for pick in (check_picks if query.per_customer else check_picks[:1])]
                    if query.name not in reference:
                        reference[query.name] = answers
                    else:
                        found = first_difference(reference[query.name], answers)
                        if found:
                            raise SystemExit(f"{target.label} answers {query.name} differently "
                                             f"from the first server: {found}")
                    lines = bodies(query, target, picks, account, peer_ids)
                    await http_run(url, bearer, lines, min(300, args.requests), 8,
                                   f"{query.name} {target.label} warm-up")
                    with tempfile.NamedTemporaryFile("w", suffix=".bodies") as file:
                        file.write("\n".join(lines))
                        file.flush()
                        for c in args.concurrency:
                            name = f"{query.name} {target.label}"
                            if args.client == "wrk":
                                row = wrk_run(url, bearer, file.name, c, args.seconds, name=name)
                            else:
                                row = await http_run(url, bearer, lines, args.requests, c,
                                                     f"{name}  c={c}")
                            record(row, query.name, target.label, c, rnd)
    await pool.close()
    if source is not None and args.clientele_commit:
        shutil.rmtree(source, ignore_errors=True)

    report(results, [q.name for q in queries], args.concurrency,
           [t.label for t in targets] + [raw_label], peer_label)
    if len(targets) > 1:
        print(f"answers compared field by field ({len(check_picks)} profiles, the list): the "
              f"same from every server")
    save = Path(args.save) if args.save else Path(__file__).parent / "results" / \
        f"profile-{time.strftime('%Y%m%dT%H%M%S')}.json"
    save.parent.mkdir(parents=True, exist_ok=True)
    save.write_text(json.dumps({
        "host": platform.node(), "cores": os.cpu_count(), "counts": dict(counts),
        "args": vars(args), "results": results}, indent=1, default=str))
    print(f"measurements saved to {save}")


if __name__ == "__main__":
    asyncio.run(main())
