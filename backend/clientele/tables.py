"""Every piccolo table, for binding them to the process's engine."""

from piccolo.table import Table


def all_tables() -> list[type[Table]]:
    from clientele.accounts.tables import Account, ApiToken, AuditEvent, Role, Session, StaffUser
    from clientele.appointments.tables import Appointment
    from clientele.blocking.tables import BlockedBookingAttempt, BlockRule
    from clientele.calendar_sync.tables import CalendarSource, SyncRun
    from clientele.communications.tables import Communication
    from clientele.customers.tables import Customer, CustomFieldDefinition
    from clientele.webhooks.tables import WebhookAttempt, WebhookDelivery, WebhookEndpoint

    return [Account, Role, StaffUser, Session, ApiToken, AuditEvent, Customer,
            CustomFieldDefinition, Appointment, Communication, BlockRule, BlockedBookingAttempt,
            CalendarSource, SyncRun, WebhookEndpoint, WebhookDelivery, WebhookAttempt]
