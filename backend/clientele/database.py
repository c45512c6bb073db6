"""This app's database: core's engine bound to the app's tables and piccolo configuration.

`core.db` knows nothing of the domain; the app hands it the table registry here. Call
`configure` once at start (the app's lifespan, the CLI, the tests, the benchmarks).
"""

from __future__ import annotations

from clientele.core import db
from clientele.settings import Settings
from clientele.tables import all_tables

PICCOLO_CONF = "clientele.piccolo_conf"


def configure(url: str | None = None) -> db.CountingPostgresEngine:
    """Bind every table to the engine for `url` (default: DATABASE_URL or the embedded one)."""
    return db.configure(url or db.resolve_url(Settings.from_env()), tables=all_tables(),
                        piccolo_conf=PICCOLO_CONF)


async def migrated(settings: Settings) -> None:
    """Configure the engine for `settings` and bring the schema up to date (what every CLI
    command that touches the database does first)."""
    await migrated_at(db.resolve_url(settings))


async def migrated_at(url: str) -> None:
    """Configure the engine for the database at `url` and bring its schema up to date (the
    benchmarks' scratch databases)."""
    configure(url)
    async with db.startup_lock():
        await db.migrate()
