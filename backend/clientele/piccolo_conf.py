"""Piccolo's configuration: the process's engine and the domain apps."""

from piccolo.conf.apps import AppRegistry

from clientele.core.db import engine

DB = engine()

APP_REGISTRY = AppRegistry(
    apps=[
        "clientele.accounts.piccolo_app",
        "clientele.customers.piccolo_app",
        "clientele.appointments.piccolo_app",
        "clientele.communications.piccolo_app",
        "clientele.blocking.piccolo_app",
        "clientele.calendar_sync.piccolo_app",
        "clientele.webhooks.piccolo_app",
    ]
)
