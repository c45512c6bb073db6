"""Plain-SQL piccolo migrations, for what piccolo's column options cannot express."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from clientele.core.db import engine


def sql_migration(migration_id: str, app_name: str,
                  sql: str | list[str]) -> Callable[[], Awaitable[MigrationManager]]:
    """A piccolo `forwards` that runs each `;`-separated statement of `sql` in order (or each
    statement of a list, for bodies that contain semicolons themselves)."""
    statements = sql if isinstance(sql, list) else [s for s in sql.split(";") if s.strip()]

    async def forwards() -> MigrationManager:
        manager = MigrationManager(migration_id=migration_id, app_name=app_name,
                                   description="indexes")

        async def run() -> None:
            for statement in statements:
                await engine().run_ddl(statement)

        manager.add_raw(run)
        return manager

    return forwards
