"""The account's message templates and their preview (manage:settings), and the customers'
preferences page (no login)."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.communications.enums import MessageKindEnum
from clientele.api.communications.public import admit
from clientele.api.communications.types import (
    MessageTemplate,
    MessageTemplatePreview,
    Preferences,
    TemplateProblem,
)
from clientele.api.context import Info
from clientele.api.errors import ApiError
from clientele.api.permissions import require
from clientele.communications import preferences, template_store, templates
from clientele.core.errors import DomainError

Kind = Annotated[MessageKindEnum, strawberry.argument(description="The kind of message.")]
Language = Annotated[str, strawberry.argument(description="en, de, fr or it.")]


def _refused(error: DomainError) -> ApiError:
    """A query's refusal as a top-level error, its code in `extensions.code`."""
    first = error.errors[0]
    return ApiError(first.message, first.code.name)


def _variables(context: templates.Context) -> list[str]:
    """The variables a template of this context's kind may use."""
    return [v for v in templates.VARIABLES
            if not (v.startswith("appointment.") and context.appointment is None)
            and not (v.startswith("message.") and context.message is None)]


@strawberry.type
class MessageQueries:
    @strawberry.field(description="The texts of every kind of message in every language: the "
                                  "account's own (custom) or the built-in ones "
                                  "(manage:settings).")
    async def message_templates(self, info: Info) -> list[MessageTemplate]:
        require(info, Permission.MANAGE_SETTINGS)
        return [MessageTemplate.of(s)
                for s in await template_store.all_templates(info.context.account.id)]

    @strawberry.field(description="A template rendered as a message to a made-up customer "
                                  "about a made-up appointment, with your business's name and "
                                  "time zone; a template that cannot be used lists its "
                                  "problems instead (manage:settings). Omitted texts are the "
                                  "ones in use.")
    async def message_template_preview(
        self, info: Info, kind: Kind, language: Language,
        subject: Annotated[str | None, strawberry.argument(
            description="The email's subject to try.")] = None,
        body: Annotated[str | None, strawberry.argument(
            description="The email's text to try.")] = None,
        sms: Annotated[str | None, strawberry.argument(
            description="The SMS text to try.")] = None,
    ) -> MessageTemplatePreview:
        require(info, Permission.MANAGE_SETTINGS)
        account = info.context.account
        try:
            stored = await template_store.get(account.id, kind.name, language)
        except DomainError as error:
            raise _refused(error) from error
        template = templates.Template(
            subject if subject is not None else stored.template.subject,
            body if body is not None else stored.template.body,
            sms if sms is not None else stored.template.sms)
        context = dataclasses.replace(templates.sample(kind.name, language),
                                      business=account.name, time_zone=account.time_zone)
        variables = _variables(context)
        found = templates.problems(template, kind.name)
        if not found:
            try:
                rendered = templates.render(template, context)
            except templates.TemplateProblem as exc:
                found = [(exc.field or "body", exc.message)]
        if found:
            return MessageTemplatePreview(
                subject=None, text=None, html=None, sms=None, variables=variables,
                problems=[TemplateProblem(field=f, message=m) for f, m in found])
        return MessageTemplatePreview(subject=rendered.subject, text=rendered.text,
                                      html=rendered.html, sms=rendered.sms, problems=[],
                                      variables=variables)

    @strawberry.field(description="The customer's preferences page, with the token of the "
                                  "link in a message; no login (rate-limited per IP: "
                                  "RATE_LIMITED). A changed or unknown token is null with an "
                                  "error of code INVALID_LINK, an old one LINK_EXPIRED.")
    async def preferences(
        self, info: Info,
        token: Annotated[str, strawberry.argument(description="The token of the link.")],
    ) -> Preferences | None:
        try:
            await admit(info, token)
            return Preferences.of(await preferences.read(token))
        except DomainError as error:
            raise _refused(error) from error
