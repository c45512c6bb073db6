"""Indexes and constraints piccolo's column options cannot express (keyset pagination,
partial unique indexes). Plain SQL, run once in order by piccolo's migration runner."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from clientele.core.db import engine

ID = "2026-11-23T13:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "indexes"

SQL = """
CREATE INDEX communication_appointment_created ON communication (appointment, created_at, id);
CREATE INDEX communication_customer ON communication (customer);
ALTER TABLE communication ALTER COLUMN id SET DEFAULT gen_random_uuid()
"""


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="communications", description=DESCRIPTION)

    async def run() -> None:
        for statement in filter(str.strip, SQL.split(";")):
            await engine().run_ddl(statement)

    manager.add_raw(run)
    return manager
