"""`clientele serve | migrate | user create | sync | export | import | seed | healthcheck |
doctor`: the command line."""

from __future__ import annotations

import argparse
import asyncio
import logging

from clientele import cli_doctor, cli_export, cli_import, cli_sync, database
from clientele.settings import Settings


def _serve(settings: Settings) -> None:
    import uvicorn

    from clientele.app import create_app
    from clientele.core import db

    if settings.database_url is None:
        # the embedded server is up before the workers start, and this (supervising) process
        # is one of its users until it exits (core/embedded.py)
        db.resolve_url(settings)
    print(f"Clientele on http://{settings.host}:{settings.port}  (GraphiQL: /graphql)",
          flush=True)
    # proxy_headers=False: uvicorn would otherwise trust X-Forwarded-For from 127.0.0.1 (or
    # FORWARDED_ALLOW_IPS); the app reads it only from TRUSTED_PROXIES (app.py).
    if settings.workers > 1:
        _metrics_across_workers()
        # Live messages are a few hundred bytes: per-message deflate would cost more CPU and
        # ~40 kB per connection than it saves (bench/subscribers.py, docs/performance.md).
        uvicorn.run("clientele.app:app_factory", factory=True, workers=settings.workers,
                    host=settings.host, port=settings.port, log_level="info",
                    access_log=settings.access_log, ws_per_message_deflate=False,
                    proxy_headers=False)
    else:
        uvicorn.run(create_app(settings), host=settings.host, port=settings.port,
                    log_level="info", access_log=settings.access_log,
                    ws_per_message_deflate=False, proxy_headers=False)


