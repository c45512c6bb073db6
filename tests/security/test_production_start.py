"""No known credentials in production (issue 10, class 3).

A production server started on a fresh database, with CLIENTELE_SEED=1 as a careless operator
might leave it, seeds nothing: no demo customers, no demo users, the published demo password
signs nobody in. It prints how to create the first admin, and that command (`clientele user
create --admin`) gives a working admin; the same email cannot be used twice, and the demo-data
commands refuse to run against a production database.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest

from tests.conftest import ROOT, running_server, scratch_database

DEMO = ("admin@default.example.com", "clientele-demo")
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) " \
        "{ me { name permissions } userErrors { code } } }"


@pytest.fixture(scope="module")
def fresh_database(database_url: str) -> Iterator[str]:
    """A database of its own on the session's server (the session's has demo data)."""
    with scratch_database(database_url, "clientele_prod") as url:
        yield url


class Production:
    def __init__(self, base: str, database_url: str, log: str) -> None:
        self.base, self.database_url, self.log = base, database_url, log

    def cli(self, *args: str, password: str = "") -> subprocess.CompletedProcess:
        env = {**os.environ, "APP_ENV": "production", "DATABASE_URL": self.database_url,
               "CLIENTELE_PASSWORD": password}
        return subprocess.run([sys.executable, "-m", "clientele", *args], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)

    def login(self, email: str, password: str) -> dict:
        response = httpx.post(f"{self.base}/graphql", json={
            "query": LOGIN, "variables": {"e": email, "p": password}})
        assert response.status_code == 200, response.text
        return response.json()["data"]["login"]

    def count(self, table: str) -> int:
        async def run() -> int:
            conn = await asyncpg.connect(self.database_url)
            try:
                return await conn.fetchval(f"SELECT count(*) FROM {table}")
            finally:
                await conn.close()

        return asyncio.run(run())


@pytest.fixture(scope="module")
def production(fresh_database: str, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[Production]:
    log = str(tmp_path_factory.mktemp("production") / "server.log")
    with running_server(fresh_database, log_path=log, APP_ENV="production",
                        CLIENTELE_SEED="1", CALENDAR_POLLING="0") as base:
        yield Production(base, fresh_database, log)


def test_nothing_is_seeded_and_the_demo_password_signs_nobody_in(production: Production
                                                                 ) -> None:
    assert production.count("staff_user") == 0
    assert production.count("customer") == 0
    assert production.login(*DEMO)["userErrors"][0]["code"] == "INVALID_CREDENTIALS"
    printed = Path(production.log).read_text()
    assert "development login" not in printed and DEMO[1] not in printed


def test_the_first_start_says_how_to_create_the_first_admin(production: Production) -> None:
    assert "clientele user create --admin --email" in Path(production.log).read_text()


def test_the_demo_data_commands_refuse_a_production_database(production: Production) -> None:
    for command in (["seed"], ["seed-profile", "--appointments", "3"]):
        completed = production.cli(*command)
        assert completed.returncode != 0, command
        assert "production" in completed.stderr, completed.stderr
    assert production.count("customer") == 0


def test_the_cli_creates_a_working_admin_once_per_email(production: Production) -> None:
    password = f"first-admin-{secrets.token_hex(4)}"
    created = production.cli("user", "create", "--admin", "--email", "first@example.com",
                             "--name", "First Admin", password=password)
    assert created.returncode == 0, created.stderr
    signed_in = production.login("first@example.com", password)
    assert signed_in["userErrors"] == []
    assert signed_in["me"]["name"] == "First Admin"
    assert "MANAGE_USERS" in signed_in["me"]["permissions"]

    again = production.cli("user", "create", "--admin", "--email", "first@example.com",
                           password="another-password-1")
    assert again.returncode != 0
    assert "exists" in again.stderr
    assert production.count("staff_user") == 1
    assert production.login("first@example.com", "another-password-1")["me"] is None


def test_the_cli_refuses_a_missing_password_without_a_terminal(production: Production) -> None:
    completed = production.cli("user", "create", "--admin", "--email", "second@example.com")
    assert completed.returncode != 0
    assert "CLIENTELE_PASSWORD" in completed.stderr and "Traceback" not in completed.stderr
    assert production.count("staff_user") <= 1
