"""The calendar mutations, one per module; the Mutation root inherits this class."""

from __future__ import annotations

import strawberry

from clientele.api.calendar_sync.mutations.appointment_link_customer import (
    appointment_link_customer,
)
from clientele.api.calendar_sync.mutations.calendar_ignore_rule_create import (
    calendar_ignore_rule_create,
)
from clientele.api.calendar_sync.mutations.calendar_ignore_rule_delete import (
    calendar_ignore_rule_delete,
)
from clientele.api.calendar_sync.mutations.calendar_source_create import calendar_source_create
from clientele.api.calendar_sync.mutations.calendar_source_delete import calendar_source_delete
from clientele.api.calendar_sync.mutations.calendar_source_sync import calendar_source_sync
from clientele.api.calendar_sync.mutations.calendar_source_update import calendar_source_update
from clientele.api.calendar_sync.mutations.calendar_upload import calendar_upload


@strawberry.type
class CalendarMutations:
    """Calendar sources, syncing them, and linking the appointments they left unmatched."""

    calendar_source_create = calendar_source_create
    calendar_source_update = calendar_source_update
    calendar_source_delete = calendar_source_delete
    calendar_source_sync = calendar_source_sync
    calendar_upload = calendar_upload
    appointment_link_customer = appointment_link_customer
    calendar_ignore_rule_create = calendar_ignore_rule_create
    calendar_ignore_rule_delete = calendar_ignore_rule_delete
