"""One statement that pages many lists at once: the first N rows per key after a keyset cursor,
with each list's total. Dataloaders use it so a page of parents costs one query per child list."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clientele.core import db
from clientele.core.cursors import decode_cursor, encode_cursor


@dataclass(frozen=True)
class Slice:
    rows: list[Any]
    total: int
    has_next_page: bool


def row_cursor(row: Any, order_column: str) -> str:
    return encode_cursor(row[order_column], row["id"])


async def slices_by_key(
    *,
    table: str,
    key_column: str,
    account_id: uuid.UUID,
    keys: Sequence[uuid.UUID],
    order_column: str,
    first: int,
    after: str | None = None,
    descending: bool = False,
    extra_where: str = "",
    extra_args: list[Any] | None = None,
) -> dict[uuid.UUID, Slice]:
    """Rows of `table` whose `key_column` is in `keys`, ordered by (order_column, id).

    `table`, `key_column`, `order_column` and `extra_where` are code constants, never input;
    `extra_where` refers to its `extra_args` as {0}, {1}, ….
    """
    args: list[Any] = [account_id, list(keys), first]
    op, direction = ("<", "DESC") if descending else (">", "ASC")
    cursor_sql = ""
    if after:
        value, last_id = decode_cursor(after, (dt.datetime, uuid.UUID))
        args += [value, last_id]
        cursor_sql = f"WHERE ({order_column}, id) {op} ($4, $5)"
    template = extra_where
    if extra_args:
        placeholders = [f"${len(args) + i + 1}" for i in range(len(extra_args))]
        extra_where = extra_where.format(*placeholders)
        args += extra_args
    rows = await db.fetch_records(
        f"""
        SELECT * FROM (
          SELECT t.*, row_number() OVER (
                   PARTITION BY {key_column} ORDER BY {order_column} {direction}, id {direction}
                 ) AS _rn
          FROM (
            SELECT x.*, count(*) OVER (PARTITION BY x.{key_column}) AS _total
            FROM {table} x
            WHERE x.account = $1 AND x.{key_column} = ANY($2::uuid[]) {extra_where}
          ) t {cursor_sql}
        ) r WHERE _rn <= $3 + 1
        ORDER BY {key_column}, _rn
        """,
        *args,
    )
    grouped: dict[uuid.UUID, list[Any]] = defaultdict(list)
    totals: dict[uuid.UUID, int] = {}
    for row in rows:
        grouped[row[key_column]].append(row)
        totals[row[key_column]] = row["_total"]
    beyond = [key for key in keys if key not in totals] if after else []
    if beyond:  # a page past the end still tells the whole list's total
        counted = await db.fetch_records(
            f"""SELECT x.{key_column} AS key, count(*) AS n FROM {table} x
                WHERE x.account = $1 AND x.{key_column} = ANY($2::uuid[])
                {template.format(*[f"${3 + i}" for i in range(len(extra_args or ()))])}
                GROUP BY x.{key_column}""",
            account_id, list(beyond), *(extra_args or ()))
        totals.update({r["key"]: r["n"] for r in counted})
    return {
        key: Slice(grouped[key][:first], totals.get(key, 0), len(grouped[key]) > first)
        for key in keys
    }
