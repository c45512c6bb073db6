"""An erased customer leaves the imports too (customers/erasure.py calls `erase_person`).

Imports keep people in five places: the rows an analysis keeps for the run (`import_row`),
the rejected rows and their file (`import_rejected`, the CSV is made from it), the snapshots
undo needs (`import_change`, per customer), the preview of a job's first rows and the sample
cells of its columns (`import_job.preview`, `columns`); and the uploaded file itself
(`import_file_chunk`) until a run succeeds. Rows are recognised by the person's email, phones
(as written: the national digits) and first and last name together, in any cell; a sample
cell by any one of them; a snapshot by the customer.

A raw file cannot be edited, so a job found holding the person loses its stored file; one
that has not run yet fails with a sentence saying why (staff upload the file again: the
suppression entry then rejects the person, customers/imports/staging.py).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence

from clientele.core import db

HELD_UNTIL_RUN = ("ANALYSING", "READY", "QUEUED")
JOB_ERASED = ("A person in this file was erased at their request, so the stored file was "
              "deleted; upload it again to import the others (the erased person is left out).")

# SQL: the lower-cased text `t` names the person ($2 email, $3 national phone digits, $4 and
# $5 first and last name, lower-cased; any may be null/empty)
_HOLDS = """(($2::text IS NOT NULL AND strpos({t}, $2) > 0)
    OR EXISTS (SELECT 1 FROM unnest($3::text[]) AS d(digits)
               WHERE strpos(regexp_replace({t}, '[^0-9]', '', 'g'), d.digits) > 0)
    OR ($4::text IS NOT NULL AND $5::text IS NOT NULL
        AND strpos({t}, $4) > 0 AND strpos({t}, $5) > 0))"""


# SQL: one cell's lower-cased text `t` names the person: any one of the values will do
_CELL = """(($2::text IS NOT NULL AND strpos({t}, $2) > 0)
    OR EXISTS (SELECT 1 FROM unnest($3::text[]) AS d(digits)
               WHERE strpos(regexp_replace({t}, '[^0-9]', '', 'g'), d.digits) > 0)
    OR ($4::text IS NOT NULL AND strpos({t}, $4) > 0)
    OR ($5::text IS NOT NULL AND strpos({t}, $5) > 0))"""


def _holds(expression: str, pattern: str = _HOLDS) -> str:
    return pattern.format(t=f"lower(({expression})::text)")


async def erase_person(account_id: uuid.UUID, customer_id: uuid.UUID, email: str | None,
                       national_phones: Sequence[str], first_name: str | None,
                       last_name: str | None) -> int:
    """Remove the person from every import of the account; returns how many rows, snapshots
    and previews held them."""
    params = (account_id, email.lower() if email else None,
              [p for p in national_phones if len(p) >= 6],
              first_name.lower() if first_name and len(first_name) > 1 else None,
              last_name.lower() if last_name and len(last_name) > 1 else None)
    rows = await db.fetch(
        f"""WITH jobs AS (SELECT id FROM import_job WHERE account = $1),
            staged AS (
                DELETE FROM import_row r USING jobs
                WHERE r.job = jobs.id AND (r.email = $2 OR {_holds("r.cells")}
                      OR {_holds("concat_ws(' ', r.first_name, r.last_name, r.mobile_phone, "
                                 "r.landline_phone)")})
                RETURNING r.job),
            rejected AS (
                DELETE FROM import_rejected r USING jobs
                WHERE r.job = jobs.id AND {_holds("r.cells")}
                RETURNING r.job),
            changes AS (
                DELETE FROM import_change c USING jobs
                WHERE c.job = jobs.id AND c.customer = $6
                RETURNING c.job)
            SELECT job FROM staged UNION ALL SELECT job FROM rejected
            UNION ALL SELECT job FROM changes""",
        *params, customer_id)
    previews = await db.fetch(
        f"""SELECT id, preview FROM import_job
            WHERE account = $1 AND EXISTS (
                SELECT 1 FROM jsonb_array_elements(preview) AS p(item)
                WHERE {_holds("p.item")})""", *params)
    for job in previews:
        kept = await db.fetch(
            f"""SELECT coalesce(jsonb_agg(p.item ORDER BY p.n), '[]'::jsonb) AS preview
                FROM jsonb_array_elements($6::jsonb) WITH ORDINALITY AS p(item, n)
                WHERE $1::uuid IS NOT NULL AND NOT {_holds("p.item")}""",
            *params, json.dumps(db.json_value(job["preview"])))
        await db.fetch("UPDATE import_job SET preview = $2::jsonb WHERE id = $1",
                       job["id"], json.dumps(db.json_value(kept[0]["preview"])))
    # the columns' sample cells (a few per column, shown while mapping)
    sampled = await db.fetch(
        f"""UPDATE import_job j SET columns = (
                SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(c.col -> 'samples') = 'array'
                    THEN jsonb_set(c.col, '{{samples}}', (
                        SELECT coalesce(jsonb_agg(x.cell ORDER BY x.n), '[]'::jsonb)
                        FROM jsonb_array_elements(c.col -> 'samples')
                             WITH ORDINALITY AS x(cell, n)
                        WHERE NOT {_holds("x.cell", _CELL)}))
                    ELSE c.col END ORDER BY c.i), '[]'::jsonb)
                FROM jsonb_array_elements(j.columns) WITH ORDINALITY AS c(col, i))
            WHERE j.account = $1 AND jsonb_typeof(j.columns) = 'array'
              AND {_holds("j.columns", _CELL)}
            RETURNING j.id""", *params)
    jobs = {row["job"] for row in rows} | {job["id"] for job in previews} \
        | {job["id"] for job in sampled}
    if jobs:
        # the raw file holds the person and cannot be edited: it goes, and a job that was
        # still to run (its kept rows with it) fails readably
        await db.fetch("DELETE FROM import_file_chunk WHERE job = ANY($1::uuid[])", list(jobs))
        unfinished = await db.fetch(
            """UPDATE import_job SET status = 'FAILED', error = $2, finished_at = now()
               WHERE id = ANY($1::uuid[]) AND status = ANY($3::text[]) RETURNING id""",
            list(jobs), JOB_ERASED, list(HELD_UNTIL_RUN))
        if unfinished:
            await db.fetch("DELETE FROM import_row WHERE job = ANY($1::uuid[])",
                           [row["id"] for row in unfinished])
    return len(rows) + len(previews) + len(sampled)
