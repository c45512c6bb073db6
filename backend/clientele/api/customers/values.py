"""Translate customer inputs into the domain's plain values."""

from __future__ import annotations

from typing import Any

from clientele.api.customers.inputs import CustomerCreateInput, CustomerUpdateInput

PLAIN_FIELDS = (
    "salutation", "first_name", "last_name", "email", "mobile_phone", "landline_phone",
    "date_of_birth", "company", "notes", "preferred_language", "email_enabled", "sms_enabled",
)
ENUM_FIELDS = ("preferred_medium", "communication_status")
ADDRESS_FIELDS = ("street", "postcode", "city", "country")


def _enum_name(value: Any) -> str | None:
    return None if value is None else value.name


def create_values(data: CustomerCreateInput) -> dict[str, Any]:
    values: dict[str, Any] = {name: getattr(data, name) for name in PLAIN_FIELDS}
    values.update({name: _enum_name(getattr(data, name)) for name in ENUM_FIELDS})
    if data.address is not None:
        values.update(data.address.values())
    return values


def update_values(data: CustomerUpdateInput) -> dict[str, Any]:
    """Only the fields present in the input; Some(None) clears. `archived` is among them."""
    changes: dict[str, Any] = {}
    for name in PLAIN_FIELDS:
        given = getattr(data, name)
        if given is not None:
            changes[name] = given.value
    for name in ENUM_FIELDS:
        given = getattr(data, name)
        if given is not None:
            changes[name] = _enum_name(given.value)
    if data.address is not None:
        address = data.address.value
        changes.update(address.values() if address else dict.fromkeys(ADDRESS_FIELDS))
    if data.archived is not None:  # the service refuses null (a customer is archived or not)
        changes["archived"] = data.archived.value
    return changes
