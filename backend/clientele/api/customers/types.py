"""Customer, its address and custom field values as GraphQL types."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.scalars import JSON

from clientele.api.context import Info
from clientele.api.enums import (
    AppointmentWhenEnum,
    CommunicationStatusEnum,
    CustomerSourceEnum,
    CustomFieldTypeEnum,
    DeliveryStatusEnum,
    MediumEnum,
    SortDirectionEnum,
    to_api,
)
from clientele.api.errors import ApiError
from clientele.api.relay import AFTER, FIRST, Connection, Node, check_first, slice_connection
from clientele.api.rows import columns, loaded
from clientele.appointments.enums import AppointmentWhen
from clientele.appointments.services import ORDER_COLUMN as APPOINTMENT_ORDER
from clientele.communications.services import ORDER_COLUMN as COMMUNICATION_ORDER
from clientele.core import ids
from clientele.core.cursors import InvalidCursor
from clientele.core.phone import display_phone
from clientele.customers.limits import MAX_LENGTH
from clientele.customers.rows import custom_values

if TYPE_CHECKING:
    from clientele.api.accounts.types import AuditEntry
    from clientele.api.appointments.types import Appointment
    from clientele.api.blocking.types import BlockRule
    from clientele.api.communications.types import Communication

AuditEntryRef = Annotated["AuditEntry", strawberry.lazy("clientele.api.accounts.types")]
BlockRuleRef = Annotated["BlockRule", strawberry.lazy("clientele.api.blocking.types")]
AppointmentRef = Annotated["Appointment", strawberry.lazy("clientele.api.appointments.types")]
CommunicationRef = Annotated[
    "Communication", strawberry.lazy("clientele.api.communications.types")]


CustomerId = Annotated[strawberry.ID, strawberry.argument(description="The customer's ID.")]
CustomerGlobalId = Annotated[strawberry.ID, strawberry.argument(
    description="The customer's global ID.")]
DefinitionId = Annotated[strawberry.ID, strawberry.argument(
    description="The definition's ID.")]


def limit_note(field: str) -> str:
    """The length limit of a customer's text field, for its description."""
    return f"At most {MAX_LENGTH[field]} characters."


@strawberry.type(description="A postal address.")
class Address:
    street: str | None = strawberry.field(description=f"Street and number. {limit_note('street')}")
    postcode: str | None = strawberry.field(description=f"Postcode. {limit_note('postcode')}")
    city: str | None = strawberry.field(description=f"City. {limit_note('city')}")
    country: str | None = strawberry.field(description="ISO 3166-1 alpha-2 country code.")


@strawberry.type(description="A customer's value of one custom field.")
class CustomFieldValue:
    key: str = strawberry.field(description="The field definition's key.")
    label: str = strawberry.field(description="The field definition's label.")
    type: CustomFieldTypeEnum = strawberry.field(description="The field's type.")
    value: JSON = strawberry.field(description="The value: string, number, boolean or date.")
    archived: bool = strawberry.field(
        description="The definition is archived: the value is kept but can no longer be set."
    )


@strawberry.type(description="A custom customer field of the account.")
class CustomFieldDefinition:
    id: strawberry.ID = strawberry.field(description="Global ID of the definition.")
    key: str = strawberry.field(description="Key used in customFields values.")
    label: str = strawberry.field(description="Label shown to staff.")
    type: CustomFieldTypeEnum = strawberry.field(description="Value type.")
    options: list[str] = strawberry.field(description="Allowed values of a DROPDOWN field.")
    required: bool = strawberry.field(description="Every customer must have a value.")
    in_booking_form: bool = strawberry.field(description="Asked in the booking form.")
    archived: bool = strawberry.field(
        description="Archived: stored values are kept and shown, new values cannot be set.")

    @classmethod
    def from_definition(cls, d: Any) -> CustomFieldDefinition:
        return cls(id=strawberry.ID(ids.encode("CustomFieldDefinition", d.id)), key=d.key,
                   label=d.label, type=CustomFieldTypeEnum[d.field_type.name],
                   options=list(d.options), required=d.required,
                   in_booking_form=d.in_booking_form, archived=d.archived)


