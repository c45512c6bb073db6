"""`clientele doctor`: checks the configuration and says what is wrong and how to fix it.

One line per check: ✓ (fine), ! (works, but look at it) or ✗ (wrong), what was found and, when
it is not fine, the fix. Exit 1 when any check is ✗. What is only unwise on a laptop is ! in
development and ✗ with APP_ENV=production. Each check that talks to a server gives up after
TIMEOUT seconds (the embedded database, started when DATABASE_URL is unset, may take longer
on its first start); nothing is written (no mail is sent, no migration run). Secrets are never
printed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import enum
import ipaddress
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from clientele.settings import Settings

TIMEOUT = 3.0
MIN_SECRET_CHARS = 32
# what a default, example or placeholder secret looks like (docs, compose files, tutorials)
# an empty password counts as none (a URL may write `user:@host`): how the server then
# authenticates (trust, peer, certificates) is its own configuration, which no URL shows
KNOWN_SECRETS = frozenset({
    "postgres", "password", "passw0rd", "secret", "changeme", "change-me", "changeit",
    "example", "admin", "root", "clientele", "clientele-demo", "test", "token", "metrics",
    "default", "123456", "12345678", "letmein", "redis"})
METADATA = ipaddress.ip_address("169.254.169.254")  # cloud instance metadata


class Status(enum.Enum):
    OK = "✓"
    WARN = "!"
    FAIL = "✗"


@dataclass(frozen=True)
class Finding:
    name: str
    status: Status
    detail: str
    fix: str = ""

    def line(self) -> str:
        text = f"{self.status.value} {self.name}: {self.detail}"
        return f"{text} — {self.fix}" if self.fix else text


def ok(name: str, detail: str) -> Finding:
    return Finding(name, Status.OK, detail)


def bad(settings: Settings, name: str, detail: str, fix: str) -> Finding:
    """✗ in production, ! in development."""
    return Finding(name, Status.FAIL if settings.production else Status.WARN, detail, fix)


def add_parser(commands: argparse._SubParsersAction) -> None:
    commands.add_parser("doctor", help="check the configuration (database, broadcast, SMTP, "
                                       "SMS, public URL, proxies, secrets); exit 1 if wrong")


def _where(url: str) -> str:
    """A URL without its password (and query), for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        port = ""
    user = f"{parts.username}@" if parts.username else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


