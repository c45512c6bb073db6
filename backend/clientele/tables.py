"""Every piccolo table, for binding them to the process's engine."""

from piccolo.table import Table


def all_tables() -> list[type[Table]]:
    from clientele.accounts.tables import Account
    from clientele.appointments.tables import Appointment
    from clientele.communications.tables import Communication
    from clientele.customers.tables import Customer, CustomFieldDefinition

    return [Account, Customer, CustomFieldDefinition, Appointment, Communication]
