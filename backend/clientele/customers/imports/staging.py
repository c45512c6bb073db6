"""An import's rows in PostgreSQL: COPY'd into a staging table, grouped into people, matched
with the account's customers and written, all set-wise in SQL inside the job's transaction.

Identity is the product's one rule (customers/identity.py), applied to a whole file at once:

1. **People in the file.** A row is the same person as the first earlier row with its email;
   a row whose email is new in the file (or that has none) is the same person as the first
   earlier row sharing one of its phones. Chains are followed to their first row. A person's
   values are, field by field, those of its first row that has one (its custom values alike).
2. **People already known.** A person is the customer holding its email, else the oldest
   customer holding one of its phones. People who turn out to be the same customer are one.
3. **Writing**, by the duplicate strategy: SKIP leaves a known customer alone; FILL fills its
   blank fields; OVERWRITE replaces fields the file has a value for (a blank cell never clears
   anything); CREATE adds everyone as new, except that an email belongs to one customer only
   (a person whose email a customer holds is rejected). A new customer needs a first or last
   name. Updated customers keep their values before the import in `import_change` (undo).

A new customer's history starts with one CREATED entry whose change list is constant,
`[{"field": "import", "from": null, "to": <file name>}]`, not one change per field: its values
are on the customer, and building a per-field list for every row cost more than the insert.

**Cost.** The analysis stages, cleans and groups the rows once and keeps them (`keep`, the
UNLOGGED table import_row); the run takes them back (`kept`) and only matches and writes. Most
people have one row: they are taken as staged (no aggregation) and their sort name was computed
when the row was staged (Python's lower(), not the database locale's); combined people are
aggregated and their sort names fixed up after the insert.

Nothing here commits: the caller's transaction does, with the job's result, or rolls back.
"""

from __future__ import annotations

import json
import secrets
import time
import uuid
from collections.abc import AsyncIterable, Iterable, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from clientele.core import db
from clientele.customers import suppression
from clientele.customers.imports.rows import STAGED_COLUMNS, VALUE_COLUMNS
from clientele.customers.validation import sort_name

STAGED = "import_staged"
PERSON = "import_person"
_SQL_TYPES = {"date_of_birth": "date"}


# What an import counts, in the order the API lists them.
COUNTED = ("rows", "valid", "rejected", "duplicates_in_file", "existing", "created",
           "updated", "skipped")


class Counts(SimpleNamespace):
    """The COUNTED figures of one analysis or run, each 0 to begin with."""

    def __init__(self) -> None:
        super().__init__(**dict.fromkeys(COUNTED, 0))

    def as_dict(self) -> dict[str, int]:
        return dict(vars(self))


@dataclass
class Outcome:
    counts: Counts = field(default_factory=Counts)
    preview: list[dict[str, Any]] = field(default_factory=list)


_ROW_COLUMNS = ", ".join(STAGED_COLUMNS)


async def create_staging() -> None:
    columns = ", ".join(f"{c} {_SQL_TYPES.get(c, 'text')}" for c in VALUE_COLUMNS)
    await db.fetch(f"""
        CREATE TEMP TABLE {STAGED} (
            row_number integer NOT NULL, cells jsonb NOT NULL, errors jsonb,
            {columns}, custom jsonb NOT NULL, sort_name text,
            person integer) ON COMMIT DROP""")


async def copy(records: Iterable[Sequence[Any]] | AsyncIterable[Sequence[Any]]) -> None:
    await db.copy_records(STAGED, records, STAGED_COLUMNS)


async def keep(job_id: uuid.UUID) -> None:
    """Keep the staged, grouped rows for the job's run (import_row)."""
    await forget(job_id)
    await db.fetch(f"INSERT INTO import_row (job, {_ROW_COLUMNS}) "
                   f"SELECT $1, {_ROW_COLUMNS} FROM {STAGED}", job_id)


async def kept(job_id: uuid.UUID, rows: int) -> bool:
    """The staging table, grouped, from the rows the analysis kept; False (and nothing
    created) when they are not all there (the database lost them: it was restarted)."""
    found = await db.fetch("SELECT count(*) AS n FROM import_row WHERE job = $1", job_id)
    if found[0]["n"] != rows or rows == 0:
        return False
    await db.fetch(f"""
        CREATE TEMP TABLE {STAGED} ON COMMIT DROP AS
        SELECT {_ROW_COLUMNS} FROM import_row WHERE job = $1""", job_id)
    await db.fetch(f"ALTER TABLE {STAGED} ADD PRIMARY KEY (row_number)")
    await db.fetch(f"ANALYZE {STAGED}")
    return True


