"""Merging two records of one person, and undoing it (issue 16).

`preview` shows what `merge` would make of two customers: per differing field both values and
the default choice (the kept customer's value, or the other's where the kept one is blank; for
the communication switches the more restrictive one: BLOCKED, a channel switched off).

`merge` runs in ONE transaction: the identity locks of both customers' emails and phones first
(the order every identity writer uses), then both rows FOR UPDATE in id order (two merges of the
same pair in opposite directions cannot deadlock; the second finds its customer gone). It moves
the merged customer's appointments, messages and history to the kept one (each through the
module that owns the rows), carries a block over, deletes the merged row and writes the chosen
values into the kept one. The other email or phone fills an empty slot of the kept customer
(one email, one mobile, one landline); what fits nowhere stays in the merge record's snapshot
and is named in the MERGED history entry. The `customer_merge` row keeps both rows as they
were (`to_jsonb`), the kept row as the merge left it, and the ids of everything that moved.

`unmerge` (within UNMERGE_DAYS of the merge, once) restores the merged customer with its own
id exactly as it was, gives back exactly the recorded appointments, messages and history
entries (what the kept customer got since stays with it), removes carried block rules and
reverts the fields the merge changed on the kept customer. It refuses (CHANGED_SINCE) when
someone changed one of those fields after the merge: reverting would throw their change away.

Refusals: another account's id is NOT_FOUND (as everywhere), the same customer twice,
either customer named by a queued import (its staged rows hold one of their emails or phones:
the run would match a customer the merge is about to delete). Archived customers can be
merged: the result is active if either was. Pending erasure: no such state exists yet (an
erasure happens at once); a merged customer's snapshot holds personal data, so an erasure of
the kept customer must clear `customer_merge` rows naming it.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import asyncpg

from clientele.accounts import audit
from clientele.accounts.audit import AuditAction
from clientele.accounts.principal import Actor
from clientele.appointments import writes as appointments
from clientele.blocking import services as blocking
from clientele.communications import queue as communications
from clientele.core import db
from clientele.core.errors import DomainError, NotFound
from clientele.customers import events, identity
from clientele.customers.rows import custom_values
from clientele.customers.services import COLUMNS
from clientele.customers.validation import sort_name

UNMERGE_DAYS = 30  # how long a merge can be undone
CUSTOM_PREFIX = "custom_fields."
PHONES = ("mobile_phone", "landline_phone")
# the default choice for these is the restrictive value, whichever record has it
RESTRICTIVE: dict[str, Any] = {"communication_status": "BLOCKED", "email_enabled": False,
                               "sms_enabled": False}


class Take(str, Enum):
    KEEP = "KEEP"
    MERGE = "MERGE"


class MergeErrorCode(str, Enum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    SAME_CUSTOMER = "SAME_CUSTOMER"
    IMPORT_RUNNING = "IMPORT_RUNNING"
    UNMERGE_EXPIRED = "UNMERGE_EXPIRED"
    ALREADY_UNMERGED = "ALREADY_UNMERGED"
    CHANGED_SINCE = "CHANGED_SINCE"
    DUPLICATE = "DUPLICATE"


@dataclass(frozen=True)
class FieldChoice:
    field: str  # a customer column, or custom_fields.<key>
    keep: Any
    merge: Any
    default: Take


@dataclass
class Plan:
    keep: Any
    merge: Any
    fields: list[FieldChoice]
    result: dict[str, Any]  # the kept customer's row after the merge (columns, custom, …)
    not_kept: list[dict[str, Any]] = field(default_factory=list)  # [{field, value}]


@dataclass(frozen=True)
class Merged:
    customer: Any
    merge: Any


@dataclass(frozen=True)
class Unmerged:
    customer: Any  # the kept one, as the unmerge left it
    restored: Any  # the merged one, back
    merge: Any


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _choice(name: str, keep: Any, merge: Any) -> FieldChoice:
    default = Take.MERGE if _blank(keep) else Take.KEEP
    if name in RESTRICTIVE and merge == RESTRICTIVE[name]:
        default = Take.MERGE
    return FieldChoice(name, keep, merge, default)


def plan(keep: Any, merge: Any, choices: Mapping[str, Take] | None = None) -> Plan:
    """What merging `merge` into `keep` makes, with `choices` (field → take) over the
    defaults. Raises DomainError for a choice that names no field of either customer."""
    choices = dict(choices or {})
    keep_custom, merge_custom = custom_values(keep), custom_values(merge)
    known = {*COLUMNS, *(CUSTOM_PREFIX + k for k in (*keep_custom, *merge_custom))}
    unknown = sorted(set(choices) - known)
    if unknown:
        raise DomainError.single("field_choices", f"No such field: {', '.join(unknown)}.",
                                 MergeErrorCode.INVALID)
    fields: list[FieldChoice] = []
    result: dict[str, Any] = dict(keep)

    def take(choice: FieldChoice) -> Any:
        fields.append(choice)
        return choice.merge if choices.get(choice.field, choice.default) is Take.MERGE \
            else choice.keep

    for column in COLUMNS:
        if keep[column] != merge[column]:
            result[column] = take(_choice(column, keep[column], merge[column]))
    custom = {}
    for key in sorted({*keep_custom, *merge_custom}):
        k, m = keep_custom.get(key), merge_custom.get(key)
        value = take(_choice(CUSTOM_PREFIX + key, k, m)) if k != m else k
        if value is not None:
            custom[key] = value
    result["custom"] = custom
    not_kept: list[dict[str, Any]] = []
    for email in (keep["email"], merge["email"]):
        if email and email != result["email"]:
            if result["email"] is None:
                result["email"] = email
            else:
                not_kept.append({"field": "email", "value": email})
    for phone_field, phone in ((f, row[f]) for row in (keep, merge) for f in PHONES):
        if phone and phone not in (result["mobile_phone"], result["landline_phone"]):
            slot = next((f for f in PHONES if result[f] is None), None)
            if slot is None:
                not_kept.append({"field": phone_field, "value": phone})
            else:
                result[slot] = phone
    names = (result["first_name"], result["last_name"])
    result["name_from_email"] = keep["name_from_email"] if names == (
        keep["first_name"], keep["last_name"]) else merge["name_from_email"] if names == (
        merge["first_name"], merge["last_name"]) else False
    result["sort_name"] = sort_name(result["first_name"], result["last_name"])
    result["archived_at"] = keep["archived_at"] if merge["archived_at"] else None
    return Plan(keep, merge, fields, result, not_kept)


async def preview(actor: Actor, keep_id: uuid.UUID, merge_id: uuid.UUID) -> Plan:
    """The merge's plan with the default choices; nothing is written or locked."""
    _check_pair(keep_id, merge_id)
    rows = await _rows(actor.account_id, [keep_id, merge_id], lock=False)
    return plan(rows[keep_id]["row"], rows[merge_id]["row"])


