"""`clientele doctor` as an operator runs it: one line per check, exit 1 when one is wrong,
naming what is wrong. A scratch database (migrated by the CLI) so that no other test's users
(the live server's demo logins) are in it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import ROOT, free_port, scratch_database

PRODUCTION = {"APP_ENV": "production", "PUBLIC_URL": "https://crm.example.com",
              "BROADCAST_URL": "redis://127.0.0.1:6379", "MAIL_FROM": "noreply@example.com",
              "METRICS_TOKEN": "k3Jx9-pQ2vLm8ZrT4wYb7NcF1hGd6sAe0uRi5oPl"}


@pytest.fixture(scope="module")
def scratch(database: str) -> Iterator[str]:
    with scratch_database(database, "clientele_doctor") as url:
        _run(url, "migrate", check=True)
        yield url


def _run(url: str, *args: str, check: bool = False,
         **env: str) -> subprocess.CompletedProcess[str]:
    names = ("APP_ENV", "PUBLIC_URL", "BROADCAST_URL", "SMTP_URL", "MAIL_FROM", "SMS_URL",
             "SMS_FROM", "METRICS_TOKEN", "TRUSTED_PROXIES", "FETCH_ALLOW_NETWORKS",
             "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS", "HSTS_SECONDS")
    environment = {k: v for k, v in os.environ.items() if k not in names}
    environment.update(DATABASE_URL=url, **env)
    done = subprocess.run([sys.executable, "-m", "clientele", *args], env=environment,
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def _lines(done: subprocess.CompletedProcess[str], mark: str) -> list[str]:
    return [line for line in done.stdout.splitlines() if line.startswith(mark)]


class Accepting:
    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        raise AssertionError("the doctor sent a message")


def test_a_good_development_configuration_exits_0(scratch: str) -> None:
    controller = Controller(Accepting(), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        done = _run(scratch, "doctor", SMTP_URL=f"smtp://127.0.0.1:{controller.port}",
                    MAIL_FROM='"Praxis" <noreply@example.com>')
    finally:
        controller.stop()
    assert done.returncode == 0, done.stdout + done.stderr
    assert _lines(done, "✗") == []
    assert any(line.startswith("✓ database: PostgreSQL") for line in done.stdout.splitlines())
    assert "✓ migrations: all applied" in done.stdout
    # reached (EHLO), but without TLS: worth a look, not wrong on a laptop
    assert f"! SMTP: 127.0.0.1:{controller.port} answers, without TLS" in done.stdout


def test_a_good_production_configuration_exits_0(scratch: str) -> None:
    done = _run(scratch, "doctor", **PRODUCTION)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "✓ broadcast: Redis at redis://127.0.0.1:6379 answers" in done.stdout
    assert "✓ secrets:" in done.stdout and "✓ demo logins: none" in done.stdout


@pytest.mark.parametrize(("env", "wrong"), [
    ({"SMTP_URL": "ftp://mail.example.com"}, "✗ SMTP: SMTP_URL must start with smtp://"),
    ({"SMTP_URL": "smtps://user:pw-8Hq2@127.0.0.1:1"},
     "✗ SMTP: 127.0.0.1:1: The mail server could not be reached"),
    ({"BROADCAST_URL": "redis://127.0.0.1:1"},
     "✗ broadcast: cannot reach Redis at redis://127.0.0.1:1"),
    ({"METRICS_TOKEN": "short"}, "✗ secrets: METRICS_TOKEN has 5 characters (at least 32)"),
    ({"TRUSTED_PROXIES": "0.0.0.0/0"}, "✗ proxies: TRUSTED_PROXIES includes 0.0.0.0/0"),
    ({"PUBLIC_URL": ""}, "✗ PUBLIC_URL: not set"),
    ({"FETCH_ALLOW_NETWORKS": "169.254.0.0/16"}, "✗ FETCH_ALLOW_NETWORKS: 169.254.0.0/16"),
], ids=["smtp-url", "smtp-unreachable", "redis", "short-secret", "proxies", "public-url",
        "fetch-metadata"])
def test_one_wrong_setting_in_production_exits_1_and_is_named(scratch: str, env: dict[str, str],
                                                              wrong: str) -> None:
    done = _run(scratch, "doctor", **{**PRODUCTION, **env})
    assert done.returncode == 1, done.stdout
    assert [line for line in _lines(done, "✗") if line.startswith(wrong)], done.stdout
    assert len(_lines(done, "✗")) == 1, done.stdout  # only that one
    assert "pw-8Hq2" not in done.stdout + done.stderr  # a password is never printed


def test_a_setting_that_cannot_be_read_and_a_demo_login_in_production(scratch: str) -> None:
    unreadable = _run(scratch, "doctor", TRUSTED_PROXIES="not-a-network")
    assert unreadable.returncode == 1
    assert unreadable.stdout.startswith("✗ settings: TRUSTED_PROXIES: 'not-a-network'")

    _run(scratch, "user", "create", "--admin", "--email", "admin@default.example.com",
         check=True, CLIENTELE_PASSWORD="clientele-demo")
    done = _run(scratch, "doctor", **PRODUCTION)
    assert done.returncode == 1
    assert "✗ demo logins: admin@default.example.com still sign in with the published demo " \
           "password" in done.stdout