async def forget(job_id: uuid.UUID) -> None:
    await db.fetch("DELETE FROM import_row WHERE job = $1", job_id)


async def group_people() -> None:
    """Step 1: each valid row's person (the row number of the person's first row). Rows are
    staged as their own person; only those of an earlier person are updated."""
    await db.fetch(f"ALTER TABLE {STAGED} ADD PRIMARY KEY (row_number)")
    await db.fetch(f"ANALYZE {STAGED}")
    await db.fetch(f"""
        WITH first_email AS (
            SELECT email, min(row_number) AS first FROM {STAGED}
            WHERE errors IS NULL AND email IS NOT NULL GROUP BY email),
        phones AS (
            SELECT row_number, mobile_phone AS phone FROM {STAGED}
            WHERE errors IS NULL AND mobile_phone IS NOT NULL
            UNION ALL
            SELECT row_number, landline_phone FROM {STAGED}
            WHERE errors IS NULL AND landline_phone IS NOT NULL),
        first_phone AS (SELECT phone, min(row_number) AS first FROM phones GROUP BY phone),
        by_phone AS (
            SELECT p.row_number, min(f.first) AS first
            FROM phones p JOIN first_phone f USING (phone) GROUP BY p.row_number),
        earlier AS (
            SELECT s.row_number,
                   CASE WHEN e.first < s.row_number THEN e.first ELSE b.first END AS person
            FROM {STAGED} s
            LEFT JOIN first_email e ON e.email = s.email
            LEFT JOIN by_phone b ON b.row_number = s.row_number
            WHERE s.errors IS NULL
              AND (e.first < s.row_number OR b.first < s.row_number))
        UPDATE {STAGED} s SET person = earlier.person FROM earlier
        WHERE s.row_number = earlier.row_number""")
    while True:  # follow chains to their first row (each pass halves the longest chain)
        done = await db.fetch(f"""
            WITH moved AS (
                UPDATE {STAGED} s SET person = p.person FROM {STAGED} p
                WHERE s.person <> s.row_number AND p.row_number = s.person
                  AND p.person <> p.row_number
                RETURNING 1)
            SELECT count(*) AS n FROM moved""")
        if done[0]["n"] == 0:
            return


def _combine(source: str, target: str) -> str:
    """A statement creating `target` from the valid rows of `source`: per person, each value
    column from its first row (by row number) that has one, and the custom values likewise.
    Most people have one row: theirs are taken as they are (no aggregation), with the row's
    sort_name; a combined person's sort_name is NULL (computed when it is written)."""
    firsts = ", ".join(
        f"(array_agg(s.{c} ORDER BY s.row_number) FILTER (WHERE s.{c} IS NOT NULL))[1] AS {c}"
        for c in VALUE_COLUMNS)
    return f"""
        CREATE TEMP TABLE {target} ON COMMIT DROP AS
        WITH shared AS MATERIALIZED (
            SELECT DISTINCT person FROM {source}
            WHERE errors IS NULL AND person <> row_number),
        custom AS (
            SELECT person AS k, jsonb_object_agg(ck, cv) AS custom FROM (
                SELECT DISTINCT ON (s.person, ck) s.person, ck, cv
                FROM {source} s JOIN shared USING (person), jsonb_each(s.custom) AS e(ck, cv)
                WHERE s.errors IS NULL AND s.custom <> '{{}}'::jsonb
                ORDER BY s.person, ck, s.row_number) AS c
            GROUP BY person)
        SELECT s.person, s.row_number AS first_row, 1::bigint AS row_count,
               {", ".join(f"s.{c}" for c in VALUE_COLUMNS)}, s.custom, s.sort_name
        FROM {source} s
        WHERE s.errors IS NULL AND s.person = s.row_number
          AND NOT EXISTS (SELECT 1 FROM shared h WHERE h.person = s.person)
        UNION ALL
        SELECT g.*, COALESCE(custom.custom, '{{}}'::jsonb), NULL::text
        FROM (SELECT s.person, min(s.row_number), count(*), {firsts}
              FROM {source} s JOIN shared USING (person)
              WHERE s.errors IS NULL GROUP BY s.person) AS g
        LEFT JOIN custom ON custom.k = g.person"""