def _check_pair(keep_id: uuid.UUID, merge_id: uuid.UUID) -> None:
    if keep_id == merge_id:
        raise DomainError.single("merge_id", "A customer cannot be merged with itself.",
                                 MergeErrorCode.SAME_CUSTOMER)


async def _rows(account_id: uuid.UUID, customer_ids: Sequence[uuid.UUID],
                lock: bool) -> dict[uuid.UUID, dict[str, Any]]:
    """{id: {"row": record, "json": the row as to_jsonb wrote it}}, locked FOR UPDATE in id
    order when `lock`; NotFound for an id that is not a customer of the account."""
    found = await db.fetch_records(
        f"""SELECT c.*, to_jsonb(c) AS snapshot FROM customer c
            WHERE c.account = $1 AND c.id = ANY($2::uuid[])
            ORDER BY c.id {"FOR UPDATE" if lock else ""}""",
        account_id, list(customer_ids))
    rows = {r["id"]: {"row": r, "json": json.loads(r["snapshot"])} for r in found}
    for customer_id, name in zip(customer_ids, ("keep_id", "merge_id"), strict=False):
        if customer_id not in rows:
            raise NotFound("Customer", name)
    return rows


def _identity_values(*rows: Any) -> list[str | None]:
    return [row[f] for row in rows for f in ("email", *PHONES)]


