import os

from piccolo.conf.apps import AppConfig

from clientele.blocking.tables import BlockedBookingAttempt, BlockRule

CURRENT_DIRECTORY = os.path.dirname(os.path.abspath(__file__))

APP_CONFIG = AppConfig(
    app_name="blocking",
    migrations_folder_path=os.path.join(CURRENT_DIRECTORY, "piccolo_migrations"),
    table_classes=[BlockRule, BlockedBookingAttempt],
    migration_dependencies=["clientele.accounts.piccolo_app"],
    commands=[],
)