async def match_people(account_id: uuid.UUID) -> None:
    """Steps 1b and 2: the people (one row each) and the customer each one is."""
    await db.fetch(_combine(STAGED, f"{PERSON}_rows"))
    await db.fetch(f"ALTER TABLE {PERSON}_rows ADD COLUMN customer uuid, "
                   "ADD COLUMN matched_on text")
    await db.fetch(f"""
        UPDATE {PERSON}_rows p SET customer = c.id, matched_on = 'email'
        FROM customer c WHERE c.account = $1 AND c.email = p.email""", account_id)
    await db.fetch(f"""
        WITH wanted AS (
            SELECT person, phone FROM (
                SELECT person, mobile_phone AS phone FROM {PERSON}_rows WHERE customer IS NULL
                UNION ALL
                SELECT person, landline_phone FROM {PERSON}_rows WHERE customer IS NULL) AS w
            WHERE phone IS NOT NULL),
        holders AS (
            SELECT id, created_at, mobile_phone AS phone FROM customer
            WHERE account = $1 AND mobile_phone IN (SELECT phone FROM wanted)
            UNION ALL
            SELECT id, created_at, landline_phone FROM customer
            WHERE account = $1 AND landline_phone IN (SELECT phone FROM wanted)),
        oldest AS (
            SELECT DISTINCT ON (w.person) w.person, h.id
            FROM wanted w JOIN holders h USING (phone)
            ORDER BY w.person, h.created_at, h.id)
        UPDATE {PERSON}_rows p SET customer = o.id, matched_on = 'phone'
        FROM oldest o WHERE o.person = p.person""", account_id)
    together = await db.fetch(f"""
        SELECT EXISTS (SELECT 1 FROM {PERSON}_rows WHERE customer IS NOT NULL
                       GROUP BY customer HAVING count(*) > 1) AS together""")
    if together[0]["together"]:
        # people who are the same customer are one: the first of them (in the file) stands
        # for all, their values combined as rows are
        await db.fetch(f"""
            UPDATE {PERSON}_rows p SET person = f.first FROM (
                SELECT customer, min(person) AS first FROM {PERSON}_rows
                WHERE customer IS NOT NULL GROUP BY customer) AS f
            WHERE p.customer = f.customer""")
        await db.fetch(f"""
            UPDATE {STAGED} s SET person = p.person FROM {PERSON}_rows p
            WHERE s.person = p.first_row AND s.person <> p.person""")
        await db.fetch(_combine(STAGED, PERSON))
        await db.fetch(f"ALTER TABLE {PERSON} ADD COLUMN customer uuid, "
                       "ADD COLUMN matched_on text")
        await db.fetch(f"""
            UPDATE {PERSON} p SET customer = r.customer, matched_on = r.matched_on
            FROM {PERSON}_rows r WHERE r.person = p.person AND r.first_row = p.first_row""")
        await db.fetch(f"DROP TABLE {PERSON}_rows")
    else:
        await db.fetch(f"ALTER TABLE {PERSON}_rows RENAME TO {PERSON}")
    await db.fetch(f"ALTER TABLE {PERSON} ADD PRIMARY KEY (person)")
    await db.fetch(f"ANALYZE {PERSON}")


async def count(outcome: Outcome) -> None:
    rows = await db.fetch(f"""
        SELECT (SELECT count(*) FROM {STAGED}) AS rows,
               (SELECT count(*) FROM {STAGED} WHERE errors IS NULL) AS valid,
               (SELECT count(*) FROM {PERSON}) AS people,
               (SELECT count(*) FROM {PERSON} WHERE customer IS NOT NULL) AS existing""")
    found = rows[0]
    counts = outcome.counts
    counts.rows, counts.valid = found["rows"], found["valid"]
    counts.rejected = counts.rows - counts.valid
    counts.duplicates_in_file = counts.valid - found["people"]
    counts.existing = found["existing"]


