"""Test fixtures: a real PostgreSQL for the whole session.

With DATABASE_URL set, a fresh database is created on that server (and dropped at the end);
without it, an embedded PostgreSQL (pgserver) is started in a temporary directory. Each test
gets its own account, so tests never see each other's rows.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import asyncpg
import httpx
import pytest

from clientele.accounts.permissions import ALL, Permission
from clientele.accounts.principal import Actor, Principal
from clientele.accounts.services import AccountInfo, create_account
from clientele.api.context import Context
from clientele.api.schema import schema
from clientele.core import db, pubsub
from clientele.database import configure as configure_database
from tests.waiting import eventually_sync

ROOT = Path(__file__).resolve().parents[1]
# Every query the suite runs that compiled execution answers is also answered by the resolvers,
# and the two must be the same JSON (api/compiled/execute.py); live servers inherit it.
os.environ.setdefault("CLIENTELE_COMPILED_CHECK", "1")


def _with_database(url: str, name: str) -> str:
    parts = urlparse(url)
    return urlunparse(parts._replace(path=f"/{name}"))


@contextlib.contextmanager
def scratch_database(server_url: str, prefix: str) -> Iterator[str]:
    """A new, empty database on the server of `server_url` (created before, dropped after)."""
    import asyncio

    name = f"{prefix}_{secrets.token_hex(4)}"

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(server_url)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    try:
        yield _with_database(server_url, name)
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    server_url = os.environ.get("DATABASE_URL")
    name = f"clientele_test_{secrets.token_hex(4)}"
    if server_url:
        with scratch_database(server_url, "clientele_test") as url:
            yield url
    else:
        from clientele.core.embedded import embedded_database_url

        data_dir = Path(tempfile.mkdtemp(prefix="clientele-test-"))
        yield embedded_database_url(data_dir, name)
        _stop_embedded(data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


def _stop_embedded(data_dir: Path) -> None:
    """Stop an embedded server (SIGTERM: smart shutdown) and wait until it has exited."""
    pid_file = data_dir / "pg" / "postmaster.pid"
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text().split()[0])
    try:
        os.kill(pid, 15)
        eventually_sync(lambda: not _alive(pid), within=30, what="the embedded server to stop")
    except ProcessLookupError:
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="session", autouse=True)
async def database(database_url: str) -> AsyncIterator[str]:
    configure_database(database_url)
    async with db.startup_lock():
        await db.migrate()
    await db.start_pool()
    await pubsub.connect("memory://")
    yield database_url
    await pubsub.disconnect()
    await db.close_pool()


@pytest.fixture
async def account() -> AccountInfo:
    suffix = uuid.uuid4().hex[:10]
    return await create_account(f"Test {suffix}", f"test-{suffix}", "CH")


@pytest.fixture
async def other_account() -> AccountInfo:
    suffix = uuid.uuid4().hex[:10]
    return await create_account(f"Other {suffix}", f"other-{suffix}", "DE")


def actor_of(account: AccountInfo) -> Actor:
    return Principal.system(account, "test").actor


class Client:
    """Executes operations in-process against the schema, as `account` with `permissions`
    (all of them unless told) or as nobody (`anonymous=True`)."""

    def __init__(self, account: AccountInfo, permissions: frozenset[Permission] = ALL,
                 anonymous: bool = False) -> None:
        self.account = account
        self.principal = Principal.anonymous(account) if anonymous else Principal(
            account=account, permissions=frozenset(permissions), name="test", via="token")

    async def execute(self, query: str, **variables: Any) -> Any:
        return await schema.execute(query, variable_values=variables,
                                    context_value=Context(principal=self.principal))

    async def data(self, query: str, **variables: Any) -> dict[str, Any]:
        result = await self.execute(query, **variables)
        assert result.errors is None, result.errors
        return result.data


@pytest.fixture
def gql(account: AccountInfo) -> Client:
    return Client(account)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def server_process(database_url: str, log_path: str | None = None, *,
                   start_within: float = 60.0,
                   **env: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """The real app in a uvicorn subprocess; yields its base URL and the process (a test may
    kill it). Its output goes to `log_path` (a temporary file unless given). Several workers
    each import the app on a busy machine: such a test may give the start more time."""
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": database_url, "PORT": str(port),
                   "HOST": "127.0.0.1", "CLIENTELE_SEED": "1", **env}
    log = open(log_path or tempfile.mktemp(prefix="clientele-server-", suffix=".log"),  # noqa: SIM115
               "w")
    process = subprocess.Popen([sys.executable, "-m", "clientele", "serve"], env=environment,
                               stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"server exited at start; see {log.name}")
        try:
            return httpx.get(f"{base}/healthz", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        eventually_sync(ready, within=start_within,
                        what=f"the server to start (log: {log.name})")
        yield base, process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


@contextlib.contextmanager
def running_server(database_url: str, log_path: str | None = None, *,
                   start_within: float = 60.0, **env: str) -> Iterator[str]:
    """The real app in a uvicorn subprocess; yields its base URL."""
    with server_process(database_url, log_path, start_within=start_within, **env) as (base, _):
        yield base


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[str]:
    """The real app in a uvicorn subprocess on the session's database. It does not poll
    calendar feeds: it would sync the URL sources other tests create behind their backs (a
    crash test found a second run of its source); nor does it send messages: it would claim
    the ones the messaging tests send themselves; nor refresh duplicate candidates: its writes
    would land inside the windows in which tests check that a request wrote nothing."""
    with running_server(database_url, CALENDAR_POLLING="0", MESSAGES="0",
                        WEBHOOKS="0", DUPLICATES_REFRESH_SECONDS="0") as base:
        yield base


@pytest.fixture(scope="session")
async def admin_token(live_server: str, database: str) -> str:
    """A bearer token of an admin of the live server's default account."""
    return await token_for("default", ALL)


async def token_for(slug: str, permissions: frozenset[Permission], role: str = "admin") -> str:
    from clientele.accounts import sessions
    from clientele.accounts.bootstrap import create_user_with_role
    from clientele.accounts.services import get_account_by_slug

    account = await get_account_by_slug(slug)
    assert account is not None
    user = await create_user_with_role(account, f"{role}-{secrets.token_hex(4)}@example.com",
                                       f"Test {role}", "test-password-123", role)
    principal = Principal(account=account, permissions=ALL, user_id=user["id"],
                          name=f"Test {role}", via="session")
    token, _ = await sessions.create_api_token(principal, "tests", permissions)
    return token


REDIS_ADDRESS = ("127.0.0.1", 6379)


def redis_or_skip(what: str) -> str:
    """The machine's Redis URL; without a reachable Redis the test is skipped, and the reason
    printed, since `what` needs a broker shared by two processes."""
    try:
        with socket.create_connection(REDIS_ADDRESS, timeout=1):
            return "redis://127.0.0.1:6379"
    except OSError:
        reason = (f"no Redis reachable on 127.0.0.1:6379, so {what} cannot be shown here "
                  "(start redis-server to include it)")
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