async def _check_imports(account_id: uuid.UUID, rows: Sequence[Any]) -> None:
    """Refuse while a queued (or running) import names either customer: a change it recorded
    for them, or a staged row with one of their emails or phones."""
    emails = [r["email"] for r in rows if r["email"]]
    phones = [r[f] for r in rows for f in PHONES if r[f]]
    found = await db.fetch(
        """SELECT j.file_name FROM import_job j
           WHERE j.account = $1 AND j.status = 'QUEUED' AND (
                 EXISTS (SELECT 1 FROM import_change ch
                         WHERE ch.job = j.id AND ch.customer = ANY($2::uuid[]))
              OR EXISTS (SELECT 1 FROM import_row r WHERE r.job = j.id
                         AND (r.email = ANY($3::text[]) OR r.mobile_phone = ANY($4::text[])
                              OR r.landline_phone = ANY($4::text[]))))
           LIMIT 1""",
        account_id, [r["id"] for r in rows], emails, phones)
    if found:
        raise DomainError.single(
            None, f"The import of {found[0]['file_name']!r} is about to change one of these "
                  "customers; merge them once it has finished.", MergeErrorCode.IMPORT_RUNNING)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | uuid.UUID):
        return value.isoformat() if not isinstance(value, uuid.UUID) else str(value)
    return value


async def merge(actor: Actor, keep_id: uuid.UUID, merge_id: uuid.UUID,
                choices: Mapping[str, Take] | None = None) -> Merged:
    """Merge `merge_id` into `keep_id` (see the module's docstring); DomainError for a refusal,
    nothing written."""
    account_id = actor.account_id
    _check_pair(keep_id, merge_id)
    async with db.transaction():
        seen = await _rows(account_id, [keep_id, merge_id], lock=False)
        await identity.lock_values(account_id, _identity_values(
            *(s["row"] for s in seen.values())))
        rows = await _rows(account_id, [keep_id, merge_id], lock=True)
        keep, gone = rows[keep_id]["row"], rows[merge_id]["row"]
        # details changed between the two reads: their locks too (held ones are skipped)
        await identity.lock_values(account_id, _identity_values(keep, gone))
        await _check_imports(account_id, [keep, gone])
        result = plan(keep, gone, choices)
        moved = {
            "appointments": await appointments.move_to_customer(account_id, merge_id, keep_id),
            "communications": await communications.move_to_customer(account_id, merge_id,
                                                                    keep_id),
            "history": await audit.move_to_customer(account_id, merge_id, keep_id),
        }
        await db.fetch("DELETE FROM customer WHERE account = $1 AND id = $2", account_id,
                       merge_id)
        after = await _write_kept(account_id, keep_id, result.result)
        carried = await blocking.carry_over(actor, gone, after["row"])
        changed = audit.diff(keep, {**dict(keep), **result.result},
                             [*COLUMNS, "archived_at"])
        changed += _custom_diff(custom_values(keep), result.result["custom"])
        merge_id_new = uuid.uuid4()
        snapshot = {
            "kept": rows[keep_id]["json"], "merged": rows[merge_id]["json"],
            "kept_after": after["json"],
            "changed_fields": [c["field"] for c in changed],
            "not_kept": result.not_kept,
            "moved": {k: [str(i) for i in v] for k, v in moved.items()},
            "block_rules_added": [str(i) for i in carried],
        }
        [record] = await db.fetch_records(
            """INSERT INTO customer_merge (id, account, kept_customer, merged_customer,
                   actor_user, actor_label, snapshot, created_at, unmerge_until)
               VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, now(),
                       now() + make_interval(days => $8))
               RETURNING *""",
            merge_id_new, account_id, keep_id, merge_id, actor.user_id, actor.label,
            json.dumps(snapshot), UNMERGE_DAYS)
        await audit.record(actor, keep_id, AuditAction.MERGED, [
            {"field": "merged_customer", "from": str(merge_id), "to": str(keep_id)},
            {"field": "merge", "from": None, "to": str(merge_id_new)},
            *({"field": c["field"], "from": c["from"], "to": c["to"], "came_from": "merged"}
              for c in changed),
            *({"field": n["field"], "from": n["value"], "to": None,
               "note": "not kept: no free slot; kept in the merge record"}
              for n in result.not_kept),
            {"field": "moved", "from": None,
             "to": {k: len(v) for k, v in moved.items()} | {"block_rules": len(carried)}},
        ])
        await events.merged(account_id, keep_id, merge_id)
    return Merged(after["row"], record)


def _custom_diff(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"field": CUSTOM_PREFIX + k, "from": before.get(k), "to": after.get(k)}
            for k in sorted({*before, *after}) if before.get(k) != after.get(k)]