async def preview(outcome: Outcome, limit: int, targets: dict[int, str] | None = None
                  ) -> None:
    """The first `limit` rows as they would be imported; a row with errors shows its cells as
    read, under the fields they were mapped to (`targets`: column -> field), so staff see
    what is wrong with it."""
    rows = await db.fetch_records(f"""
        SELECT s.*, p.customer, p.matched_on FROM {STAGED} s
        LEFT JOIN {PERSON} p ON p.person = s.person
        ORDER BY s.row_number LIMIT $1""", limit)
    for row in rows:
        values = {c: (str(row[c]) if row[c] is not None else None) for c in VALUE_COLUMNS}
        custom = db.json_value(row["custom"])
        duplicate = None
        if row["errors"] is None and row["person"] != row["row_number"]:
            duplicate = {"kind": "IN_FILE", "row": row["person"]}
        elif row["customer"] is not None:
            duplicate = {"kind": "EXISTING", "customer": str(row["customer"])}
        if row["errors"] is not None and targets:
            cells = db.json_value(row["cells"])
            shown = [[target, cells[index]] for index, target in sorted(targets.items())
                     if index < len(cells) and cells[index] is not None]
        else:  # pairs in field order (a JSON object in jsonb would be reordered)
            shown = [[k, v] for k, v in values.items() if v is not None] \
                + [[f"custom.{k}", v] for k, v in (custom or {}).items()]
        outcome.preview.append({
            "row": row["row_number"],
            "values": shown,
            "errors": json.loads(row["errors"]) if row["errors"] else [],
            "duplicate": duplicate})


async def reject(job_id: uuid.UUID, people_where: str, reason: str) -> int:
    """Reject every row of the people matching `people_where` (SQL over PERSON as p)."""
    done = await db.fetch(f"""
        WITH gone AS (DELETE FROM {PERSON} p WHERE {people_where} RETURNING person),
        rejected AS (
            INSERT INTO import_rejected (job, row_number, cells, reason)
            SELECT $1, s.row_number, s.cells, $2 FROM {STAGED} s
            WHERE s.errors IS NULL AND s.person IN (SELECT person FROM gone)
            RETURNING 1)
        SELECT count(*) AS n FROM rejected""", job_id, reason)
    return int(done[0]["n"])


ERASED_REASON = ("This person's data was erased at their request; they are not imported "
                 "again (their cells are not kept).")


async def reject_suppressed(job_id: uuid.UUID, account_id: uuid.UUID) -> int:
    """Reject the new people holding an erased person's email or phone
    (customers/suppression.py), without keeping their cells (nor their rows in the job's
    preview, nor their cells among its columns' samples); one statement when the account
    never erased anyone. A person matching an existing customer is imported as ever."""
    if not await suppression.any_entries(account_id):
        return 0
    rows = await db.fetch(f"SELECT email, mobile_phone, landline_phone FROM {PERSON} "
                          "WHERE customer IS NULL")
    found = await suppression.suppressed(
        account_id, [r["email"] for r in rows],
        [r[k] for r in rows for k in ("mobile_phone", "landline_phone")])
    if not found:
        return 0
    done = await db.fetch(f"""
        WITH gone AS (
            DELETE FROM {PERSON} p WHERE p.customer IS NULL AND (p.email = ANY($3::text[])
                OR p.mobile_phone = ANY($3::text[]) OR p.landline_phone = ANY($3::text[]))
            RETURNING person),
        rejected AS (
            INSERT INTO import_rejected (job, row_number, cells, reason)
            SELECT $1, s.row_number, '[]'::jsonb, $2 FROM {STAGED} s
            WHERE s.errors IS NULL AND s.person IN (SELECT person FROM gone)
            RETURNING row_number)
        SELECT row_number FROM rejected""", job_id, ERASED_REASON, sorted(found))
    rows_gone = [row["row_number"] for row in done]
    # nor does the job's preview of these rows or their cells among its columns' samples
    await db.fetch(f"""
        WITH cells AS (SELECT DISTINCT c.cell FROM {STAGED} s, jsonb_array_elements(s.cells)
                       AS c(cell) WHERE s.row_number = ANY($2::int[]))
        UPDATE import_job j SET
            preview = (SELECT coalesce(jsonb_agg(p.item ORDER BY p.n), '[]'::jsonb)
                       FROM jsonb_array_elements(j.preview) WITH ORDINALITY AS p(item, n)
                       WHERE NOT (p.item -> 'row') <@ to_jsonb($2::int[])),
            columns = (SELECT coalesce(jsonb_agg(CASE
                           WHEN jsonb_typeof(c.col -> 'samples') = 'array' THEN jsonb_set(
                               c.col, '{{samples}}', (
                               SELECT coalesce(jsonb_agg(x.cell ORDER BY x.n), '[]'::jsonb)
                               FROM jsonb_array_elements(c.col -> 'samples')
                                    WITH ORDINALITY AS x(cell, n)
                               WHERE x.cell NOT IN (SELECT cell FROM cells)))
                           ELSE c.col END ORDER BY c.i), '[]'::jsonb)
                       FROM jsonb_array_elements(j.columns) WITH ORDINALITY AS c(col, i))
        WHERE j.id = $1""", job_id, rows_gone)
    return len(rows_gone)


