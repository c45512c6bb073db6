"""Conditions on the customer list, checked against the account's custom field definitions
and turned into SQL (every value is a bind parameter)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from clientele.blocking.services import rule_matches_customer
from clientele.customers.custom_fields import MAX_TEXT_VALUE, Definition
from clientele.customers.enums import CustomFieldType

# "Last appointment" is the latest appointment that has begun and was not cancelled, kept in
# customer.last_appointment_at (appointments/last_seen.py); "upcoming" is one that has not
# ended and was not cancelled (as Customer.nextAppointment).
LAST_APPOINTMENT_SQL = "customer.last_appointment_at"
HAS_UPCOMING_SQL = """EXISTS (SELECT 1 FROM appointment a
    WHERE a.customer = customer.id AND a.status <> 'CANCELLED' AND a.ends_at > now())"""
IS_BLOCKED_SQL = f"""EXISTS (SELECT 1 FROM block_rule r
    WHERE r.account = customer.account AND ({rule_matches_customer("customer")}))"""

# Marks that Unicode decomposition (NFKD) splits off a letter: "é" is "e" and U+0301.
_COMBINING_MARKS = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
# Letters that do not decompose but are read as plain ones (as search/text.fold reads them).
_SPELLED_OUT = (("ß", "ss"), ("ẞ", "ss"), ("æ", "ae"), ("Æ", "ae"), ("œ", "oe"), ("Œ", "oe"))


def folded(sql: str) -> str:
    """The text expression `sql` with case and accents gone, in SQL: "Zürich", "ZURICH" and
    "zurich" all give "zurich", "Straße" gives "strasse". search/text.fold's rules, without its
    umlaut spellings (ae/oe/ue for ä/ö/ü), which would hide "ue" in "Mueller" from contains.
    Needs a UTF8 database (normalize())."""
    plain = f"regexp_replace(normalize({sql}, NFKD), '{_COMBINING_MARKS}', '', 'g')"
    for letter, spelled in _SPELLED_OUT:
        plain = f"replace({plain}, '{letter}', '{spelled}')"
    return f"lower(translate({plain}, 'øØłŁđĐ', 'ooLLdD'))"


class InvalidFilter(ValueError):
    """A filter that cannot be applied as asked (the message says why)."""


@dataclass(frozen=True)
class CustomFieldCondition:
    key: str
    equals: str | None = None
    any_of: tuple[str, ...] | None = None
    contains: str | None = None
    number_min: float | None = None
    number_max: float | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    checked: bool | None = None

    def operators(self) -> set[str]:
        named = {"equals": self.equals, "in": self.any_of, "contains": self.contains,
                 "numberMin": self.number_min, "numberMax": self.number_max,
                 "dateFrom": self.date_from, "dateTo": self.date_to, "checked": self.checked}
        return {name for name, value in named.items() if value is not None}


# equals, in and contains ignore case and accents (folded); a value's operators are one of these.
VALUE_OPERATORS = {"equals", "in", "contains"}
ALLOWED_OPERATORS = {
    CustomFieldType.TEXT: {"equals", "in", "contains"},
    CustomFieldType.DROPDOWN: {"equals", "in"},
    CustomFieldType.NUMBER: {"numberMin", "numberMax"},
    CustomFieldType.DATE: {"dateFrom", "dateTo"},
    CustomFieldType.CHECKBOX: {"checked"},
}


@dataclass(frozen=True)
class CustomerFilter:
    communication_status: str | None = None
    source: str | None = None
    archived: bool | None = False
    blocked: bool | None = None
    has_upcoming_appointment: bool | None = None
    last_appointment_before: dt.datetime | None = None
    last_appointment_after: dt.datetime | None = None
    created_after: dt.datetime | None = None
    created_before: dt.datetime | None = None
    custom_fields: tuple[CustomFieldCondition, ...] = field(default_factory=tuple)

    def needs_definitions(self) -> bool:
        return bool(self.custom_fields)


def validate(filt: CustomerFilter, definitions: dict[str, Definition]) -> None:
    """Raise InvalidFilter for a filter that does not fit the account's fields."""
    _range("createdAfter", filt.created_after, "createdBefore", filt.created_before)
    _range("lastAppointmentAfter", filt.last_appointment_after, "lastAppointmentBefore",
           filt.last_appointment_before)
    for condition in filt.custom_fields:
        definition = definitions.get(condition.key)
        if definition is None:
            raise InvalidFilter(f"No custom field with the key {condition.key!r}.")
        kind = definition.field_type
        used = condition.operators()
        allowed = ALLOWED_OPERATORS[kind]
        if not used:
            raise InvalidFilter(f"Custom field {condition.key!r}: give one of "
                                f"{', '.join(sorted(allowed))}.")
        if used - allowed:
            raise InvalidFilter(
                f"Custom field {condition.key!r} is {kind.value}: "
                f"{', '.join(sorted(used - allowed))} does not apply "
                f"(use {', '.join(sorted(allowed))}).")
        exclusive = sorted(used & VALUE_OPERATORS)
        if len(exclusive) > 1:
            raise InvalidFilter(f"Custom field {condition.key!r}: give {' or '.join(exclusive)}, "
                                f"not {'both' if len(exclusive) == 2 else 'several'}.")
        for name, text in (("equals", condition.equals), ("contains", condition.contains)):
            if text is not None and len(text) > MAX_TEXT_VALUE:
                raise InvalidFilter(f"Custom field {condition.key!r}: {name} is at most "
                                    f"{MAX_TEXT_VALUE} characters, as a stored value.")
        if condition.contains == "":
            raise InvalidFilter(f"Custom field {condition.key!r}: contains needs some text.")
        if kind is CustomFieldType.DROPDOWN:
            asked = [condition.equals] if condition.equals is not None else \
                list(condition.any_of or ())
            unknown = [v for v in asked if v not in definition.options]
            if unknown:
                raise InvalidFilter(
                    f"Custom field {condition.key!r}: {', '.join(map(repr, unknown))} is not "
                    f"one of its options ({', '.join(definition.options)}).")
        _range(f"{condition.key}.numberMin", condition.number_min,
               f"{condition.key}.numberMax", condition.number_max)
        _range(f"{condition.key}.dateFrom", condition.date_from,
               f"{condition.key}.dateTo", condition.date_to)