def _metrics_across_workers() -> None:
    """Several workers share the port, so a scrape reaches any one of them: their counters
    are summed through prometheus-client's multiprocess mode (core/metrics.py), in a fresh
    directory that the workers (spawned after this) inherit, unless the operator named one."""
    import atexit
    import os
    import shutil
    import tempfile

    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        directory = tempfile.mkdtemp(prefix="clientele-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = directory
        atexit.register(shutil.rmtree, directory, ignore_errors=True)


def _healthcheck(settings: Settings) -> int:
    """Asks this host's server (no curl in the slim image, and the port is a setting)."""
    import urllib.error
    import urllib.request

    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::", "") else settings.host
    url = f"http://{host}:{settings.port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            print(response.read().decode(errors="replace"))
            return 0
    except (urllib.error.URLError, OSError) as exc:
        print(f"{url}: {exc}")
        return 1


async def _migrate(settings: Settings) -> None:

    await database.migrated(settings)
    print("migrations applied")


async def _seed(settings: Settings, count: int) -> None:
    from clientele import seed
    from clientele.accounts.services import ensure_default_account

    await database.migrated(settings)
    account = await ensure_default_account(settings.default_phone_region)
    created = await seed.seed_if_empty(account, count)
    print(f"seeded {created} customers" if created else "database not empty; nothing seeded")


async def _seed_profile(settings: Settings, appointments: int) -> None:
    from clientele import seed
    from clientele.accounts.services import ensure_default_account
    from clientele.core import ids

    await database.migrated(settings)
    account = await ensure_default_account(settings.default_phone_region)
    row = await seed.seed_profile(account, appointments)
    print(ids.encode("Customer", row["id"]))


DEMO_COMMANDS = ("seed", "seed-profile")


def _new_password() -> str:
    """CLIENTELE_PASSWORD, else asked twice on the terminal. Without either (a script, a
    container run without a terminal) the command stops rather than wait for a prompt that
    nobody sees."""
    import getpass
    import os
    import sys

    password = os.environ.get("CLIENTELE_PASSWORD")
    if password:
        return password
    if not sys.stdin.isatty():
        raise SystemExit("No password: set CLIENTELE_PASSWORD, or run the command in a "
                         "terminal to be asked for one.")
    password = getpass.getpass("Password: ")
    if getpass.getpass("Repeat the password: ") != password:
        raise SystemExit("The two passwords differ; no user was created.")
    return password


async def _user_create(settings: Settings, email: str, name: str, role: str) -> None:
    from clientele.accounts.bootstrap import create_user_with_role
    from clientele.accounts.services import ensure_default_account
    from clientele.core.errors import DomainError

    password = _new_password()
    await database.migrated(settings)
    account = await ensure_default_account(settings.default_phone_region)
    try:
        await create_user_with_role(account, email, name or email, password, role)
    except DomainError as error:
        raise SystemExit("; ".join(e.message for e in error.errors)) from None
    print(f"created {role} user {email}")


def _exit_on(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _terminate_like_interrupt() -> None:
    """SIGTERM (and SIGHUP: the terminal went away) end a command with SystemExit, so that
    `finally` blocks and exit handlers run (the embedded PostgreSQL's last user stops it).
    uvicorn restores this handler after its graceful shutdown and raises the signal again."""
    import signal

    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is signal.SIG_DFL:  # nohup's ignored SIGHUP stays so
            signal.signal(signum, _exit_on)


def main(argv: list[str] | None = None) -> None:
    try:
        _main(argv)
    except KeyboardInterrupt:
        raise SystemExit(130) from None


def _main(argv: list[str] | None) -> None:
    parser = argparse.ArgumentParser(prog="clientele", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="run the server (migrates; in development, seeds an "
                                      "empty database)")
    commands.add_parser("migrate", help="apply database migrations")
    seed_parser = commands.add_parser("seed", help="seed demo data into an empty database")
    seed_parser.add_argument("--count", type=int, default=60)
    profile_parser = commands.add_parser(
        "seed-profile", help="add one customer with a long history; prints its global ID")
    profile_parser.add_argument("--appointments", type=int, default=50)
    user_parser = commands.add_parser("user", help="manage staff users")
    user_commands = user_parser.add_subparsers(dest="user_command", required=True)
    create_parser = user_commands.add_parser(
        "create", help="create a user (password from CLIENTELE_PASSWORD or a prompt)")
    create_parser.add_argument("--email", required=True)
    create_parser.add_argument("--name", default="")
    create_parser.add_argument("--admin", action="store_true", help="give the admin role")
    create_parser.add_argument("--role", default="staff",
                               choices=["admin", "manager", "staff", "read-only"])
    cli_sync.add_parser(commands)
    cli_export.add_parser(commands)
    cli_import.add_parser(commands)
    cli_doctor.add_parser(commands)
    commands.add_parser("schema", help="print the GraphQL schema (SDL) that schema.graphql holds")
    commands.add_parser("healthcheck", help="exit 0 when the server on HOST:PORT answers "
                                            "/healthz with 200 (the container's health check)")
    args = parser.parse_args(argv)
    if args.command == "schema":
        from clientele.api.schema import schema

        print(schema.as_str())
        return
    if args.command == "healthcheck":
        raise SystemExit(_healthcheck(Settings.from_env()))
    if args.command == "doctor":  # before Settings.from_env: it reports unreadable settings
        raise SystemExit(asyncio.run(cli_doctor.run()))
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    _terminate_like_interrupt()
    settings = Settings.from_env()
    if args.command in DEMO_COMMANDS and settings.production:
        raise SystemExit(f"clientele {args.command}: demo data is never written with "
                         "APP_ENV=production.")
    if args.command == "serve":
        _serve(settings)
    elif args.command == "migrate":
        asyncio.run(_migrate(settings))
    elif args.command == "sync":
        raise SystemExit(asyncio.run(cli_sync.run(settings, args)))
    elif args.command == "export":
        raise SystemExit(asyncio.run(cli_export.run(settings, args)))
    elif args.command == "import":
        raise SystemExit(asyncio.run(cli_import.run(settings, args)))
    elif args.command == "user":
        role = "admin" if args.admin else args.role
        asyncio.run(_user_create(settings, args.email, args.name, role))
    elif args.command == "seed-profile":
        asyncio.run(_seed_profile(settings, args.appointments))
    elif args.command == "seed":
        asyncio.run(_seed(settings, args.count))
