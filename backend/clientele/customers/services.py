"""Customer services: create, update, delete, load. Every call is scoped by account."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import asyncpg

from clientele.accounts import audit
from clientele.accounts.audit import AuditAction
from clientele.accounts.principal import Actor
from clientele.appointments import writes as appointments
from clientele.core import db, turns
from clientele.core.errors import DomainError, FieldError, NotFound
from clientele.customers import custom_fields, events, identity, suppression
from clientele.customers.enums import ConflictPolicy, CustomerSource
from clientele.customers.errors import CustomerErrorCode
from clientele.customers.rows import custom_values
from clientele.customers.validation import clean, name_errors, sort_name

IDENTITY_FIELDS = ("email", "mobile_phone", "landline_phone")
# sources that resolve many people in one long transaction: they lock the account's identity
# decisions as a whole (customers.identity explains why)
BULK_SOURCES = frozenset({CustomerSource.CALENDAR, CustomerSource.IMPORT})

COLUMNS = (
    "salutation", "first_name", "last_name", "email", "mobile_phone", "landline_phone",
    "date_of_birth", "street", "postcode", "city", "country", "company", "notes",
    "preferred_medium", "preferred_language", "communication_status", "email_enabled",
    "sms_enabled",
)


async def get_many(account_id: uuid.UUID, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, dict]:
    rows = await db.fetch_records(
        "SELECT * FROM customer WHERE account = $1 AND id = ANY($2::uuid[])", account_id, list(ids)
    )
    return {row["id"]: row for row in rows}


async def get(account_id: uuid.UUID, customer_id: uuid.UUID) -> dict | None:
    return (await get_many(account_id, [customer_id])).get(customer_id)


async def get_or_raise(account_id: uuid.UUID, customer_id: uuid.UUID) -> dict:
    """The customer, or NotFound (also for another account's customer)."""
    row = await get(account_id, customer_id)
    if row is None:
        raise NotFound("Customer")
    return row


def _duplicate(found: identity.Match, values: dict[str, Any]) -> DomainError:
    """DUPLICATE on the input field carrying the matched value."""
    what = "email address" if found.matched_on == "email" else "phone number"
    field = next((k for k in ("email", "mobile_phone", "landline_phone")
                  if values.get(k) == found.value), found.field)
    return DomainError.single(
        field,
        f"Another customer already has this {what}.",
        CustomerErrorCode.DUPLICATE,
        existing_customer_id=found.customer_id,
    )


@dataclass(frozen=True)
class Shared:
    """A phone given to a customer that another customer already has."""

    field: str  # mobile_phone or landline_phone: the input field carrying it
    customer: Any  # the other customer's row (the oldest holder of the phone)


class SharedPhone(DomainError):
    """Phones that other customers already have, on a create or update that did not say
    `allow_shared_phone`: nothing was written. Staff may repeat the call with it (families and
    colleagues share landlines); to callers that offer no such choice this is a DUPLICATE
    refusal naming the other customer, as before."""

    def __init__(self, shared: list[Shared]) -> None:
        super().__init__([FieldError(s.field, "Another customer already has this phone number.",
                                     CustomerErrorCode.DUPLICATE,
                                     {"existing_customer_id": s.customer["id"]})
                          for s in shared])
        self.shared = shared


async def _check_unique(account_id: uuid.UUID, values: dict[str, Any],
                        exclude: uuid.UUID | None, allow_shared_phone: bool = False) -> None:
    """An email another customer has is refused (DUPLICATE); a phone another customer has is
    SharedPhone unless `allow_shared_phone`."""
    phones = (values.get("mobile_phone"), values.get("landline_phone"))
    found = await identity.match(account_id, values.get("email"), phones, exclude=exclude)
    if found is None or (found.matched_on == "phone" and allow_shared_phone):
        return
    if found.matched_on == "email":
        raise _duplicate(found, values)
    shared = []
    for field_name in ("mobile_phone", "landline_phone"):
        held = values.get(field_name) and await identity.match(
            account_id, None, (values[field_name],), exclude=exclude)
        if held:
            shared.append((field_name, held.customer_id))
    rows = await get_many(account_id, [customer_id for _, customer_id in shared])
    raise SharedPhone([Shared(f, rows[customer_id]) for f, customer_id in shared
                       if customer_id in rows])


async def _lock_identity(account_id: uuid.UUID, values: dict[str, Any],
                         whole_account: bool = False) -> None:
    await identity.lock(account_id, values.get("email"),
                        (values.get("mobile_phone"), values.get("landline_phone")),
                        whole_account=whole_account)


async def _publish(account_id: uuid.UUID, customer_id: uuid.UUID, kind: str) -> None:
    """Inside the write's transaction: the event leaves once it commits (core.pubsub)."""
    await events.publish(account_id, customer_id, kind)


async def _unique_violation(account_id: uuid.UUID, values: dict[str, Any],
                            exclude: uuid.UUID | None) -> DomainError:
    """A concurrent writer won the race for the same email: report it like a match."""
    found = await identity.match(account_id, values.get("email"), (), exclude=exclude)
    if found:
        return _duplicate(found, values)
    return DomainError.single("email", "Another customer already has this email address.",
                              CustomerErrorCode.DUPLICATE)


AUDITED = (*COLUMNS, "custom", "archived_at")


async def create(
    actor: Actor,
    values: dict[str, Any],
    custom_changes: dict[str, Any] | None = None,
    source: CustomerSource = CustomerSource.MANUAL,
    allow_shared_phone: bool = False,
) -> dict:
    """Create a customer after identity checks; raises DomainError and writes nothing on error:
    DUPLICATE for an email another customer has, SharedPhone for a phone another customer has
    unless `allow_shared_phone` ("create anyway"). The identity check and the insert run under
    the identity locks of the new details, so of parallel creates with one new email exactly
    one succeeds, and of parallel ones with one new phone exactly one unless they allow it."""
    account_id = actor.account_id
    cleaned, errors = clean(values, actor.phone_region)
    errors += name_errors(cleaned.get("first_name"), cleaned.get("last_name"))
    defs = await custom_fields.definitions(account_id)
    custom, custom_errors = custom_fields.apply_values(
        defs, {}, custom_changes or {}, True, custom_fields.required_when_created_by(source))
    errors += custom_errors
    if errors:
        raise DomainError(errors)
    try:
        async with db.transaction():
            await _lock_identity(account_id, cleaned, whole_account=source in BULK_SOURCES)
            await _check_unique(account_id, cleaned, None, allow_shared_phone)
            [created] = await _insert(actor, [(_new_row(cleaned), custom)], source) or []
    except asyncpg.UniqueViolationError:
        raise await _unique_violation(account_id, cleaned, None) from None
    return created


def _new_row(cleaned: dict[str, Any]) -> dict[str, Any]:
    """A new customer's columns: what was given, the flags' defaults for the rest."""
    row = {column: cleaned.get(column) for column in COLUMNS}
    row["communication_status"] = row["communication_status"] or "ALLOWED"
    row["email_enabled"] = True if row["email_enabled"] is None else row["email_enabled"]
    row["sms_enabled"] = True if row["sms_enabled"] is None else row["sms_enabled"]
    row["name_from_email"] = bool(cleaned.get("name_from_email"))
    return row


SQL_TYPES = {"date_of_birth": "date", "email_enabled": "bool", "sms_enabled": "bool"}


async def _insert(actor: Actor, new: Sequence[tuple[dict[str, Any], dict[str, Any]]],
                  source: CustomerSource, unless_erasures: bool = False) -> list[Any] | None:
    """New customers (`_new_row` values, custom values) and their CREATED history entries in
    one statement; returns the rows in the order given and publishes `created` for each
    (after the commit). `unless_erasures`: nothing is written, and None returned, when the
    account has any suppression entry (customers/suppression.py): the caller checks them
    first; an account that never erased anyone pays no statement for it."""
    ids = [uuid.uuid4() for _ in new]
    gate = ("WHERE NOT EXISTS (SELECT 1 FROM erasure_suppression s WHERE s.account = $1)"
            if unless_erasures else "")
    params = ", ".join(f"${i}::{SQL_TYPES.get(c, 'text')}[]"
                       for i, c in enumerate(COLUMNS, start=9))
    columns = ", ".join(COLUMNS)
    rows = await db.fetch_records(
        f"""
        WITH created AS (
            INSERT INTO customer (id, account, sort_name, {columns}, custom, source,
                                  name_from_email, created_at, updated_at)
            SELECT b.id, $1, b.sort_name, {", ".join(f"b.{c}" for c in COLUMNS)},
                   b.custom::jsonb, $2, b.guessed, now(), now()
            FROM unnest($3::uuid[], $4::text[], $5::text[], {params}, ${len(COLUMNS) + 9}::bool[])
                 AS b(id, sort_name, custom, {columns}, guessed)
            {gate}
            RETURNING *),
        history AS (
            INSERT INTO audit_event (id, account, customer_id, actor_user, actor_label, action,
                                     changes, created_at)
            SELECT gen_random_uuid(), $1, h.id, $7, $8, 'CREATED', h.changes::jsonb,
                   clock_timestamp()
            FROM unnest($3::uuid[], $6::text[]) AS h(id, changes)
            WHERE h.id IN (SELECT id FROM created))
        SELECT * FROM created
        """,
        actor.account_id, source.value, ids,
        [sort_name(row["first_name"], row["last_name"]) for row, _ in new],
        [json.dumps(custom) for _, custom in new],
        [json.dumps([{"field": c, "from": None, "to": audit.plain(row[c])}
                     for c in COLUMNS if row[c] is not None]) for row, _ in new],
        actor.user_id, actor.label,
        *([row[c] for row, _ in new] for c in COLUMNS),
        [row.get("name_from_email", False) for row, _ in new],
    )
    if unless_erasures and new and not rows:
        return None
    by_id = {row["id"]: row for row in rows}
    for customer_id in ids:
        await _publish(actor.account_id, customer_id, "created")
    return [by_id[customer_id] for customer_id in ids]


async def update(
    actor: Actor,
    customer_id: uuid.UUID,
    changes: dict[str, Any],
    custom_changes: dict[str, Any] | None = None,
    allow_shared_phone: bool = False,
) -> dict:
    """Apply `changes` (a key present with None clears the field); unknown keys are untouched.
    `archived` among them archives (true) or restores (false) the customer. A new email
    another customer has is refused (DUPLICATE), a new phone another customer has is
    SharedPhone unless `allow_shared_phone`.

    The row is read locked (FOR NO KEY UPDATE) in the transaction that writes it, so two
    concurrent updates of different fields both land; new contact details are checked under
    their identity locks, taken before the row lock (the order every identity writer uses)."""
    account_id = actor.account_id
    changes, archived = _archive_change(changes)
    cleaned, errors = clean(changes, actor.phone_region)
    assignments = ", ".join(f"{c} = ${i}" for i, c in enumerate(COLUMNS, start=5))
    # a name guessed from the email address stays marked until the name changes
    assignments += f", name_from_email = ${len(COLUMNS) + 5}"
    archive_sql = {None: "archived_at", True: "COALESCE(archived_at, now())", False: "NULL"}
    try:
        async with db.transaction():
            await _lock_identity(account_id, cleaned)
            found = await db.fetch_records(
                "SELECT * FROM customer WHERE account = $1 AND id = $2 FOR NO KEY UPDATE",
                account_id, customer_id)
            if not found:
                raise NotFound("Customer")
            current = found[0]
            merged, custom = await _merged(actor, current, cleaned, errors, custom_changes)
            identity_changes = {k: cleaned[k] for k in IDENTITY_FIELDS
                                if cleaned.get(k) and cleaned[k] != current[k]}
            if identity_changes:
                await _check_unique(account_id, identity_changes, customer_id,
                                    allow_shared_phone)
            rows = await db.fetch_records(
                f"""
                UPDATE customer SET {assignments}, sort_name = $3, custom = $4::jsonb,
                       archived_at = {archive_sql[archived]}, updated_at = now()
                WHERE account = $1 AND id = $2
                RETURNING *
                """,
                account_id,
                customer_id,
                sort_name(merged["first_name"], merged["last_name"]),
                json.dumps(custom),
                *(merged[c] for c in COLUMNS),
                current["name_from_email"] and all(
                    merged[c] == current[c] for c in ("first_name", "last_name")),
            )
            changed = audit.diff(_auditable(current), _auditable(rows[0]), AUDITED)
            if changed:
                await audit.record(actor, customer_id, AuditAction.UPDATED, changed)
            await _publish(account_id, customer_id, "updated")
    except asyncpg.UniqueViolationError:
        raise await _unique_violation(account_id, cleaned, customer_id) from None
    return rows[0]


def _archive_change(changes: dict[str, Any]) -> tuple[dict[str, Any], bool | None]:
    """`archived` split off the changes: true archives, false restores, absent (None here)
    leaves it. A customer is archived or not: null is refused at once (REQUIRED)."""
    if "archived" not in changes:
        return changes, None
    if changes["archived"] is None:
        raise DomainError([FieldError("archived", "Give true or false.",
                                      CustomerErrorCode.REQUIRED)])
    return {k: v for k, v in changes.items() if k != "archived"}, bool(changes["archived"])


async def _merged(actor: Actor, current: Any, cleaned: dict[str, Any],
                  errors: list[FieldError], custom_changes: dict[str, Any] | None
                  ) -> tuple[dict[str, Any], dict[str, Any]]:
    """The row's values after the changes, or DomainError with every problem found."""
    merged = {c: cleaned.get(c, current[c]) for c in COLUMNS}
    errors = errors + name_errors(merged["first_name"], merged["last_name"])
    custom = custom_values(current)
    if custom_changes:
        defs = await custom_fields.definitions(actor.account_id)
        custom, custom_errors = custom_fields.apply_values(defs, custom, custom_changes, False)
        errors += custom_errors
    for flag in ("communication_status", "email_enabled", "sms_enabled"):
        if merged[flag] is None:
            errors.append(FieldError(flag, "This field cannot be cleared.",
                                     CustomerErrorCode.REQUIRED))
    if errors:
        raise DomainError(errors)
    return merged, custom


def _auditable(row: Any) -> dict[str, Any]:
    values = {c: row[c] for c in (*COLUMNS, "archived_at")}
    values["custom"] = custom_values(row)
    return values


async def delete(actor: Actor, customer_id: uuid.UUID, keep_history: bool) -> None:
    """Erase a customer. With keep_history their appointments and communications stay, stripped
    of everything that identifies the person; without, they are deleted too. Calendar events in
    the source calendar are never touched."""
    account_id = actor.account_id
    async with db.transaction():
        found = await db.fetch(
            "SELECT id FROM customer WHERE account = $1 AND id = $2 FOR UPDATE",
            account_id, customer_id,
        )
        if not found:
            raise NotFound("Customer")
        if keep_history:
            await db.fetch(
                """
                UPDATE communication SET customer = NULL, recipient = NULL, subject = NULL,
                       body = NULL, error = NULL
                WHERE account = $1 AND (customer = $2 OR appointment IN
                      (SELECT id FROM appointment WHERE account = $1 AND customer = $2))
                """,
                account_id, customer_id,
            )
            await appointments.anonymise_for_customer(account_id, customer_id)
        else:
            await db.fetch(
                "DELETE FROM communication WHERE account = $1 AND customer = $2",
                account_id, customer_id,
            )
            await appointments.delete_for_customer(account_id, customer_id)
        await db.fetch(
            "DELETE FROM customer WHERE account = $1 AND id = $2", account_id, customer_id
        )
        await audit.record(actor, customer_id, AuditAction.DELETED,
                           [{"field": "keep_history", "from": None, "to": keep_history}])
    await _publish(account_id, customer_id, "deleted")


INSERT_CHUNK = 500  # new customers per statement in match_or_create_many


@dataclass(frozen=True)
class Person:
    """One input of `match_or_create_many`: customer values and custom field values."""

    values: dict[str, Any]
    custom: dict[str, Any] | None = None
    new_only: dict[str, Any] | None = None  # columns set only when a customer is created


@dataclass
class Resolved:
    """What became of one input: the customer row, whether it was created, the conflicts
    recorded; or `error` (nothing written for this input) and no row."""

    row: Any = None
    created: bool = False
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    error: DomainError | None = None


async def match_or_create(
    actor: Actor, values: dict[str, Any], source: CustomerSource,
    policy: ConflictPolicy = ConflictPolicy.FILL_BLANKS,
    custom: dict[str, Any] | None = None,
    new_only: dict[str, Any] | None = None,
) -> tuple[dict, bool, list[dict[str, Any]]]:
    """For bookings, calendar events and imports: the existing customer (by email, then phone)
    or a new one. With FILL_BLANKS (the default) new details fill blanks only and a differing
    value is kept and recorded as a CONFLICT in the customer's history; OVERWRITE replaces
    differing values (the history records from → to); IGNORE changes nothing but still records
    the conflicts. `custom` values are treated alike; `new_only` columns (the channel flags of
    a booking without consent) apply to a new customer only. Returns (row, created, conflicts);
    raises DomainError (nothing written) for details that cannot be used.

    The decision runs under the identity locks of the person's details, and a matched customer
    stays locked (FOR KEY SHARE) until the caller's transaction ends: a caller that writes an
    appointment for them in the same transaction can never meet a foreign-key error because
    the customer was deleted meanwhile. One deleted before the lock is simply not matched.
    Cleaned, locked, matched and created once each: a new person costs three statements
    (locks, match, insert with its history entry), a known one with nothing new two."""
    [result] = await match_or_create_many(actor, [Person(values, custom, new_only)], source,
                                          policy)
    if result.error is not None:
        raise result.error
    return result.row, result.created, result.conflicts


async def match_or_create_many(
    actor: Actor, people: Sequence[Person], source: CustomerSource,
    policy: ConflictPolicy = ConflictPolicy.FILL_BLANKS,
) -> list[Resolved]:
    """`match_or_create` for many people at once (calendar sync, imports), one Resolved per
    input in order. The result is the one the inputs resolved one after the other would
    give (a later input may match a customer an earlier one created or changed), in few
    statements: every input is cleaned once, the locks are taken in one statement, everyone
    holding any of the details is read (and locked) in one, and the new customers are
    inserted with their history entries in one (more only when an input matches a customer
    created by an earlier input of the same call: those are written first).

    Bulk sources (BULK_SOURCES) lock the account's identity decisions as a whole, others the
    details of these people."""
    account_id = actor.account_id
    must_have = custom_fields.required_when_created_by(source)
    needs_defs = source in (CustomerSource.MANUAL, CustomerSource.BOOKING) \
        or any(p.custom for p in people)
    defs = await custom_fields.definitions(account_id) if needs_defs else {}
    results = [Resolved() for _ in people]
    usable: list[tuple[int, dict[str, Any], dict[str, Any]]] = []
    for i, person in enumerate(people):
        await turns.let_others_run(i)
        cleaned, errors = clean(person.values, actor.phone_region)
        given_custom: dict[str, Any] = {}
        if person.custom:
            given_custom, custom_errors = custom_fields.apply_values(
                defs, {}, person.custom, False)
            errors += custom_errors
        if errors:
            results[i].error = DomainError(errors)
        else:
            usable.append((i, cleaned, given_custom))
    if not usable:
        return results
    emails = [c.get("email") for _, c, _ in usable]
    phones = [c.get(k) for _, c, _ in usable for k in ("mobile_phone", "landline_phone")]
    try:
        async with db.transaction():
            await identity.lock_values(account_id, [*emails, *phones],
                                       whole_account=source in BULK_SOURCES)
            known = identity.Known(await identity.holders(account_id, emails, phones))
            pending: list[tuple[int, dict[str, Any], dict[str, Any]]] = []

            async def write_pending() -> None:
                # in chunks, with the loop given back between them: a first sync creates
                # thousands of customers, and one statement for all of them holds the loop
                for start in range(0, len(pending), INSERT_CHUNK):
                    chunk = pending[start:start + INSERT_CHUNK]
                    rows = await _insert(actor, [(row, custom) for _, row, custom in chunk],
                                         source, unless_erasures=source in SUPPRESSED_SOURCES)
                    if rows is None:  # the account erased someone: who of these was it?
                        chunk = await _not_erased(actor, chunk, results, known)
                        rows = await _insert(
                            actor, [(row, custom) for _, row, custom in chunk], source) or []
                    if source is CustomerSource.BOOKING and chunk:
                        # a booking is the person coming back on purpose
                        await suppression.lift(actor.account_id, *_details(
                            [row for _, row, _ in chunk]))
                    for (i, _, _), row in zip(chunk, rows, strict=True):
                        results[i].row, results[i].created = row, True
                        known.put(row["id"], row, replacing=("pending", i))
                    await asyncio.sleep(0)
                pending.clear()

            for i, cleaned, given_custom in usable:
                await turns.let_others_run(i)
                phones_of = (cleaned.get("mobile_phone"), cleaned.get("landline_phone"))
                # a phone alone links only to a holder of the same name (phones are shared)
                guessed = bool((people[i].new_only or {}).get("name_from_email"))
                name = None if guessed else identity.name_key(cleaned.get("first_name"),
                                                              cleaned.get("last_name"))
                found = known.match(cleaned.get("email"), phones_of, name)
                if found is not None and isinstance(found[0], tuple):  # created by this call
                    await write_pending()
                    found = known.match(cleaned.get("email"), phones_of, name)
                if found is None:
                    row = _new_row({**cleaned, **(people[i].new_only or {})})
                    custom, errors = custom_fields.apply_values(
                        defs, {}, (people[i].custom or {}), True, must_have)
                    errors = name_errors(row["first_name"], row["last_name"]) + errors
                    if errors:
                        results[i].error = DomainError(errors)
                        continue
                    pending.append((i, row, custom))
                    known.put(("pending", i), row)
                    continue
                key, current = found
                row, _, conflicts = await _merge_into(actor, current, cleaned, given_custom,
                                                      policy, names_known=not guessed)
                results[i].row, results[i].conflicts = row, conflicts
                known.put(row["id"], row, replacing=key)
            await write_pending()
    except asyncpg.UniqueViolationError:
        # the email's unique index as a backstop (the locks decide first)
        raise await _unique_violation(account_id, usable[0][1], None) from None
    return results


# sources that never create a suppressed (erased) person: calendar sync and imports. A
# booking is the person coming back on purpose: it creates them and lifts the suppression
# (customers/suppression.py); staff creating someone by hand decide for themselves.
SUPPRESSED_SOURCES = frozenset(CustomerSource) - {CustomerSource.BOOKING,
                                                   CustomerSource.MANUAL}


def _details(rows: Sequence[dict[str, Any]]) -> tuple[list[str | None], list[str | None]]:
    """(emails, phones) of these rows."""
    return ([r.get("email") for r in rows],
            [r.get(k) for r in rows for k in ("mobile_phone", "landline_phone")])


def _erased(field: str) -> DomainError:
    return DomainError.single(
        field, "This person's details were erased at their request; they are not added "
               "again from a calendar or an import.", CustomerErrorCode.ERASED)


async def _not_erased(actor: Actor, chunk: list[tuple[int, dict[str, Any], dict[str, Any]]],
                      results: list[Resolved], known: identity.Known
                      ) -> list[tuple[int, dict[str, Any], dict[str, Any]]]:
    """The new people of `chunk` none of whose details is suppressed; the others get ERASED
    (no customer) and leave `known`."""
    found = await suppression.suppressed(actor.account_id,
                                         *_details([row for _, row, _ in chunk]))
    kept = []
    for i, row, custom in chunk:
        hit = next((k for k in IDENTITY_FIELDS if row.get(k) and row[k] in found), None)
        if hit is None:
            kept.append((i, row, custom))
            continue
        results[i].error = _erased(hit)
        known._forget(("pending", i))
    return kept


NAME_FIELDS = ("salutation", "first_name", "last_name")


async def _merge_into(actor: Actor, current: Any, cleaned: dict[str, Any],
                      given_custom: dict[str, Any], policy: ConflictPolicy,
                      names_known: bool = True) -> tuple[dict, bool, list[dict[str, Any]]]:
    """`cleaned` into the matched customer per `policy`. A name the customer got from their
    email address counts as blank for a name someone wrote (`names_known`)."""
    stored_custom = custom_values(current)
    given = {k: v for k, v in cleaned.items() if k in COLUMNS and v is not None}
    stored = dict(current)
    if names_known and stored.get("name_from_email") and (
            given.get("first_name") or given.get("last_name")):
        stored.update(dict.fromkeys(NAME_FIELDS))
    blanks = {k: v for k, v in given.items() if stored[k] is None}
    custom_blanks = {k: v for k, v in given_custom.items() if k not in stored_custom}
    conflicts = [{"field": k, "from": audit.plain(stored[k]), "to": audit.plain(v)}
                 for k, v in given.items() if stored[k] is not None and stored[k] != v]
    conflicts += [{"field": f"custom_fields.{k}", "from": stored_custom[k], "to": v}
                  for k, v in given_custom.items()
                  if k in stored_custom and stored_custom[k] != v]
    if policy is ConflictPolicy.OVERWRITE:
        blanks, custom_blanks = given, given_custom
    elif conflicts:
        await audit.record(actor, current["id"], AuditAction.CONFLICT, conflicts)
    if policy is ConflictPolicy.IGNORE or not (blanks or custom_blanks):
        return current, False, conflicts
    try:
        return await update(actor, current["id"], blanks, custom_blanks), False, conflicts
    except DomainError:
        # e.g. a blank phone that belongs to someone else: keep the record as it is (update
        # refuses before it writes anything)
        return current, False, conflicts
