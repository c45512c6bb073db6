import os

from piccolo.conf.apps import AppConfig

from clientele.calendar_sync.tables import CalendarSource, SyncRun

CURRENT_DIRECTORY = os.path.dirname(os.path.abspath(__file__))

APP_CONFIG = AppConfig(
    app_name="calendar_sync",
    migrations_folder_path=os.path.join(CURRENT_DIRECTORY, "piccolo_migrations"),
    table_classes=[CalendarSource, SyncRun],
    migration_dependencies=["clientele.appointments.piccolo_app"],
    commands=[],
)