def _password(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    return parts.password


def _error(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return f"no answer within {TIMEOUT:g} s"
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]


# --- the checks -------------------------------------------------------------------------------


def check_app_env(settings: Settings) -> Finding:
    if settings.app_env in ("development", "production"):
        return ok("APP_ENV", settings.app_env)
    return Finding("APP_ENV", Status.FAIL, f"{settings.app_env!r} is neither development nor "
                   "production (it runs as development: demo data, GraphiQL, detailed errors)",
                   "set APP_ENV=production or APP_ENV=development")


async def check_database(settings: Settings) -> tuple[Finding, Finding | None, str | None]:
    """Reachable, which server; then the migrations. Returns the URL for later checks."""
    import asyncpg

    from clientele.core import db

    if settings.database_url is None and settings.production:
        return (Finding("database", Status.FAIL, "DATABASE_URL is not set: production would "
                        "start the embedded PostgreSQL in the container",
                        "set DATABASE_URL=postgresql://user:password@host:5432/clientele"),
                None, None)
    try:
        url = db.resolve_url(settings)  # without DATABASE_URL: starts the embedded server
    except Exception as exc:
        return (Finding("database", Status.FAIL,
                        f"the embedded PostgreSQL did not start: {_error(exc)}",
                        f"look at {settings.data_dir / 'pg' / 'log'}"), None, None)
    shown = (f"the embedded server in {settings.data_dir}" if settings.database_url is None
             else _where(url))
    try:
        conn = await asyncpg.connect(url, timeout=TIMEOUT)
    except Exception as exc:
        return (Finding("database", Status.FAIL, f"cannot connect to {shown}: {_error(exc)}",
                        "check DATABASE_URL (host, port, user, password, database name) and "
                        "that the server accepts connections from here"), None, None)
    try:
        version = await asyncio.wait_for(conn.fetchval("SHOW server_version"), TIMEOUT)
        pending = await asyncio.wait_for(_pending_migrations(conn, url), TIMEOUT * 2)
    except Exception as exc:
        return (Finding("database", Status.FAIL, f"{shown} does not answer: {_error(exc)}",
                        "check the database server"), None, None)
    finally:
        await conn.close()
    found = ok("database", f"PostgreSQL {version.split()[0]} at {shown}")
    if int(version.split(".")[0]) < 15:
        found = Finding("database", Status.WARN, f"PostgreSQL {version} at {shown}",
                        "Clientele is built and tested on PostgreSQL 15 and 16")
    if pending:
        migrations = Finding(
            "migrations", Status.WARN, f"{len(pending)} not applied yet ({pending[0]}…)",
            "the server applies them when it starts; or run `clientele migrate`")
    else:
        migrations = ok("migrations", "all applied")
    return found, migrations, url


async def _pending_migrations(conn: Any, url: str) -> list[str]:
    """The migrations of every app the `migration` table does not list (piccolo's record)."""
    from piccolo.apps.migrations.commands.base import BaseMigrationManager

    from clientele import database

    database.configure(url)  # piccolo_conf's engine; no connection is made
    finder = BaseMigrationManager()
    known: list[tuple[str, str]] = []
    for module in finder.get_app_modules():
        config = module.APP_CONFIG
        ids = finder.get_migration_ids(
            finder.get_migration_modules(config.resolved_migrations_folder_path))
        known += [(config.app_name, i) for i in ids]
    ran: set[tuple[str, str]] = set()
    if await conn.fetchval("SELECT to_regclass('migration') IS NOT NULL"):
        ran = {(r["app_name"], r["name"])
               for r in await conn.fetch("SELECT app_name, name FROM migration")}
    return [f"{app} {name}" for app, name in known if (app, name) not in ran]


async def check_demo_logins(settings: Settings, url: str | None) -> Finding | None:
    """Production: no demo user still signs in with the published password."""
    import asyncpg

    from clientele.accounts.bootstrap import DEMO_PASSWORD, DEMO_USERS
    from clientele.accounts.credentials import verify_password_async

    if not settings.production or url is None:
        return None
    conn = await asyncpg.connect(url, timeout=TIMEOUT)
    try:
        if not await conn.fetchval("SELECT to_regclass('staff_user') IS NOT NULL"):
            return ok("demo logins", "no staff users yet")
        rows = await conn.fetch(
            """SELECT u.email, u.password_hash FROM staff_user u JOIN account a
                 ON a.id = u.account
               WHERE u.email = ANY(SELECT r || '@' || a.slug || '.example.com'
                                   FROM unnest($1::text[]) AS r)
                 AND u.is_active LIMIT 8""", [role for role, _ in DEMO_USERS])
    finally:
        await conn.close()
    known = [r["email"] for r in rows
             if await verify_password_async(r["password_hash"], DEMO_PASSWORD)]
    if known:
        return Finding("demo logins", Status.FAIL,
                       f"{', '.join(known)} still sign in with the published demo password",
                       "delete these users or give them new passwords")
    return ok("demo logins", "none")


async def check_broadcast(settings: Settings) -> Finding:
    url = settings.broadcast_url
    if url.startswith("memory://"):
        if settings.workers > 1:
            return bad(settings, "broadcast", f"memory:// with WEB_CONCURRENCY="
                       f"{settings.workers}: events (live updates, revocations) stay in the "
                       "worker that made them",
                       "set BROADCAST_URL=redis://… or postgres://… for several processes")
        return ok("broadcast", "memory:// (one server process)")
    if url.startswith(("redis://", "rediss://")):
        import redis.asyncio as aioredis

        client = aioredis.from_url(url, socket_connect_timeout=TIMEOUT, socket_timeout=TIMEOUT)
        try:
            await asyncio.wait_for(client.ping(), TIMEOUT)
        except Exception as exc:
            return Finding("broadcast", Status.FAIL,
                           f"cannot reach Redis at {_where(url)}: {_error(exc)}",
                           "check BROADCAST_URL and that Redis runs and accepts connections "
                           "from here")
        finally:
            await client.aclose()
        return ok("broadcast", f"Redis at {_where(url)} answers")
    if url.startswith(("postgres://", "postgresql://")):
        import asyncpg

        try:
            conn = await asyncpg.connect(url, timeout=TIMEOUT)
            await conn.close()
        except Exception as exc:
            return Finding("broadcast", Status.FAIL,
                           f"cannot reach PostgreSQL at {_where(url)}: {_error(exc)}",
                           "check BROADCAST_URL")
        return ok("broadcast", f"PostgreSQL at {_where(url)} answers")
    return Finding("broadcast", Status.FAIL, f"{_where(url)} is not a broker Clientele knows",
                   "BROADCAST_URL is memory://, redis://… or postgres://…")


def check_mail_from(settings: Settings) -> Finding | None:
    from clientele.communications.transports.message import sender

    if settings.mail_from:
        try:
            sender(settings.mail_from)
        except ValueError as exc:
            return Finding("MAIL_FROM", Status.FAIL, str(exc),
                           'MAIL_FROM is an address, e.g. "Praxis Muster" <noreply@example.com>')
        return ok("MAIL_FROM", settings.mail_from)
    if settings.smtp_url and not settings.smtp_url.startswith("outbox:"):
        return bad(settings, "MAIL_FROM", "not set while SMTP_URL is: email would go out from "
                   "noreply@<the mail server's name>", "set MAIL_FROM to the business's "
                   'sender address, e.g. "Praxis Muster" <noreply@example.com>')
    return None


async def check_smtp(settings: Settings) -> Finding:
    from clientele.communications.transports import DeliveryError, email_transport
    from clientele.communications.transports.smtp import SmtpTransport

    try:  # MAIL_FROM has its own check: a stand-in lets this one reach the server anyway
        transport = email_transport(settings.smtp_url, "doctor@localhost",
                                    production=settings.production)
    except ValueError as exc:
        return Finding("SMTP", Status.FAIL, str(exc),
                       "SMTP_URL is smtp://user:password@host:587?starttls=1, "
                       "smtps://user:password@host:465 or outbox://")
    if not settings.smtp_url:  # production without email is allowed: every email fails
        if settings.production:
            return Finding("SMTP", Status.WARN, "SMTP_URL is not set: every email fails "
                           "(\"Email is not set up\")", "set SMTP_URL and MAIL_FROM to send email")
        return ok("SMTP", "outbox (development): email is kept, not sent")
    if not isinstance(transport, SmtpTransport):
        return bad(settings, "SMTP", "outbox://: no email leaves", "set SMTP_URL to a mail "
                   "server to send email")
    where = f"{transport.settings.host}:{transport.settings.port}"
    try:
        await asyncio.wait_for(transport.probe(), TIMEOUT)
    except DeliveryError as exc:
        return Finding("SMTP", Status.FAIL, f"{where}: {exc} ({exc.detail})",
                       "check SMTP_URL's host, port, TLS choice, user and password")
    except Exception as exc:
        return Finding("SMTP", Status.FAIL, f"cannot reach {where}: {_error(exc)}",
                       "check SMTP_URL's host and port, and that the server accepts "
                       "connections from here")
    signed_in = ", signed in" if transport.settings.username else ""
    if not transport.settings.secure:
        return bad(settings, "SMTP", f"{where} answers{signed_in}, without TLS: passwords and "
                   "messages cross the network in clear", "use smtps:// or ?starttls=1")
    return ok("SMTP", f"{where} answers (TLS{signed_in})")


def check_sms(settings: Settings) -> Finding:
    from clientele.communications.transports import sms_transport
    from clientele.communications.transports.sms import HttpSms

    try:
        transport = sms_transport(settings.sms_url, settings.sms_from,
                                  production=settings.production)
    except ValueError as exc:
        return Finding("SMS", Status.FAIL, str(exc),
                       "SMS_URL is https://:TOKEN@provider.example/path or outbox://")
    if not isinstance(transport, HttpSms):
        if settings.sms_url:
            return bad(settings, "SMS", "outbox://: no SMS leaves",
                       "set SMS_URL to the provider's https:// endpoint to send SMS")
        return (Finding("SMS", Status.WARN, "SMS_URL is not set: SMS are not sent",
                        "set SMS_URL if customers should get SMS")
                if settings.production else ok("SMS", "outbox (development)"))
    parts = urlsplit(settings.sms_url or "")
    if parts.scheme == "http":
        return bad(settings, "SMS", f"{_where(settings.sms_url or '')} is plain http: the "
                   "token and the messages cross the network in clear", "use https://")
    if not settings.sms_from:
        return Finding("SMS", Status.WARN, f"{_where(settings.sms_url or '')}; SMS_FROM is "
                       "not set (the provider's default sender)", "set SMS_FROM if needed")
    return ok("SMS", f"{_where(settings.sms_url or '')}, from {settings.sms_from}")


def check_public_url(settings: Settings, explicit: bool) -> Finding:
    parts = urlsplit(settings.public_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return Finding("PUBLIC_URL", Status.FAIL, f"{settings.public_url!r} is not an absolute "
                       "http(s) address", "set PUBLIC_URL=https://crm.example.com")
    if not settings.production:
        return ok("PUBLIC_URL", settings.public_url)
    if not explicit:
        return Finding("PUBLIC_URL", Status.FAIL, f"not set: links in messages would point to "
                       f"{settings.public_url}", "set PUBLIC_URL to the address customers "
                       "reach the app at, e.g. https://crm.example.com")
    host = parts.hostname
    local = host == "localhost" or host.endswith(".localhost")
    with contextlib.suppress(ValueError):  # a name, not an address
        local = local or ipaddress.ip_address(host).is_loopback
    if local:
        return Finding("PUBLIC_URL", Status.FAIL, f"{settings.public_url} is this machine: "
                       "customers cannot open it", "set PUBLIC_URL to the public address")
    if parts.scheme != "https":
        return Finding("PUBLIC_URL", Status.WARN, f"{settings.public_url} is plain http",
                       "serve the app over HTTPS and use an https:// PUBLIC_URL")
    return ok("PUBLIC_URL", settings.public_url)


def _everything(networks: tuple[Any, ...]) -> list[str]:
    return [str(n) for n in networks if n.prefixlen == 0]


def check_proxies(settings: Settings, forwarded_allow_ips: str | None) -> Finding:
    everything = _everything(settings.trusted_proxies)
    if everything:
        return bad(settings, "proxies", f"TRUSTED_PROXIES includes {', '.join(everything)}: "
                   "any client can claim any address with X-Forwarded-For (rate limits, "
                   "block rules and the audit see what it claims)",
                   "list only the reverse proxies' addresses or networks")
    if forwarded_allow_ips:
        return Finding("proxies", Status.WARN, "FORWARDED_ALLOW_IPS is set but not read (the "
                       "server does not trust uvicorn's proxy headers)",
                       "put the proxies in TRUSTED_PROXIES instead")
    if not settings.trusted_proxies:
        return ok("proxies", "none trusted: the connection's peer is the client")
    return ok("proxies", "X-Forwarded-For trusted from "
              + ", ".join(str(n) for n in settings.trusted_proxies))


def check_fetch_networks(settings: Settings) -> Finding:
    networks = settings.fetch_allow_networks
    everything = _everything(networks)
    if everything:
        return bad(settings, "FETCH_ALLOW_NETWORKS", f"includes {', '.join(everything)}: "
                   "calendar URLs may reach any internal service",
                   "list only the private networks that serve calendars")
    metadata = [str(n) for n in networks if METADATA in n]
    if metadata:
        return bad(settings, "FETCH_ALLOW_NETWORKS", f"{', '.join(metadata)} covers the cloud "
                   "metadata address 169.254.169.254 (credentials of the machine)",
                   "leave 169.254.0.0/16 out")
    if not networks:
        return ok("FETCH_ALLOW_NETWORKS", "public addresses only")
    return ok("FETCH_ALLOW_NETWORKS", "also " + ", ".join(str(n) for n in networks))


def check_secrets(settings: Settings) -> Finding:
    problems: list[str] = []
    fixes: list[str] = []
    token = settings.metrics_token
    if token is not None:
        if token.strip().lower() in KNOWN_SECRETS:
            problems.append("METRICS_TOKEN is a well-known placeholder")
        elif len(token) < MIN_SECRET_CHARS:
            problems.append(f"METRICS_TOKEN has {len(token)} characters "
                            f"(at least {MIN_SECRET_CHARS})")
        if problems:
            fixes.append("METRICS_TOKEN=$(python -c 'import secrets; "
                         "print(secrets.token_urlsafe(32))')")
    for name, url in (("DATABASE_URL", settings.database_url),
                      ("BROADCAST_URL", settings.broadcast_url),
                      ("SMTP_URL", settings.smtp_url)):
        password = _password(url)
        if password is not None and password.strip().lower() in KNOWN_SECRETS:
            problems.append(f"{name}'s password is a well-known default")
            fixes.append(f"give {name} a generated password")
    if problems:
        return bad(settings, "secrets", "; ".join(problems), "; ".join(fixes))
    return ok("secrets", "no default or short secrets in the settings")


def check_graphiql(settings: Settings) -> Finding | None:
    if settings.production and settings.graphiql_enabled:
        return Finding("GRAPHIQL", Status.WARN, "GraphiQL is on in production (GRAPHIQL=1): "
                       "GET /graphql serves the API explorer to whoever opens it",
                       "unset GRAPHIQL unless staff need it there")
    return None


def check_hsts(settings: Settings) -> Finding | None:
    if settings.production and settings.hsts_seconds == 0:
        return Finding("HSTS", Status.WARN, "HSTS_SECONDS=0: browsers are not told to insist "
                       "on HTTPS", "once the app is reached over HTTPS only, set "
                       "HSTS_SECONDS=31536000")
    return None


# --- running them -----------------------------------------------------------------------------


async def _bounded(name: str, check: Awaitable[Finding | None]) -> Finding | None:
    try:
        return await asyncio.wait_for(check, TIMEOUT + 1)
    except Exception as exc:
        return Finding(name, Status.FAIL, f"could not be checked: {_error(exc)}", "")


async def findings(env: dict[str, str]) -> list[Finding]:
    """Every check's finding, in a fixed order, for the environment `env`."""
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        return [Finding("settings", Status.FAIL, str(exc), "correct that variable")]
    found: list[Finding | None] = [ok("settings", "read"), check_app_env(settings)]
    database, migrations, url = await check_database(settings)
    found += [database, migrations]
    later: list[tuple[str, Callable[[], Awaitable[Finding | None]]]] = [
        ("demo logins", lambda: check_demo_logins(settings, url)),
        ("broadcast", lambda: check_broadcast(settings)),
        ("SMTP", lambda: check_smtp(settings)),
    ]
    found += await asyncio.gather(*(_bounded(name, make()) for name, make in later))
    found += [check_mail_from(settings), check_sms(settings),
              check_public_url(settings, bool(env.get("PUBLIC_URL"))),
              check_proxies(settings, env.get("FORWARDED_ALLOW_IPS")),
              check_fetch_networks(settings), check_secrets(settings), check_graphiql(settings),
              check_hsts(settings)]
    return [f for f in found if f is not None]


async def run() -> int:
    import os

    results = await findings(dict(os.environ))
    for finding in results:
        print(finding.line(), flush=True)
    failed = sum(f.status is Status.FAIL for f in results)
    warned = sum(f.status is Status.WARN for f in results)
    print(f"{failed} wrong, {warned} to look at" if failed or warned else "all fine",
          file=sys.stderr)
    return 1 if failed else 0
