"""messageTemplateUpdate: the account's own texts for one kind of message in one language
(manage:settings), checked before they are stored."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.communications.enums import MessageKindEnum
from clientele.api.communications.mutations.payloads import MessageTemplatePayload
from clientele.api.communications.types import MessageTemplate
from clientele.api.context import Info
from clientele.api.mutation import mutation
from clientele.communications import template_store, templates

Language = Annotated[str, strawberry.argument(description="en, de, fr or it.")]


@mutation(Permission.MANAGE_SETTINGS,
          description="Use your own texts for a kind of message in a language "
                      "(manage:settings). Jinja2 templates: {{ variables }} (see "
                      "messageTemplatePreview.variables), filters such as default or upper, "
                      "and {% if %}. A template that cannot be used is refused with a userError "
                      "(code INVALID) for each problem, on subject, body or sms.")
async def message_template_update(
    info: Info,
    kind: Annotated[MessageKindEnum, strawberry.argument(description="The kind of message.")],
    language: Language,
    subject: Annotated[str, strawberry.argument(
        description=f"The email's subject (at most {templates.LIMITS['subject']} "
                    "characters).")],
    body: Annotated[str, strawberry.argument(
        description=f"The email's text (at most {templates.LIMITS['body']} characters).")],
    sms: Annotated[str, strawberry.argument(
        description=f"The SMS text (at most {templates.LIMITS['sms']} characters).")],
) -> MessageTemplatePayload:
    stored = await template_store.save(info.context.account.id, kind.name, language,
                                       templates.Template(subject, body, sms))
    return MessageTemplatePayload(template=MessageTemplate.of(stored))
