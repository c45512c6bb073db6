"""custom_field_definition.position goes: every definition had '0' and nothing set it, so the
definitions were in fact ordered by key (issue 11). A piccolo drop_column, so that the
auto-migration snapshot knows the column is gone."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-30T01:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "drop custom_field_definition.position"


async def forwards() -> MigrationManager:
    manager = MigrationManager(migration_id=ID, app_name="customers", description=DESCRIPTION)
    manager.drop_column(
        table_class_name="CustomFieldDefinition",
        tablename="custom_field_definition",
        column_name="position",
        db_column_name="position",
        schema=None,
    )
    return manager
