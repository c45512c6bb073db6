import os

from piccolo.conf.apps import AppConfig

from clientele.appointments.tables import Appointment

CURRENT_DIRECTORY = os.path.dirname(os.path.abspath(__file__))

APP_CONFIG = AppConfig(
    app_name="appointments",
    migrations_folder_path=os.path.join(CURRENT_DIRECTORY, "piccolo_migrations"),
    table_classes=[Appointment],
    migration_dependencies=["clientele.customers.piccolo_app"],
    commands=[],
)