async def _write_kept(account_id: uuid.UUID, keep_id: uuid.UUID,
                      values: dict[str, Any]) -> dict[str, Any]:
    """The kept row set to `values` (its columns as JSON, as jsonb_populate_record reads them);
    returns {"row", "json"} as _rows does."""
    columns = [*COLUMNS, "custom", "name_from_email", "sort_name", "archived_at"]
    document = {c: _plain(values[c]) for c in columns}
    [row] = await db.fetch_records(
        f"""UPDATE customer c SET ({", ".join(columns)}, updated_at) =
                (SELECT {", ".join(f"v.{c}" for c in columns)}, now()
                 FROM jsonb_populate_record(NULL::customer, $3::jsonb) AS v)
            WHERE c.account = $1 AND c.id = $2
            RETURNING c.*, to_jsonb(c) AS snapshot""",
        account_id, keep_id, json.dumps(document))
    return {"row": row, "json": json.loads(row["snapshot"])}


async def get(account_id: uuid.UUID, merge_id: uuid.UUID) -> Any | None:
    rows = await db.fetch_records(
        "SELECT * FROM customer_merge WHERE account = $1 AND id = $2", account_id, merge_id)
    return rows[0] if rows else None


async def unmerge(actor: Actor, merge_id: uuid.UUID) -> Unmerged:
    """Undo a merge (see the module's docstring); DomainError for a refusal, nothing
    written."""
    try:
        return await _unmerge(actor, merge_id)
    except asyncpg.UniqueViolationError:
        # an email one of the two had before the merge belongs to someone else now
        raise DomainError.single(
            "merge_id", "Another customer has one of these customers' former email addresses "
                        "now.", MergeErrorCode.DUPLICATE) from None


async def _unmerge(actor: Actor, merge_id: uuid.UUID) -> Unmerged:
    account_id = actor.account_id
    async with db.transaction():
        found = await db.fetch_records(
            """SELECT *, unmerge_until < now() AS expired FROM customer_merge
               WHERE account = $1 AND id = $2 FOR UPDATE""", account_id, merge_id)
        if not found:
            raise NotFound("Merge", "merge_id")
        record = found[0]
        if record["unmerged_at"] is not None:
            raise DomainError.single("merge_id", "This merge has been undone already.",
                                     MergeErrorCode.ALREADY_UNMERGED)
        if record["expired"]:
            raise DomainError.single(
                "merge_id", f"A merge can be undone for {UNMERGE_DAYS} days; this one is "
                            "older.", MergeErrorCode.UNMERGE_EXPIRED)
        snapshot = json.loads(record["snapshot"])
        keep_id, gone_id = record["kept_customer"], record["merged_customer"]
        before, merged, after = snapshot["kept"], snapshot["merged"], snapshot["kept_after"]
        current_seen = await db.fetch_records(
            "SELECT * FROM customer WHERE account = $1 AND id = $2", account_id, keep_id)
        await identity.lock_values(account_id, [
            *_identity_values(before, merged),
            *(_identity_values(current_seen[0]) if current_seen else [])])
        rows = await db.fetch_records(
            """SELECT c.*, to_jsonb(c) AS snapshot FROM customer c
               WHERE c.account = $1 AND c.id = ANY($2::uuid[]) ORDER BY c.id FOR UPDATE""",
            account_id, [keep_id, gone_id])
        by_id = {r["id"]: r for r in rows}
        if gone_id in by_id:
            raise DomainError.single("merge_id", "The merged customer exists again.",
                                     MergeErrorCode.INVALID)
        if keep_id not in by_id:
            raise DomainError.single("merge_id", "The customer it was merged into is gone.",
                                     MergeErrorCode.NOT_FOUND)
        current = json.loads(by_id[keep_id]["snapshot"])
        changed = snapshot["changed_fields"]
        since = [f for f in changed if _field(current, f) != _field(after, f)]
        if since:
            raise DomainError.single(
                "merge_id", "Changed since the merge: "
                            f"{', '.join(since)}. Undoing it would lose that change.",
                MergeErrorCode.CHANGED_SINCE)
        holder = await identity.match(account_id, merged["email"], (), exclude=keep_id)
        if holder is not None:
            raise DomainError.single(
                "merge_id", "Another customer has the merged customer's email address now.",
                MergeErrorCode.DUPLICATE, existing_customer_id=holder.customer_id)
        # the kept customer's own details first: it may hold the merged one's email
        await _revert_kept(account_id, keep_id, before, current, after, changed)
        await db.fetch(
            """INSERT INTO customer SELECT * FROM jsonb_populate_record(NULL::customer,
                                                                       $1::jsonb)""",
            json.dumps(merged))
        moved = snapshot["moved"]
        await appointments.move_to_customer(account_id, keep_id, gone_id,
                                            [uuid.UUID(i) for i in moved["appointments"]])
        await communications.move_to_customer(account_id, keep_id, gone_id,
                                              [uuid.UUID(i) for i in moved["communications"]])
        await audit.move_to_customer(account_id, keep_id, gone_id,
                                     [uuid.UUID(i) for i in moved["history"]])
        await blocking.remove_carried(account_id,
                                      [uuid.UUID(i) for i in snapshot["block_rules_added"]])
        both = {r["id"]: r for r in await db.fetch_records(
            "SELECT * FROM customer WHERE account = $1 AND id = ANY($2::uuid[])",
            account_id, [keep_id, gone_id])}
        kept, restored = both[keep_id], both[gone_id]
        [record] = await db.fetch_records(
            "UPDATE customer_merge SET unmerged_at = now() WHERE id = $1 RETURNING *",
            merge_id)
        for customer_id, other in ((keep_id, gone_id), (gone_id, keep_id)):
            await audit.record(actor, customer_id, AuditAction.UNMERGED, [
                {"field": "merge", "from": str(merge_id), "to": None},
                {"field": "other_customer", "from": None, "to": str(other)},
                *([{"field": f, "from": _field(after, f), "to": _field(before, f)}
                   for f in changed] if customer_id == keep_id else [])])
        await events.publish(account_id, gone_id, "created")
        await events.publish(account_id, keep_id, "updated")
    return Unmerged(kept, restored, record)


