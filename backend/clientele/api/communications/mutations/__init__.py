"""The message mutations, one per module; the Mutation root inherits this class."""

from __future__ import annotations

import strawberry

from clientele.api.communications.mutations.communication_resend import communication_resend
from clientele.api.communications.mutations.message_send import message_send
from clientele.api.communications.mutations.message_template_reset import (
    message_template_reset,
)
from clientele.api.communications.mutations.message_template_update import (
    message_template_update,
)
from clientele.api.communications.mutations.preferences_update import preferences_update


@strawberry.type
class MessageMutations:
    """Messages staff write or send again, the account's message templates, and the
    customers' own preferences page."""

    message_send = message_send
    communication_resend = communication_resend
    message_template_update = message_template_update
    message_template_reset = message_template_reset
    preferences_update = preferences_update
