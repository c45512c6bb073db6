"""messageTemplateReset: back to the built-in texts for one kind of message in one language
(manage:settings)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.communications.enums import MessageKindEnum
from clientele.api.communications.mutations.message_template_update import Language
from clientele.api.communications.mutations.payloads import MessageTemplatePayload
from clientele.api.communications.types import MessageTemplate
from clientele.api.context import Info
from clientele.api.mutation import mutation
from clientele.communications import template_store


@mutation(Permission.MANAGE_SETTINGS,
          description="Use the built-in texts again for a kind of message in a language "
                      "(manage:settings); your own are deleted.")
async def message_template_reset(
    info: Info,
    kind: Annotated[MessageKindEnum, strawberry.argument(description="The kind of message.")],
    language: Language,
) -> MessageTemplatePayload:
    stored = await template_store.reset(info.context.account.id, kind.name, language)
    return MessageTemplatePayload(template=MessageTemplate.of(stored))