async def reject_invalid_rows(job_id: uuid.UUID) -> None:
    await db.fetch(f"""
        INSERT INTO import_rejected (job, row_number, cells, reason)
        SELECT $1, row_number, cells,
               (SELECT string_agg(e->>'message', ' ') FROM jsonb_array_elements(errors) AS e)
        FROM {STAGED} WHERE errors IS NOT NULL""", job_id)


_NEW_COLUMNS = ", ".join(VALUE_COLUMNS)
_AS_JSON = "jsonb_build_object(" + ", ".join(f"'{c}', {{t}}.{c}" for c in VALUE_COLUMNS) \
    + ", 'custom', {t}.custom)"


async def write(job_id: uuid.UUID, actor: Any, strategy: str, outcome: Outcome,
                all_or_nothing: bool = False, file_name: str = "",
                list_up_to: int | None = None) -> list[tuple[Any, bool]] | None:
    """Step 3: create and update customers; returns (id, created) of each customer created
    or changed (the created ones only when there are at most `list_up_to`: a million ids are
    not worth their memory; counts.created counts them). With `all_or_nothing`, None (and
    nothing written) when any row is rejected."""
    counts = outcome.counts
    if strategy == "CREATE":
        counts.rejected += await reject(
            job_id, "p.matched_on = 'email'",
            "A customer already has this email address (an email belongs to one customer).")
        await db.fetch(f"UPDATE {PERSON} SET customer = NULL")
    elif strategy == "SKIP":
        counts.skipped += (await db.fetch(f"""
            WITH gone AS (DELETE FROM {PERSON} WHERE customer IS NOT NULL RETURNING 1)
            SELECT count(*) AS n FROM gone"""))[0]["n"]
    counts.rejected += await reject(
        job_id, "p.customer IS NULL AND p.first_name IS NULL AND p.last_name IS NULL",
        "A first or last name is required for a new customer.")
    counts.rejected += await reject_suppressed(job_id, actor.account_id)
    if all_or_nothing and counts.rejected:
        return None
    changed: list[tuple[Any, bool]] = []
    if strategy in ("FILL", "OVERWRITE"):
        changed += [(i, False) for i in await _update(job_id, actor, strategy == "OVERWRITE",
                                                      counts)]
    changed += [(i, True) for i in await _insert(job_id, actor, counts, file_name, list_up_to)]
    return changed


def _ordered_id(n: str) -> str:
    """SQL for a time-ordered UUID (version 7): now in ms, 40 random bits, then `n` (a number
    below 2^32, unique among the ids made with this call). The same `n` gives the same id in
    every statement of the call, so the new customers' ids need not be kept in a (materialised)
    CTE. A million new customers with random (v4) ids cost several times more: every insert
    into the primary key (and into the history's customer index) lands on another page; these
    land next to each other."""
    stamp = f"{int(time.time() * 1000):012x}"
    noise = secrets.token_hex(5)
    prefix = f"{stamp}7{noise[:3]}8{noise[3:6]}{noise[6:]}"
    return f"('{prefix}' || lpad(to_hex({n}), 8, '0'))::uuid"


