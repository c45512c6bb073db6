import os

from piccolo.conf.apps import AppConfig

from clientele.communications.tables import Communication

CURRENT_DIRECTORY = os.path.dirname(os.path.abspath(__file__))

APP_CONFIG = AppConfig(
    app_name="communications",
    migrations_folder_path=os.path.join(CURRENT_DIRECTORY, "piccolo_migrations"),
    table_classes=[Communication],
    migration_dependencies=["clientele.appointments.piccolo_app"],
    commands=[],
)
