"""Communication (a message sent to a customer), message templates and the preferences page
as GraphQL types."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from clientele.api.communications.enums import MessageKindEnum
from clientele.api.context import Info
from clientele.api.enums import DeliveryStatusEnum, MediumEnum, to_api
from clientele.api.relay import Node
from clientele.api.rows import columns, loaded
from clientele.communications import templates
from clientele.core import ids

if TYPE_CHECKING:
    from clientele.api.appointments.types import Appointment

AppointmentRef = Annotated["Appointment", strawberry.lazy("clientele.api.appointments.types")]


@strawberry.type(description="A message sent (or attempted) to a customer.")
class Communication(Node):
    id: strawberry.ID = strawberry.field(description="Global ID of the message.")
    kind: MessageKindEnum = strawberry.field(
        description="What the message is about (confirmation, reminder, staff's own, …).")
    medium: MediumEnum = strawberry.field(
        description="Email or SMS: the channel it was (or is to be) sent by. Until it is sent, "
                    "for messages other than staff's, the customer's preferred one; the "
                    "channel is decided when it is sent.")
    recipient: str | None = strawberry.field(
        description="Email address or phone number it was sent to (null until sent, and once "
                    "anonymised).")
    language: str | None = strawberry.field(
        description="The language it was written in (en, de, fr, it); null until sent.")
    subject: str | None = strawberry.field(
        description="Subject line as sent (emails only); staff's subject for a message they "
                    "wrote.")
    body: str | None = strawberry.field(
        description="The text as sent (for an SMS, the SMS text); staff's text for a message "
                    "they wrote, until it is sent.")
    body_html: str | None = strawberry.field(
        description="The HTML part of an email as sent (a whole HTML document); null for SMS "
                    "and until sent.")
    status: DeliveryStatusEnum = strawberry.field(
        description="PENDING (due or waiting to be retried), SENDING (being sent right now), "
                    "SENT, FAILED or SKIPPED.")
    error: str | None = strawberry.field(
        description="Why it failed or was skipped; for a PENDING message being retried, the "
                    "last attempt's error.")
    attempts: int = strawberry.field(description="Delivery attempts made.")
    parts: int | None = strawberry.field(
        description="SMS only: how many SMS parts the text took (160 characters each, 153 "
                    "when split; 70/67 with characters outside the SMS alphabet).")
    due_at: dt.datetime = strawberry.field(
        description="When it is (or was) due to be sent; a reminder's is its hours before "
                    "the start.")
    next_attempt_at: dt.datetime | None = strawberry.field(
        description="When a temporary failure is tried again (null unless waiting to retry).")
    sent_at: dt.datetime | None = strawberry.field(
        description="When the mail or SMS server accepted it.")
    created_at: dt.datetime = strawberry.field(description="When it was queued.")
    updated_at: dt.datetime = strawberry.field(description="When its state last changed.")
    appointment_pk: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_row(cls, row: Any) -> Communication:
        return cls(
            id=strawberry.ID(ids.encode("Communication", row["id"])),
            appointment_pk=row["appointment"],
            kind=MessageKindEnum[row["kind"]],
            medium=MediumEnum[row["medium"]],
            status=DeliveryStatusEnum[row["status"]],
            **columns(row, "recipient", "language", "subject", "body", "body_html", "error",
                      "attempts", "parts", "due_at", "next_attempt_at", "sent_at",
                      "created_at", "updated_at"),
        )

    @strawberry.field(description="The appointment the message is about, if any.")
    async def appointment(self, info: Info) -> AppointmentRef | None:
        from clientele.api.appointments.types import Appointment

        return await loaded(info.context.loaders.appointment_by_id, self.appointment_pk,
                            Appointment.from_row)


@strawberry.type(description="The texts of one kind of message in one language: Jinja2 "
                             "templates (see messageTemplatePreview for the variables).")
class MessageTemplate:
    kind: MessageKindEnum = strawberry.field(description="The kind of message.")
    language: str = strawberry.field(description="Its language: en, de, fr or it.")
    subject: str = strawberry.field(
        description=f"The email's subject (at most {templates.LIMITS['subject']} characters).")
    body: str = strawberry.field(
        description=f"The email's text (at most {templates.LIMITS['body']} characters); the "
                    "HTML part is made from it.")
    sms: str = strawberry.field(
        description=f"The SMS text (at most {templates.LIMITS['sms']} characters); a link to "
                    "the preferences page is added.")
    custom: bool = strawberry.field(
        description="The account's own template; false: the built-in one is used.")
    updated_at: dt.datetime | None = strawberry.field(
        description="When the account's own template was last saved (null: built-in).")

    @classmethod
    def of(cls, stored: Any) -> MessageTemplate:
        return cls(kind=MessageKindEnum[stored.kind], language=stored.language,
                   subject=stored.template.subject, body=stored.template.body,
                   sms=stored.template.sms, custom=stored.custom,
                   updated_at=stored.updated_at)


@strawberry.type(description="A problem of a template being edited.")
class TemplateProblem:
    field: str = strawberry.field(description="subject, body or sms.")
    message: str = strawberry.field(description="What is wrong, with its line.")


@strawberry.type(description="A template rendered with a made-up customer and appointment, or "
                             "its problems.")
class MessageTemplatePreview:
    subject: str | None = strawberry.field(
        description="The email's subject (null when the template has problems).")
    text: str | None = strawberry.field(
        description="The email's text part, with the preferences link at the end.")
    html: str | None = strawberry.field(description="The email's HTML part (a whole document).")
    sms: str | None = strawberry.field(description="The SMS, with its preferences link.")
    problems: list[TemplateProblem] = strawberry.field(
        description="What stops the template from being used (empty: none; then the parts "
                    "above are set).")
    variables: list[str] = strawberry.field(
        description="The variables this kind of message offers, as written in a template "
                    "({{ customer.first_name }}).")


@strawberry.type(description="How the business contacts a customer, as the customer's "
                             "preferences page shows it (to the holder of the link).")
class Preferences:
    business_name: str = strawberry.field(description="The business that sends the messages.")
    first_name: str | None = strawberry.field(description="The customer's first name.")
    email: str | None = strawberry.field(description="The customer's email address.")
    mobile_phone: str | None = strawberry.field(
        description="The customer's mobile phone (E.164), used for SMS.")
    email_enabled: bool = strawberry.field(description="Emails may be sent.")
    sms_enabled: bool = strawberry.field(description="SMS may be sent.")
    preferred_medium: MediumEnum | None = strawberry.field(
        description="The channel tried first (null: email).")
    preferred_language: str | None = strawberry.field(
        description="The language messages are written in (null: the business's).")
    languages: list[str] = strawberry.field(
        description="The languages messages can be written in (en, de, fr, it).")

    @classmethod
    def of(cls, page: Any) -> Preferences:
        customer = page.customer
        return cls(business_name=page.account.name, first_name=customer["first_name"],
                   email=customer["email"], mobile_phone=customer["mobile_phone"],
                   email_enabled=customer["email_enabled"],
                   sms_enabled=customer["sms_enabled"],
                   preferred_medium=to_api(customer["preferred_medium"], MediumEnum),
                   preferred_language=customer["preferred_language"],
                   languages=list(templates.LANGUAGES))