async def _insert(job_id: uuid.UUID, actor: Any, counts: Counts, file_name: str,
                  list_up_to: int | None = None) -> list[Any]:
    """The new customers, one statement per table reading PERSON (no CTE holding a million
    rows). Sort names: as staged; a combined person's computed here first. Each one's CREATED
    history entry has a constant change list naming the import and its file
    ([{"field": "import", "from": null, "to": file name}]) rather than one entry per field:
    the values are the customer's own, and listing them cost more than inserting them."""
    combined = await db.fetch_records(
        f"SELECT person, first_name, last_name FROM {PERSON} "
        "WHERE customer IS NULL AND sort_name IS NULL")
    if combined:
        await db.fetch(f"""
            UPDATE {PERSON} p SET sort_name = n.sort_name
            FROM unnest($1::integer[], $2::text[]) AS n(person, sort_name)
            WHERE p.person = n.person""",
            [row["person"] for row in combined],
            [sort_name(row["first_name"], row["last_name"]) for row in combined])
    new = await db.fetch(f"SELECT count(*) AS n FROM {PERSON} WHERE customer IS NULL")
    counts.created = new[0]["n"]
    if not counts.created:
        return []
    customer_id, event_id = _ordered_id("p.person"), _ordered_id("p.person")
    await db.fetch(f"""
        INSERT INTO customer (id, account, sort_name, {_NEW_COLUMNS}, custom, source,
                              communication_status, email_enabled, sms_enabled,
                              created_at, updated_at)
        SELECT {customer_id}, $1, sort_name, {_NEW_COLUMNS}, custom, 'IMPORT', 'ALLOWED',
               true, true, now(), now()
        FROM {PERSON} p WHERE p.customer IS NULL""", actor.account_id)
    await db.fetch(f"""
        INSERT INTO audit_event (id, account, customer_id, actor_user, actor_label, action,
                                 changes, created_at)
        SELECT {event_id}, $1, {customer_id}, $2, $3, 'CREATED',
               jsonb_build_array(jsonb_build_object('field', 'import', 'from', NULL,
                                                    'to', $4::text)),
               clock_timestamp()
        FROM {PERSON} p WHERE p.customer IS NULL""",
        actor.account_id, actor.user_id, actor.label, file_name)
    await db.fetch(f"""
        INSERT INTO import_change (job, customer, created)
        SELECT $1, {customer_id}, true FROM {PERSON} p WHERE p.customer IS NULL""", job_id)
    if list_up_to is not None and counts.created > list_up_to:
        return []
    created = await db.fetch_records(
        f"SELECT {customer_id} AS id FROM {PERSON} p WHERE p.customer IS NULL "
        "ORDER BY p.person")
    return [row["id"] for row in created]


async def _sort_names(rows: Sequence[Any]) -> None:
    """customer.sort_name as Python's validation.sort_name gives it (PostgreSQL's lower()
    depends on the database's locale)."""
    if not rows:
        return
    await db.fetch("""
        UPDATE customer c SET sort_name = n.sort_name
        FROM unnest($1::uuid[], $2::text[]) AS n(id, sort_name) WHERE c.id = n.id""",
        [row["id"] for row in rows],
        [sort_name(row["first_name"], row["last_name"]) for row in rows])


