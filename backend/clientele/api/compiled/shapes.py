"""What of the graph maps onto tables: for each GraphQL object type the compiler covers, the
SQL of each field it can answer from its row (`{t}` is the row's alias).

A field missing here has a resolver that is not SQL (phone display, custom fields with their
definitions, block rules, history, calendar names…): its subtree is answered by the resolvers
(api/compiled/fallback.py). Each entry mirrors the resolver named beside it, and the
differential test holds the two to the same JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clientele.api.compiled import sql


@dataclass(frozen=True)
class Leaf:
    """A value computed from the row alone."""
    template: str  # SQL with {t}

    def render(self, alias: str) -> str:
        return self.template.format(t=alias)


@dataclass(frozen=True)
class Nested:
    """An object made of the same row's columns (Customer.address)."""
    type_name: str
    fields: dict[str, Leaf]


@dataclass(frozen=True)
class Related:
    """One object of another table by a key of this row (Appointment.customer)."""
    type_name: str
    table: str
    key: str  # this row's column holding the other row's id


@dataclass(frozen=True)
class Next:
    """Customer.nextAppointment: appointments.next_for_customers."""
    type_name: str = "Appointment"


@dataclass(frozen=True)
class Page:
    """A keyset-paginated connection of a child table (core.slices.slices_by_key)."""
    node_type: str
    table: str
    parent_key: str  # the child's column holding the parent's id
    order_column: str
    default_first: int
    descending: bool | None  # None: the `direction` argument decides
    filters: tuple[str, ...] = ()  # arguments that narrow the list: when, medium, status


def column(name: str) -> Leaf:
    return Leaf("{t}." + name)


def time(name: str) -> Leaf:
    return Leaf(sql.iso("{t}." + name))


def count(name: str) -> Leaf:  # Customer.from_row: row.get(name) or 0
    return Leaf(f"coalesce({{t}}.{name}, 0)")


@dataclass(frozen=True)
class ObjectShape:
    type_name: str
    table: str
    fields: dict[str, Leaf | Nested | Related | Next | Page] = field(default_factory=dict)


def _node(type_name: str, fields: dict) -> ObjectShape:
    table = {"Customer": "customer", "Appointment": "appointment",
             "Communication": "communication"}[type_name]
    return ObjectShape(type_name, table, {"id": Leaf(sql.global_id(type_name, "{t}.id")),
                                          **fields})


CUSTOMER = _node("Customer", {  # api/customers/types.py Customer.from_row
    **{key: column(name) for key, name in (
        ("salutation", "salutation"), ("firstName", "first_name"), ("lastName", "last_name"),
        ("email", "email"), ("mobilePhone", "mobile_phone"),
        ("landlinePhone", "landline_phone"), ("company", "company"), ("notes", "notes"),
        ("preferredMedium", "preferred_medium"), ("preferredLanguage", "preferred_language"),
        ("communicationStatus", "communication_status"), ("emailEnabled", "email_enabled"),
        ("smsEnabled", "sms_enabled"), ("source", "source"),
        ("dateOfBirth", "date_of_birth"))},
    **{key: time(name) for key, name in (
        ("createdAt", "created_at"), ("updatedAt", "updated_at"),
        ("archivedAt", "archived_at"), ("lastAppointmentAt", "last_appointment_at"),
        ("lastVisitAt", "last_visit_at"))},
    "visitCount": count("visit_count"),
    "noShowCount": count("no_show_count"),
    "cancellationCount": count("cancellation_count"),
    "nameFromEmail": Leaf("coalesce({t}.name_from_email, false)"),
    # " ".join(p for p in (first_name, last_name) if p)
    "displayName": Leaf("concat_ws(' ', nullif({t}.first_name, ''), nullif({t}.last_name, ''))"),
    "address": Nested("Address", {k: column(k) for k in ("street", "postcode", "city",
                                                         "country")}),
    "appointments": Page("Appointment", "appointment", "customer", "starts_at", 20, None,
                         ("when",)),
    "communications": Page("Communication", "communication", "customer", "created_at", 20,
                           True, ("medium", "status")),
    "nextAppointment": Next(),
})

APPOINTMENT = _node("Appointment", {  # api/appointments/types.py Appointment.from_row
    **{key: column(name) for key, name in (
        ("title", "title"), ("allDay", "all_day"), ("location", "location"),
        ("status", "status"), ("notes", "notes"),
        ("cancellationReason", "cancellation_reason"))},
    **{key: time(name) for key, name in (
        ("startsAt", "starts_at"), ("endsAt", "ends_at"), ("createdAt", "created_at"),
        ("updatedAt", "updated_at"))},
    "services": Leaf("coalesce(to_json({t}.services), '[]'::json)"),
    "anonymised": Leaf("({t}.anonymised_at IS NOT NULL)"),
    "customer": Related("Customer", "customer", "customer"),
    "communications": Page("Communication", "communication", "appointment", "created_at", 50,
                           False),
})

COMMUNICATION = _node("Communication", {  # api/communications/types.py
    **{key: column(name) for key, name in (
        ("kind", "kind"), ("medium", "medium"), ("recipient", "recipient"),
        ("language", "language"), ("subject", "subject"), ("body", "body"),
        ("bodyHtml", "body_html"), ("status", "status"), ("error", "error"),
        ("attempts", "attempts"), ("parts", "parts"))},
    **{key: time(name) for key, name in (
        ("dueAt", "due_at"), ("nextAttemptAt", "next_attempt_at"), ("sentAt", "sent_at"),
        ("createdAt", "created_at"), ("updatedAt", "updated_at"))},
    "appointment": Related("Appointment", "appointment", "appointment"),
})

SHAPES: dict[str, ObjectShape] = {s.type_name: s for s in (CUSTOMER, APPOINTMENT, COMMUNICATION)}
