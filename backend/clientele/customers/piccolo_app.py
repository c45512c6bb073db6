import os

from piccolo.conf.apps import AppConfig

from clientele.customers.tables import Customer, CustomFieldDefinition

CURRENT_DIRECTORY = os.path.dirname(os.path.abspath(__file__))

APP_CONFIG = AppConfig(
    app_name="customers",
    migrations_folder_path=os.path.join(CURRENT_DIRECTORY, "piccolo_migrations"),
    table_classes=[Customer, CustomFieldDefinition],
    migration_dependencies=["clientele.accounts.piccolo_app"],
    commands=[],
)
