"""Inputs of the customer mutations and the customer list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.scalars import JSON

from clientele.api.customers.types import limit_note
from clientele.api.enums import (
    CommunicationStatusEnum,
    CustomerOrderFieldEnum,
    CustomerSourceEnum,
    MediumEnum,
    SortDirectionEnum,
)
from clientele.api.fields import optional
from clientele.customers.custom_fields import MAX_TEXT_VALUE


@strawberry.input(description="A postal address; blank parts are stored as null.")
class AddressInput:
    street: str | None = optional(f"Street and number. {limit_note('street')}")
    postcode: str | None = optional(f"Postcode. {limit_note('postcode')}")
    city: str | None = optional(f"City. {limit_note('city')}")
    country: str | None = optional("ISO 3166-1 alpha-2 country code, e.g. CH.")

    def values(self) -> dict[str, Any]:
        return {"street": self.street, "postcode": self.postcode, "city": self.city,
                "country": self.country}


@strawberry.input(description="Set (or, with null, clear) one custom field value.")
class CustomFieldValueInput:
    key: str = strawberry.field(description="The custom field definition's key.")
    value: JSON | None = strawberry.field(
        description="String for TEXT and DROPDOWN, YYYY-MM-DD for DATE, boolean for CHECKBOX, "
                    "number for NUMBER; null clears the value.")


def custom_changes(values: list[CustomFieldValueInput] | None) -> dict[str, Any]:
    return {v.key: v.value for v in values or []}


@strawberry.input(description="A new customer. A first or last name is required.")
class CustomerCreateInput:
    salutation: str | None = optional(f"Mr, Ms, Dr… {limit_note('salutation')}")
    first_name: str | None = optional(f"Given name. {limit_note('first_name')}")
    last_name: str | None = optional(f"Family name. {limit_note('last_name')}")
    email: str | None = optional("Email address; validated and lower-cased. At most 254 chars.")
    mobile_phone: str | None = optional(
        "Mobile phone in any common format; read in the account's region unless it has a country "
        "code; stored in E.164.")
    landline_phone: str | None = optional("Landline phone, read like mobilePhone.")
    date_of_birth: dt.date | None = optional("Date of birth, between 1900-01-01 and today.")
    address: AddressInput | None = optional("Postal address.")
    company: str | None = optional(f"Company or organisation. {limit_note('company')}")
    notes: str | None = optional(
        f"Internal notes, never shown to the customer. {limit_note('notes')}")
    preferred_medium: MediumEnum | None = optional("Preferred notification channel.")
    preferred_language: str | None = optional("BCP 47 language tag such as de-CH.")
    communication_status: CommunicationStatusEnum | None = optional("Defaults to ALLOWED.")
    email_enabled: bool | None = optional("Email notifications on (default true).")
    sms_enabled: bool | None = optional("SMS notifications on (default true).")
    custom_fields: list[CustomFieldValueInput] | None = optional(
        "Custom field values, validated against their definitions.")


@strawberry.input(
    description="Changes to a customer. An omitted field is left alone; null clears it."
)
class CustomerUpdateInput:
    salutation: strawberry.Maybe[str | None] = optional(f"Mr, Ms, Dr… {limit_note('salutation')}")
    first_name: strawberry.Maybe[str | None] = optional(f"Given name. {limit_note('first_name')}")
    last_name: strawberry.Maybe[str | None] = optional(f"Family name. {limit_note('last_name')}")
    email: strawberry.Maybe[str | None] = optional("Email address; validated and lower-cased.")
    mobile_phone: strawberry.Maybe[str | None] = optional("Mobile phone; stored in E.164.")
    landline_phone: strawberry.Maybe[str | None] = optional("Landline phone; stored in E.164.")
    date_of_birth: strawberry.Maybe[dt.date | None] = optional("Date of birth.")
    address: strawberry.Maybe[AddressInput | None] = optional(
        "Replaces the whole address; null clears it.")
    company: strawberry.Maybe[str | None] = optional(f"Company. {limit_note('company')}")
    notes: strawberry.Maybe[str | None] = optional(f"Internal notes. {limit_note('notes')}")
    preferred_medium: strawberry.Maybe[MediumEnum | None] = optional(
        "Preferred notification channel.")
    preferred_language: strawberry.Maybe[str | None] = optional("BCP 47 language tag.")
    communication_status: strawberry.Maybe[CommunicationStatusEnum | None] = optional(
        "ALLOWED or BLOCKED; null is refused (REQUIRED).")
    email_enabled: strawberry.Maybe[bool | None] = optional(
        "Email notifications on or off; null is refused (REQUIRED).")
    sms_enabled: strawberry.Maybe[bool | None] = optional(
        "SMS notifications on or off; null is refused (REQUIRED).")
    custom_fields: list[CustomFieldValueInput] | None = optional(
        "Custom values to set; keys not listed are left alone, null clears one.")
    archived: strawberry.Maybe[bool | None] = optional(
        "Archive (true) or restore (false) the customer; null is refused (REQUIRED).")


@strawberry.input(description="A condition on one custom field. Which operators apply depends "
                              "on the field's type: TEXT takes one of `equals`, `in` and "
                              "`contains`, DROPDOWN `equals` or `in`, NUMBER "
                              "`numberMin`/`numberMax`, DATE `dateFrom`/`dateTo` (inclusive), "
                              "CHECKBOX `checked`. Anything else is an INVALID_FILTER error. "
                              "Text comparisons ignore case and accents (\"zurich\" finds "
                              "\"Zürich\", \"strasse\" finds \"Straße\").")
class CustomFieldFilter:
    key: str = strawberry.field(description="The custom field definition's key.")
    equals: str | None = optional(
        f"The value, ignoring case and accents; at most {MAX_TEXT_VALUE} characters.")
    in_: list[str] | None = optional("Any of these values (each as `equals`).", name="in")
    contains: str | None = optional(
        "TEXT only: the value has this text in it, ignoring case and accents; the text is "
        "taken literally (%, _ and \\ are no wildcards); not empty, at most "
        f"{MAX_TEXT_VALUE} characters.")
    number_min: float | None = optional("At least this.")
    number_max: float | None = optional("At most this.")
    date_from: dt.date | None = optional("On or after.")
    date_to: dt.date | None = optional("On or before.")
    checked: bool | None = optional("true: ticked; false: not ticked (or never set).")


@strawberry.input(description="Narrows the customer list; all given conditions must hold.")
class CustomerFilter:
    search: str | None = optional(
        "The same as customers(search:).",
        deprecation_reason="Use customers(search:), which this is the same as.")
    communication_status: CommunicationStatusEnum | None = optional(
        "Only customers with this communication status.")
    blocked: bool | None = optional(
        "true: only customers some block rule matches (isBlocked); false: only the others.")
    has_upcoming_appointment: bool | None = optional(
        "true: only customers with an appointment that has not ended and is not cancelled; "
        "false: only those without.")
    last_appointment_before: dt.datetime | None = optional(
        "Only customers whose latest appointment that has begun (not cancelled) started before "
        "this time.")
    last_appointment_after: dt.datetime | None = optional(
        "Only customers whose latest appointment that has begun (not cancelled) started at or "
        "after this time.")
    created_after: dt.datetime | None = optional("Only customers created at or after this time.")
    created_before: dt.datetime | None = optional("Only customers created before this time.")
    source: CustomerSourceEnum | None = optional("Only customers that entered this way.")
    archived: bool | None = strawberry.field(
        default=False,
        description="false (default): active customers; true: archived ones; null: both.")
    custom_fields: list[CustomFieldFilter] | None = optional(
        "Conditions on custom field values (all must hold); at most 20.")


@strawberry.input(description="Sort order of the customer list.")
class CustomerOrderBy:
    field: CustomerOrderFieldEnum = strawberry.field(description="What to sort by.")
    direction: SortDirectionEnum = strawberry.field(
        default=SortDirectionEnum.ASC, description="Ascending or descending.")