async def _update(job_id: uuid.UUID, actor: Any, overwrite: bool, counts: Counts) -> list[Any]:
    if overwrite:
        new = {c: f"COALESCE(p.{c}, c.{c})" for c in VALUE_COLUMNS}
        custom = "c.custom || p.custom"
    else:
        new = {c: f"COALESCE(c.{c}, p.{c})" for c in VALUE_COLUMNS}
        custom = "p.custom || c.custom"
    differs = " OR ".join(f"({new[c]}) IS DISTINCT FROM c.{c}" for c in VALUE_COLUMNS)
    conflicts = " || ".join(
        f"""CASE WHEN p.{c} IS NOT NULL AND c.{c} IS NOT NULL AND p.{c} <> c.{c}
                 THEN jsonb_build_array(jsonb_build_object('field', '{c}', 'from', c.{c},
                                                           'to', p.{c}))
                 ELSE '[]'::jsonb END""" for c in VALUE_COLUMNS)
    changed = await db.fetch_records(f"""
        WITH target AS (
            SELECT c.id, {_AS_JSON.format(t="c")} AS before,
                   {", ".join(f"{new[c]} AS {c}" for c in VALUE_COLUMNS)},
                   {custom} AS custom, ({conflicts}) AS conflicts
            FROM {PERSON} p JOIN customer c ON c.id = p.customer AND c.account = $1
            WHERE ({differs}) OR ({custom}) IS DISTINCT FROM c.custom
               OR ({conflicts}) <> '[]'::jsonb
            FOR NO KEY UPDATE OF c),
        updated AS (
            UPDATE customer c SET {", ".join(f"{col} = t.{col}" for col in VALUE_COLUMNS)},
                   custom = t.custom, updated_at = now()
            FROM target t WHERE c.id = t.id
              AND ({" OR ".join(f"t.{col} IS DISTINCT FROM c.{col}" for col in VALUE_COLUMNS)}
                   OR t.custom IS DISTINCT FROM c.custom)
            RETURNING c.*),
        recorded AS (
            INSERT INTO import_change (job, customer, created, before, after)
            SELECT $4, u.id, false, t.before, {_AS_JSON.format(t="u")}
            FROM updated u JOIN target t USING (id)),
        history AS (
            INSERT INTO audit_event (id, account, customer_id, actor_user, actor_label,
                                     action, changes, created_at)
            SELECT gen_random_uuid(), $1, u.id, $2, $3, 'IMPORTED',
                   (SELECT jsonb_agg(jsonb_build_object('field',
                                CASE WHEN k = 'custom' THEN 'custom_fields' ELSE k END,
                                'from', t.before -> k, 'to', {_AS_JSON.format(t="u")} -> k))
                    FROM jsonb_object_keys(t.before) AS k
                    WHERE t.before -> k IS DISTINCT FROM {_AS_JSON.format(t="u")} -> k),
                   clock_timestamp()
            FROM updated u JOIN target t USING (id)),
        conflicted AS (
            INSERT INTO audit_event (id, account, customer_id, actor_user, actor_label,
                                     action, changes, created_at)
            SELECT gen_random_uuid(), $1, t.id, $2, $3, 'CONFLICT', t.conflicts,
                   clock_timestamp()
            FROM target t WHERE $5 AND t.conflicts <> '[]'::jsonb)
        SELECT u.id, u.first_name, u.last_name,
               (u.first_name, u.last_name) IS DISTINCT FROM
               ((t.before ->> 'first_name'), (t.before ->> 'last_name')) AS renamed
        FROM updated u JOIN target t USING (id)""",
        actor.account_id, actor.user_id, actor.label, job_id, not overwrite)
    counts.updated = len(changed)
    counts.skipped += counts.existing - counts.updated
    await _sort_names([row for row in changed if row["renamed"]])
    return [row["id"] for row in changed]


async def drop() -> None:
    for table in (PERSON, STAGED):
        await db.fetch(f"DROP TABLE IF EXISTS {table}")


async def restore(job_id: uuid.UUID, actor: Any) -> list[Any]:
    """Undo of the updates: each field the job changed gets its value from before the job
    back, unless it has been changed again since (then the later value stays). Returns the
    ids of the customers restored."""
    def field(c: str) -> str:
        typed = f"::{_SQL_TYPES[c]}" if c in _SQL_TYPES else ""
        return f"""{c} = CASE WHEN c.{c} IS NOT DISTINCT FROM (ch.after ->> '{c}'){typed}
                          THEN (ch.before ->> '{c}'){typed} ELSE c.{c} END"""

    custom = """(SELECT COALESCE(jsonb_object_agg(k, v), '{}'::jsonb) FROM (
                    SELECT k, CASE WHEN c.custom -> k IS NOT DISTINCT FROM ch.after->'custom'->k
                                   THEN ch.before -> 'custom' -> k ELSE c.custom -> k END AS v
                    FROM (SELECT jsonb_object_keys(c.custom) AS k
                          UNION SELECT jsonb_object_keys(ch.before -> 'custom')) AS keys
                 ) AS kv WHERE v IS NOT NULL AND v <> 'null'::jsonb)"""
    rows = await db.fetch_records(f"""
        WITH restored AS (
            UPDATE customer c SET {", ".join(field(c) for c in VALUE_COLUMNS)},
                   custom = {custom}, updated_at = now()
            FROM import_change ch
            WHERE ch.job = $1 AND NOT ch.created AND c.id = ch.customer AND c.account = $2
            RETURNING c.id, c.first_name, c.last_name, ch.before, {_AS_JSON.format(t="c")}
                      AS now),
        history AS (
            INSERT INTO audit_event (id, account, customer_id, actor_user, actor_label,
                                     action, changes, created_at)
            SELECT gen_random_uuid(), $2, r.id, $3, $4, 'UPDATED',
                   jsonb_build_array(jsonb_build_object('field', 'import', 'from', 'imported',
                                                        'to', 'undone')),
                   clock_timestamp() FROM restored r)
        SELECT id, first_name, last_name FROM restored""",
        job_id, actor.account_id, actor.user_id, actor.label)
    await _sort_names(rows)
    return [row["id"] for row in rows]
