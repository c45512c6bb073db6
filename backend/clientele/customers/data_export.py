"""The GDPR access file (art. 15): everything the account holds about one customer, as one JSON
document. Read in one read-only REPEATABLE READ snapshot (seven statements), so the parts agree
with each other.

Parts: the profile; custom field values with their labels and types (archived definitions
too); appointments; communications (sent to the customer or about their appointments); the
block rules that match them and the refused online bookings made with their email or phones;
the history (audit entries, oldest first). IDs are the API's global IDs; times are ISO 8601
UTC. Staff appear by the name recorded at the time, never by their own IDs or addresses.

Reading it changes nothing (no history entry): it is offered over GET and a GraphQL query.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from clientele.blocking.services import rule_matches_customer
from clientele.core import db, ids
from clientele.customers import custom_fields
from clientele.customers.export import snapshot
from clientele.customers.rows import custom_values

FORMAT_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _pick(row: Any, names: dict[str, str]) -> dict[str, Any]:
    return {api: _plain(row[column]) for api, column in names.items()}


PROFILE = {
    "salutation": "salutation", "firstName": "first_name", "lastName": "last_name",
    "email": "email", "mobilePhone": "mobile_phone", "landlinePhone": "landline_phone",
    "dateOfBirth": "date_of_birth", "company": "company", "notes": "notes",
    "preferredMedium": "preferred_medium", "preferredLanguage": "preferred_language",
    "communicationStatus": "communication_status", "emailEnabled": "email_enabled",
    "smsEnabled": "sms_enabled", "source": "source", "createdAt": "created_at",
    "updatedAt": "updated_at", "archivedAt": "archived_at",
    "lastAppointmentAt": "last_appointment_at",
}
APPOINTMENT = {
    "title": "title", "services": "services", "startsAt": "starts_at", "endsAt": "ends_at",
    "allDay": "all_day", "location": "location", "status": "status",
    "createdAt": "created_at", "updatedAt": "updated_at",
    "removedFromCalendarAt": "removed_from_source_at",
}
COMMUNICATION = {
    "medium": "medium", "recipient": "recipient", "subject": "subject", "body": "body",
    "status": "status", "error": "error", "attempts": "attempts", "sentAt": "sent_at",
    "createdAt": "created_at",
}
BLOCK_RULE = {"kind": "kind", "value": "value", "reason": "reason", "by": "author_label",
              "createdAt": "created_at"}
ATTEMPT = {"email": "email", "name": "name", "phone": "phone", "ip": "ip",
           "at": "created_at"}

_APPOINTMENTS_SQL = """SELECT * FROM appointment WHERE account = $1 AND customer = $2
                       ORDER BY starts_at, id"""
_COMMUNICATIONS_SQL = """SELECT * FROM communication WHERE account = $1 AND (customer = $2
                           OR appointment IN (SELECT id FROM appointment
                                              WHERE account = $1 AND customer = $2))
                         ORDER BY created_at, id"""
_RULES_SQL = f"""SELECT r.* FROM customer c
                 JOIN block_rule r ON r.account = c.account AND ({rule_matches_customer("c")})
                 WHERE c.account = $1 AND c.id = $2 ORDER BY r.created_at, r.id"""
_ATTEMPTS_SQL = """SELECT a.* FROM customer c JOIN blocked_booking_attempt a
                     ON a.account = c.account AND (a.email = c.email
                        OR a.phone IN (c.mobile_phone, c.landline_phone))
                   WHERE c.account = $1 AND c.id = $2 ORDER BY a.created_at, a.id"""
_HISTORY_SQL = """SELECT * FROM audit_event WHERE account = $1 AND customer_id = $2
                  ORDER BY created_at, id"""


async def customer_document(account_id: uuid.UUID, customer_id: uuid.UUID,
                            account_name: str = "") -> dict[str, Any] | None:
    """Everything about the customer, or None when the account has no such customer (another
    account's customer included)."""
    engine = db.engine()
    async with snapshot() as conn:
        engine.statements += 1
        found = await conn.fetch("SELECT * FROM customer WHERE account = $1 AND id = $2",
                                 account_id, customer_id)
        if not found:
            return None
        customer = found[0]
        parts = {}
        for name, sql in (("appointments", _APPOINTMENTS_SQL),
                          ("communications", _COMMUNICATIONS_SQL),
                          ("blockRules", _RULES_SQL),
                          ("blockedBookings", _ATTEMPTS_SQL),
                          ("history", _HISTORY_SQL)):
            engine.statements += 1
            parts[name] = await conn.fetch(sql, account_id, customer_id)
    definitions = await custom_fields.definitions(account_id)
    values = custom_values(customer)
    custom = [{"key": key, "label": d.label, "type": d.field_type.value, "value": values[key],
               "archived": d.archived} for key, d in definitions.items() if key in values]
    custom += [{"key": key, "label": key, "type": None, "value": value, "archived": True}
               for key, value in values.items() if key not in definitions]
    return {
        "formatVersion": FORMAT_VERSION,
        "generatedAt": _plain(dt.datetime.now(dt.UTC)),
        "business": account_name,
        "customer": {
            "id": ids.encode("Customer", customer["id"]),
            **_pick(customer, PROFILE),
            "address": _pick(customer, {"street": "street", "postcode": "postcode",
                                        "city": "city", "country": "country"}),
        },
        "customFields": custom,
        "appointments": [{"id": ids.encode("Appointment", r["id"]), **_pick(r, APPOINTMENT)}
                         for r in parts["appointments"]],
        "communications": [
            {"id": ids.encode("Communication", r["id"]),
             "appointmentId": ids.encode("Appointment", r["appointment"])
             if r["appointment"] else None, **_pick(r, COMMUNICATION)}
            for r in parts["communications"]],
        "blockRules": [{"id": ids.encode("BlockRule", r["id"]), **_pick(r, BLOCK_RULE)}
                       for r in parts["blockRules"]],
        "blockedBookings": [_pick(r, ATTEMPT) for r in parts["blockedBookings"]],
        "history": [{"action": r["action"], "by": r["actor_label"],
                     "at": _plain(r["created_at"]),
                     "changes": db.json_value(r["changes"])}
                    for r in parts["history"]],
    }


def filename(document: dict[str, Any]) -> str:
    """customer-<first>-<last>-<date>.json with only safe characters."""
    person = document["customer"]
    name = "-".join(p for p in (person["firstName"], person["lastName"]) if p) or "customer"
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "_"
                   for ch in name)[:60]
    return f"customer-{safe}-{document['generatedAt'][:10]}.json"