def _range(low_name: str, low: Any, high_name: str, high: Any) -> None:
    if low is not None and high is not None and low > high:
        raise InvalidFilter(f"{low_name} ({low}) is after {high_name} ({high}).")


class Where:
    """SQL conditions on `customer` with their bind parameters."""

    def __init__(self, args: list[Any] | None = None) -> None:
        self.clauses: list[str] = []
        self.args: list[Any] = list(args or [])

    def arg(self, value: Any) -> str:
        self.args.append(value)
        return f"${len(self.args)}"

    def add(self, clause: str) -> None:
        self.clauses.append(clause)

    def compare(self, value: Any, template: str) -> None:
        """Add `template` with `{}` bound to `value`, unless the value is None."""
        if value is not None:
            self.add(template.format(self.arg(value)))

    def copy(self) -> Where:
        other = Where(self.args)
        other.clauses = list(self.clauses)
        return other

    def sql(self) -> str:
        return " AND ".join(self.clauses) or "TRUE"


def where(account_id: uuid.UUID, filt: CustomerFilter, w: Where | None = None) -> Where:
    """The conditions of `filt`, added to `w` (a new Where unless given)."""
    w = Where() if w is None else w
    w.add(f"customer.account = {w.arg(account_id)}")
    if filt.archived is True:
        w.add("customer.archived_at IS NOT NULL")
    elif filt.archived is False:
        w.add("customer.archived_at IS NULL")
    for value, template in (
        (filt.communication_status or None, "customer.communication_status = {}"),
        (filt.source or None, "customer.source = {}"),
        (filt.created_after, "customer.created_at >= {}"),
        (filt.created_before, "customer.created_at < {}"),
        (filt.last_appointment_before, LAST_APPOINTMENT_SQL + " < {}"),
        (filt.last_appointment_after, LAST_APPOINTMENT_SQL + " >= {}"),
    ):
        w.compare(value, template)
    for wanted, sql in ((filt.blocked, IS_BLOCKED_SQL),
                        (filt.has_upcoming_appointment, HAS_UPCOMING_SQL)):
        if wanted is not None:
            w.add(sql if wanted else f"NOT {sql}")
    for condition in filt.custom_fields:
        _custom_condition(w, condition)
    return w


def _custom_condition(w: Where, c: CustomFieldCondition) -> None:
    key = f"{w.arg(c.key)}::text"
    text = f"(CASE WHEN jsonb_typeof(customer.custom -> {key}) = 'string' " \
           f"THEN customer.custom ->> {key} END)"
    number = f"(CASE WHEN jsonb_typeof(customer.custom -> {key}) = 'number' " \
             f"THEN (customer.custom ->> {key})::float8 END)"
    # case and accents do not count for equals, in and contains (the asked text is folded once,
    # in a sub-select, not per row); contains looks for the text as it is (strpos: no LIKE
    # pattern, so % _ and \ are plain characters); dates are stored as YYYY-MM-DD, which orders
    # like the dates themselves
    text_folded = folded(text)
    for value, template in (
        (c.equals, f"{text_folded} = (SELECT {folded('{}::text')})"),
        (list(c.any_of) if c.any_of is not None else None,
         f"{text_folded} = ANY(ARRAY(SELECT {folded('v.value')} "
         "FROM unnest({}::text[]) AS v(value)))"),
        (c.contains, f"strpos({text_folded}, (SELECT {folded('{}::text')})) > 0"),
        (c.number_min, number + " >= {}"),
        (c.number_max, number + " <= {}"),
        (c.date_from.isoformat() if c.date_from else None, text + " >= {}"),
        (c.date_to.isoformat() if c.date_to else None, text + " <= {}"),
    ):
        w.compare(value, template)
    if c.checked is True:
        w.add(f"customer.custom -> {key} = 'true'::jsonb")
    elif c.checked is False:
        w.add(f"coalesce(customer.custom -> {key}, 'false'::jsonb) <> 'true'::jsonb")
