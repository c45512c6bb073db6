"""Inputs of the customer mutations and the customer list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.scalars import JSON

from clientele.api.enums import (
    CommunicationStatusEnum,
    CustomerOrderFieldEnum,
    CustomerSourceEnum,
    MediumEnum,
    SortDirectionEnum,
)
from clientele.customers.limits import MAX_LENGTH


def _limit(field: str) -> str:
    return f"At most {MAX_LENGTH[field]} characters."


@strawberry.input(description="A postal address; blank parts are stored as null.")
class AddressInput:
    street: str | None = strawberry.field(default=None,
                                          description=f"Street and number. {_limit('street')}")
    postcode: str | None = strawberry.field(default=None,
                                            description=f"Postcode. {_limit('postcode')}")
    city: str | None = strawberry.field(default=None, description=f"City. {_limit('city')}")
    country: str | None = strawberry.field(
        default=None, description="ISO 3166-1 alpha-2 country code, e.g. CH.")

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
    salutation: str | None = strawberry.field(
        default=None, description=f"Mr, Ms, Dr… {_limit('salutation')}")
    first_name: str | None = strawberry.field(
        default=None, description=f"Given name. {_limit('first_name')}")
    last_name: str | None = strawberry.field(
        default=None, description=f"Family name. {_limit('last_name')}")
    email: str | None = strawberry.field(
        default=None, description="Email address; validated and lower-cased. At most 254 chars.")
    mobile_phone: str | None = strawberry.field(
        default=None,
        description="Mobile phone in any common format; read in the account's region unless it "
                    "has a country code; stored in E.164.")
    landline_phone: str | None = strawberry.field(
        default=None, description="Landline phone, read like mobilePhone.")
    date_of_birth: dt.date | None = strawberry.field(
        default=None, description="Date of birth, between 1900-01-01 and today.")
    address: AddressInput | None = strawberry.field(default=None, description="Postal address.")
    company: str | None = strawberry.field(
        default=None, description=f"Company or organisation. {_limit('company')}")
    notes: str | None = strawberry.field(
        default=None, description=f"Internal notes, never shown to the customer. {_limit('notes')}")
    preferred_medium: MediumEnum | None = strawberry.field(
        default=None, description="Preferred notification channel.")
    preferred_language: str | None = strawberry.field(
        default=None, description="BCP 47 language tag such as de-CH.")
    communication_status: CommunicationStatusEnum | None = strawberry.field(
        default=None, description="Defaults to ALLOWED.")
    email_enabled: bool | None = strawberry.field(
        default=None, description="Email notifications on (default true).")
    sms_enabled: bool | None = strawberry.field(
        default=None, description="SMS notifications on (default true).")
    custom_fields: list[CustomFieldValueInput] | None = strawberry.field(
        default=None, description="Custom field values, validated against their definitions.")


@strawberry.input(
    description="Changes to a customer. An omitted field is left alone; null clears it."
)
class CustomerUpdateInput:
    salutation: strawberry.Maybe[str | None] = strawberry.field(
        default=None, description=f"Mr, Ms, Dr… {_limit('salutation')}")
    first_name: strawberry.Maybe[str | None] = strawberry.field(
        default=None, description=f"Given name. {_limit('first_name')}")
    last_name: strawberry.Maybe[str | None] = strawberry.field(
        default=None, description=f"Family name. {_limit('last_name')}")
    email: strawberry.Maybe[str | None] = strawberry.field(
        default=None, description="Email address; validated and lower-cased.")
    mobile_phone: strawberry.Maybe[str | None] = strawberry.field(
        default=None, description="Mobile phone; stored in E.164.")
    landline_phone: strawberry.Maybe[str | None] = strawberry.field(
        default=None, description="Landline phone; stored in E.164.")
    date_of_birth: strawberry.Maybe[dt.date | None] = strawberry.field(
        default=None, description="Date of birth.")
    address: strawberry.Maybe[AddressInput | None] = strawberry.field(
        default=None, description="Replaces the whole address; null clears it.")
    company: strawberry.Maybe[str | None] = strawberry.field(
        default=None, description=f"Company. {_limit('company')}")
    notes: strawberry.Maybe[str | None] = strawberry.field(
        default=None, description=f"Internal notes. {_limit('notes')}")
    preferred_medium: strawberry.Maybe[MediumEnum | None] = strawberry.field(
        default=None, description="Preferred notification channel.")
    preferred_language: strawberry.Maybe[str | None] = strawberry.field(
        default=None, description="BCP 47 language tag.")
    communication_status: strawberry.Maybe[CommunicationStatusEnum | None] = strawberry.field(
        default=None, description="ALLOWED or BLOCKED; null is refused (REQUIRED).")
    email_enabled: strawberry.Maybe[bool | None] = strawberry.field(
        default=None, description="Email notifications on or off; null is refused (REQUIRED).")
    sms_enabled: strawberry.Maybe[bool | None] = strawberry.field(
        default=None, description="SMS notifications on or off; null is refused (REQUIRED).")
    custom_fields: list[CustomFieldValueInput] | None = strawberry.field(
        default=None,
        description="Custom values to set; keys not listed are left alone, null clears one.")
    archived: strawberry.Maybe[bool | None] = strawberry.field(
        default=None,
        description="Archive (true) or restore (false) the customer; null is refused (REQUIRED).")


@strawberry.input(description="A condition on one custom field. Which operators apply depends "
                              "on the field's type: TEXT and DROPDOWN take `equals` or `in`, "
                              "NUMBER `numberMin`/`numberMax`, DATE `dateFrom`/`dateTo` "
                              "(inclusive), CHECKBOX `checked`. Anything else is an "
                              "INVALID_FILTER error.")
class CustomFieldFilter:
    key: str = strawberry.field(description="The custom field definition's key.")
    equals: str | None = strawberry.field(default=None, description="The exact value.")
    in_: list[str] | None = strawberry.field(default=None, name="in",
                                            description="Any of these values.")
    number_min: float | None = strawberry.field(default=None, description="At least this.")
    number_max: float | None = strawberry.field(default=None, description="At most this.")
    date_from: dt.date | None = strawberry.field(default=None, description="On or after.")
    date_to: dt.date | None = strawberry.field(default=None, description="On or before.")
    checked: bool | None = strawberry.field(
        default=None, description="true: ticked; false: not ticked (or never set).")


@strawberry.input(description="Narrows the customer list; all given conditions must hold.")
class CustomerFilter:
    search: str | None = strawberry.field(
        default=None, deprecation_reason="Use customers(search:), which this is the same as.",
        description="The same as customers(search:).")
    communication_status: CommunicationStatusEnum | None = strawberry.field(
        default=None, description="Only customers with this communication status.")
    blocked: bool | None = strawberry.field(
        default=None, description="true: only customers some block rule matches (isBlocked); "
                                  "false: only the others.")
    has_upcoming_appointment: bool | None = strawberry.field(
        default=None, description="true: only customers with an appointment that has not ended "
                                  "and is not cancelled; false: only those without.")
    last_appointment_before: dt.datetime | None = strawberry.field(
        default=None, description="Only customers whose latest appointment that has begun (not "
                                  "cancelled) started before this time.")
    last_appointment_after: dt.datetime | None = strawberry.field(
        default=None, description="Only customers whose latest appointment that has begun (not "
                                  "cancelled) started at or after this time.")
    created_after: dt.datetime | None = strawberry.field(
        default=None, description="Only customers created at or after this time.")
    created_before: dt.datetime | None = strawberry.field(
        default=None, description="Only customers created before this time.")
    source: CustomerSourceEnum | None = strawberry.field(
        default=None, description="Only customers that entered this way.")
    archived: bool | None = strawberry.field(
        default=False,
        description="false (default): active customers; true: archived ones; null: both.")
    custom_fields: list[CustomFieldFilter] | None = strawberry.field(
        default=None, description="Conditions on custom field values (all must hold); at most "
                                  "20.")


@strawberry.input(description="Sort order of the customer list.")
class CustomerOrderBy:
    field: CustomerOrderFieldEnum = strawberry.field(description="What to sort by.")
    direction: SortDirectionEnum = strawberry.field(
        default=SortDirectionEnum.ASC, description="Ascending or descending.")
