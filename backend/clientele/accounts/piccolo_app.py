import os

from piccolo.conf.apps import AppConfig

from clientele.accounts.tables import Account, ApiToken, AuditEvent, Role, Session, StaffUser

CURRENT_DIRECTORY = os.path.dirname(os.path.abspath(__file__))

APP_CONFIG = AppConfig(
    app_name="accounts",
    migrations_folder_path=os.path.join(CURRENT_DIRECTORY, "piccolo_migrations"),
    table_classes=[Account, Role, StaffUser, Session, ApiToken, AuditEvent],
    migration_dependencies=[],
    commands=[],
)