def _field(row: dict[str, Any], name: str) -> Any:
    """A field of a to_jsonb row: a column, or custom_fields.<key>."""
    if name.startswith(CUSTOM_PREFIX):
        return (row.get("custom") or {}).get(name.removeprefix(CUSTOM_PREFIX))
    return row.get(name)


async def _revert_kept(account_id: uuid.UUID, keep_id: uuid.UUID, before: dict[str, Any],
                       current: dict[str, Any], after: dict[str, Any],
                       changed: Sequence[str]) -> Any:
    """The fields the merge changed back to their values before it. Untouched since the merge
    (its other fields as the merge left them): the row as it was before, updated_at too."""
    figures = ("last_appointment_at", "last_visit_at", "next_appointment_at", "visit_count",
               "no_show_count", "cancellation_count")
    untouched = all(current.get(k) == after.get(k) for k in after if k not in figures)
    values = dict(current)
    custom = dict(current.get("custom") or {})
    for name in changed:
        if name.startswith(CUSTOM_PREFIX):
            key = name.removeprefix(CUSTOM_PREFIX)
            if key in (before.get("custom") or {}):
                custom[key] = before["custom"][key]
            else:
                custom.pop(key, None)
        else:
            values[name] = before.get(name)
    values["custom"] = custom
    if untouched or {"first_name", "last_name"} & set(changed):
        values["name_from_email"] = before["name_from_email"]
    values["sort_name"] = sort_name(values["first_name"], values["last_name"])
    values["updated_at"] = before["updated_at"] if untouched else None
    columns = [*COLUMNS, "custom", "name_from_email", "sort_name", "archived_at"]
    [row] = await db.fetch_records(
        f"""UPDATE customer c SET ({", ".join(columns)}, updated_at) =
                (SELECT {", ".join(f"v.{c}" for c in columns)}, coalesce(v.updated_at, now())
                 FROM jsonb_populate_record(NULL::customer, $3::jsonb) AS v)
            WHERE c.account = $1 AND c.id = $2 RETURNING c.*""",
        account_id, keep_id, json.dumps(values))
    return row


async def forget_customer(account_id: uuid.UUID, customer_id: uuid.UUID) -> int:
    """For an erasure: the merge records naming the customer (kept or merged) go, with their
    snapshots (which hold both people's details); those merges can no longer be undone.
    Returns how many went."""
    rows = await db.fetch(
        """DELETE FROM customer_merge WHERE account = $1
               AND (kept_customer = $2 OR merged_customer = $2) RETURNING id""",
        account_id, customer_id)
    return len(rows)
