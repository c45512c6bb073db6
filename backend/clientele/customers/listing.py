"""The customer list: filters and keyset pagination (never OFFSET)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from enum import Enum
from typing import Any

from clientele.core import db
from clientele.core.cursors import decode_cursor, encode_cursor


class CustomerOrderField(str, Enum):
    NAME = "NAME"
    CREATED_AT = "CREATED_AT"
    UPDATED_AT = "UPDATED_AT"


class SortDirection(str, Enum):
    ASC = "ASC"
    DESC = "DESC"


SORT_COLUMN = {
    CustomerOrderField.NAME: ("sort_name", str),
    CustomerOrderField.CREATED_AT: ("created_at", dt.datetime),
    CustomerOrderField.UPDATED_AT: ("updated_at", dt.datetime),
}


@dataclass(frozen=True)
class CustomerFilter:
    search: str | None = None
    communication_status: str | None = None
    source: str | None = None
    archived: bool | None = False


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    has_next_page: bool

    def cursor(self, row: Any, order: CustomerOrderField) -> str:
        return encode_cursor(row[SORT_COLUMN[order][0]], row["id"])


PHONE_LIKE = re.compile(r"^\+?[\d\s().\-/]{3,}$")


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(account_id: uuid.UUID, filt: CustomerFilter) -> tuple[list[str], list[Any]]:
    clauses = ["account = $1"]
    args: list[Any] = [account_id]

    def arg(value: Any) -> str:
        args.append(value)
        return f"${len(args)}"

    if filt.archived is True:
        clauses.append("archived_at IS NOT NULL")
    elif filt.archived is False:
        clauses.append("archived_at IS NULL")
    if filt.communication_status:
        clauses.append(f"communication_status = {arg(filt.communication_status)}")
    if filt.source:
        clauses.append(f"source = {arg(filt.source)}")
    if filt.search and filt.search.strip():
        text = filt.search.strip().lower()
        if PHONE_LIKE.match(text):
            # a phone fragment in any format: compare digits, ignoring trunk zeros
            digits = arg(_like("".join(ch for ch in text if ch.isdigit()).lstrip("0")))
            clauses.append(f"(mobile_phone LIKE {digits} OR landline_phone LIKE {digits})")
        else:
            for word in text.split()[:8]:
                pattern = arg(_like(word))
                clauses.append(
                    f"(sort_name LIKE {pattern} OR email LIKE {pattern} "
                    f"OR lower(coalesce(company, '')) LIKE {pattern})"
                )
    return clauses, args


async def list_customers(
    account_id: uuid.UUID,
    first: int,
    after: str | None,
    order: CustomerOrderField,
    direction: SortDirection,
    filt: CustomerFilter,
) -> Page:
    column, kind = SORT_COLUMN[order]
    clauses, args = _where(account_id, filt)
    op, sql_dir = (">", "ASC") if direction is SortDirection.ASC else ("<", "DESC")
    if after:
        value, last_id = decode_cursor(after, (kind, uuid.UUID))
        args += [value, last_id]
        clauses.append(f"({column}, id) {op} (${len(args) - 1}, ${len(args)})")
    args.append(first + 1)
    rows = await db.fetch_records(
        f"SELECT * FROM customer WHERE {' AND '.join(clauses)} "
        f"ORDER BY {column} {sql_dir}, id {sql_dir} LIMIT ${len(args)}",
        *args,
    )
    return Page(rows=list(rows[:first]), has_next_page=len(rows) > first)


async def count_customers(account_id: uuid.UUID, filt: CustomerFilter) -> int:
    clauses, args = _where(account_id, filt)
    rows = await db.fetch_records(
        f"SELECT count(*) AS n FROM customer WHERE {' AND '.join(clauses)}", *args
    )
    return int(rows[0]["n"])