@strawberry.type(description="A person who books with the business.")
class Customer(Node):
    id: strawberry.ID = strawberry.field(description="Global ID of the customer.")
    salutation: str | None = strawberry.field(
        description=f"Salutation such as Mr, Ms, Dr. {limit_note('salutation')}")
    first_name: str | None = strawberry.field(
        description=f"Given name. {limit_note('first_name')}")
    last_name: str | None = strawberry.field(
        description=f"Family name. {limit_note('last_name')}")
    email: str | None = strawberry.field(
        description="Email address, validated and lower-cased; unique within the account.")
    mobile_phone: str | None = strawberry.field(description="Mobile phone in E.164 form.")
    landline_phone: str | None = strawberry.field(description="Landline phone in E.164 form.")
    date_of_birth: dt.date | None = strawberry.field(description="Date of birth.")
    address: Address = strawberry.field(description="Postal address.")
    company: str | None = strawberry.field(
        description=f"Company or organisation. {limit_note('company')}")
    notes: str | None = strawberry.field(
        description=f"Internal notes, never shown to the customer. {limit_note('notes')}")
    preferred_medium: MediumEnum | None = strawberry.field(
        description="Preferred channel for notifications.")
    preferred_language: str | None = strawberry.field(
        description="Preferred language as a BCP 47 tag (e.g. de-CH).")
    communication_status: CommunicationStatusEnum = strawberry.field(
        description="ALLOWED (green chip) or BLOCKED (red chip).")
    email_enabled: bool = strawberry.field(description="Email notifications are enabled.")
    sms_enabled: bool = strawberry.field(description="SMS notifications are enabled.")
    source: CustomerSourceEnum = strawberry.field(description="How the customer entered.")
    name_from_email: bool = strawberry.field(
        description="The name was guessed from the email address (a calendar event gave no "
                    "name); it is replaced when an event or a person gives the real one.")
    created_at: dt.datetime = strawberry.field(description="When the record was created.")
    updated_at: dt.datetime = strawberry.field(description="When the record last changed.")
    archived_at: dt.datetime | None = strawberry.field(
        description="When the customer was archived; archived customers are hidden by default.")
    last_appointment_at: dt.datetime | None = strawberry.field(
        description="When the latest appointment that has begun (and was not cancelled) "
                    "started; null if none.")
    last_visit_at: dt.datetime | None = strawberry.field(
        description="When the latest visit (an appointment that has begun and was neither "
                    "cancelled nor a no-show) started; null if none.")
    visit_count: int = strawberry.field(
        description="Visits: appointments that have begun and were neither cancelled nor "
                    "missed (COMPLETED, or SCHEDULED whose start has passed).")
    no_show_count: int = strawberry.field(description="Appointments marked NO_SHOW.")
    cancellation_count: int = strawberry.field(description="Cancelled appointments.")
    pk: strawberry.Private[uuid.UUID]
    custom: strawberry.Private[dict[str, Any]]

    @classmethod
    def from_row(cls, row: Any) -> Customer:
        return cls(
            id=strawberry.ID(ids.encode("Customer", row["id"])),
            pk=row["id"],
            address=Address(**columns(row, "street", "postcode", "city", "country")),
            preferred_medium=to_api(row["preferred_medium"], MediumEnum),
            communication_status=CommunicationStatusEnum[row["communication_status"]],
            source=CustomerSourceEnum[row["source"]],
            last_appointment_at=row.get("last_appointment_at"),
            last_visit_at=row.get("last_visit_at"),
            visit_count=row.get("visit_count") or 0,
            no_show_count=row.get("no_show_count") or 0,
            cancellation_count=row.get("cancellation_count") or 0,
            name_from_email=bool(row.get("name_from_email")),
            custom=custom_values(row),
            **columns(row, "salutation", "first_name", "last_name", "email", "mobile_phone",
                      "landline_phone", "date_of_birth", "company", "notes",
                      "preferred_language", "email_enabled", "sms_enabled", "created_at",
                      "updated_at", "archived_at"),
        )

    @strawberry.field(description="The mobile phone as people write it: national format in "
                                  "the account's country (079 123 45 67), else international.")
    def mobile_phone_display(self, info: Info) -> str | None:
        return display_phone(self.mobile_phone, info.context.account.default_phone_region)

    @strawberry.field(description="The landline phone as people write it (see "
                                  "mobilePhoneDisplay).")
    def landline_phone_display(self, info: Info) -> str | None:
        return display_phone(self.landline_phone, info.context.account.default_phone_region)

    @strawberry.field(description="First and last name as one line, for lists and headings.")
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @strawberry.field(description="Values of the account's custom fields that this customer has.")
    async def custom_fields(self, info: Info) -> list[CustomFieldValue]:
        if not self.custom:
            return []
        defs = await info.context.loaders.custom_field_definitions.load(
            info.context.account.id)
        return [
            CustomFieldValue(key=key, label=d.label, type=CustomFieldTypeEnum[d.field_type.name],
                             value=self.custom[key], archived=d.archived)
            for key, d in defs.items() if key in self.custom
        ]

    @strawberry.field(description="The customer's appointments in chronological order.")
    async def appointments(
        self,
        info: Info,
        first: FIRST = 20,
        after: AFTER = None,
        when: Annotated[AppointmentWhenEnum, strawberry.argument(
            description="Past, upcoming or all appointments.")] = AppointmentWhenEnum.ALL,
        direction: Annotated[SortDirectionEnum, strawberry.argument(
            description="ASC: oldest first (chronological). DESC: newest first.",
        )] = SortDirectionEnum.ASC,
    ) -> Connection[AppointmentRef]:
        from clientele.api.appointments.types import Appointment

        check_first(first)
        args = (AppointmentWhen[when.name], first, after, direction.name == "DESC")
        page = await info.context.loaders.appointments_by_customer.load((self.pk, args))
        return slice_connection(page, Appointment.from_row, APPOINTMENT_ORDER, after)

    @strawberry.field(description="The next upcoming appointment that is not cancelled.")
    async def next_appointment(self, info: Info) -> AppointmentRef | None:
        from clientele.api.appointments.types import Appointment

        return await loaded(info.context.loaders.next_appointment_by_customer, self.pk,
                            Appointment.from_row)

    @strawberry.field(description="Blocked from online booking: some block rule matches the "
                                  "customer's email, email domain, phone or name.")
    async def is_blocked(self, info: Info) -> bool:
        return bool(await info.context.loaders.block_rules_by_customer.load(self.pk))

    @strawberry.field(description="The block rules that match this customer.")
    async def block_rules(self, info: Info) -> list[BlockRuleRef]:
        from clientele.api.blocking.types import BlockRule

        rows = await info.context.loaders.block_rules_by_customer.load(self.pk)
        return [BlockRule.from_row(r) for r in rows]

    @strawberry.field(description="The messages sent (or to be sent) to the customer, newest "
                                  "first: about appointments and written by staff.")
    async def communications(
        self,
        info: Info,
        first: FIRST = 20,
        after: AFTER = None,
        medium: Annotated[MediumEnum | None, strawberry.argument(
            description="Only messages by this channel.")] = None,
        status: Annotated[DeliveryStatusEnum | None, strawberry.argument(
            description="Only messages in this state (PENDING includes those being sent "
                        "right now).")] = None,
    ) -> Connection[CommunicationRef]:
        from clientele.api.communications.types import Communication

        check_first(first)
        args = (first, after, medium.name if medium is not None else None,
                status.name if status is not None else None)
        try:
            page = await info.context.loaders.communications_by_customer.load((self.pk, args))
        except InvalidCursor as exc:
            raise ApiError(str(exc), "INVALID_CURSOR") from exc
        return slice_connection(page, Communication.from_row, COMMUNICATION_ORDER, after)

    @strawberry.field(description="Who changed what and when, newest first (also imports, "
                                  "blocks, conflicts).")
    async def history(self, info: Info, first: FIRST = 20, after: AFTER = None
                      ) -> Connection[AuditEntryRef]:
        from clientele.api.accounts.types import AuditEntry

        check_first(first)
        page = await info.context.loaders.history_by_customer.load((self.pk, (first, after)))
        return slice_connection(page, AuditEntry.from_row, "created_at", after)
