"""Import jobs: upload → analysis (the preview) → commit → the run → undo.

A job's file is kept in the database (`import_file_chunk`, 1 MB each), so any instance can run
it and a restart loses nothing. Analysis and the run are background work done by
`run_pending` (every instance's `runner.run_forever`, or the CLI directly).

**Atomic, and retried after a crash.** A run is one transaction: it claims its job row
(`FOR UPDATE SKIP LOCKED`, so one runner only), reads the file, stages, matches and writes the
customers, and stores the job's result, all committed together. Until that commit nothing of
the job is visible and the job's stored status stays QUEUED; a `kill -9` of the process rolls
the transaction back and releases the claim, and the next runner (this instance restarted or
another one) runs the job again from the start: no partial rows, no doubles. What a running
job reports meanwhile (phase, rows, fraction, heartbeat, a cancel request) lives in
`import_progress`, written outside the transaction (`db.apart`), so it is seen at once.

**Read once.** The analysis keeps its cleaned, grouped rows (import_row, committed with READY);
the run reuses them when they were made with the same sheet, mapping, phone region and custom
field definitions (`staged_key`) and are all there, and reads the file again otherwise. Either
way it matches them against the customers as they are then, under the identity lock. A finished,
cancelled or remapped job's rows are deleted (and with the job, by cascade).
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import csv
import hashlib
import io
import itertools
import json
import logging
import multiprocessing
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import IO, Any

from clientele.accounts.principal import Actor
from clientele.core import db, turns
from clientele.core.errors import DomainError, FieldError, NotFound
from clientele.customers import custom_fields
from clientele.customers import events as customer_events
from clientele.customers.export import neutralise
from clientele.customers.identity import lock_values
from clientele.customers.imports import events, staging
from clientele.customers.imports.errors import ImportErrorCode, ImportFileError
from clientele.customers.imports.mapping import CUSTOM_PREFIX, TARGETS, Mapping, suggest, validate
from clientele.customers.imports.reading import Sheet, open_sheet
from clientele.customers.imports.rows import RowRules, stage

log = logging.getLogger(__name__)

CHUNK_BYTES = 1024 * 1024
BATCH_ROWS = 10_000  # rows per COPY (and per progress report)
PREVIEW_ROWS = 20
SAMPLES = 3
LIVE_EVENTS_UP_TO = 1_000  # more changed customers: the search index catches up by itself
PROGRESS_SECONDS = 0.25
STALE_SECONDS = 15  # a heartbeat older than this: nobody is running the job


class Status(str, Enum):
    ANALYSING = "ANALYSING"
    READY = "READY"
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"  # never stored: a QUEUED job with a live heartbeat
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"
    UNDONE = "UNDONE"


class Duplicates(str, Enum):
    SKIP = "SKIP"
    FILL = "FILL"
    OVERWRITE = "OVERWRITE"
    CREATE = "CREATE"


class ErrorPolicy(str, Enum):
    IMPORT_VALID = "IMPORT_VALID"
    REJECT_FILE = "REJECT_FILE"


class _Cancelled(Exception):
    pass


def _state_error(message: str, code: ImportErrorCode) -> DomainError:
    return DomainError([FieldError("jobId", message, code)])


# ---------------------------------------------------------------- reading a job

@dataclass(frozen=True)
class Progress:
    phase: str
    processed: int
    fraction: float
    running: bool


async def get(account_id: uuid.UUID, job_id: uuid.UUID) -> dict[str, Any] | None:
    rows = await db.fetch(
        """SELECT j.*, p.phase, p.processed, p.fraction, p.heartbeat,
                  p.heartbeat > now() - make_interval(secs => $3) AS alive
           FROM import_job j LEFT JOIN import_progress p ON p.job = j.id
           WHERE j.account = $1 AND j.id = $2""", account_id, job_id, STALE_SECONDS)
    if not rows:
        return None
    job = rows[0]
    for key in ("sheets", "columns", "preview", "counts"):
        if isinstance(job[key], str):
            job[key] = json.loads(job[key])
    if job["status"] == Status.QUEUED and job["alive"]:
        job["status"] = Status.RUNNING.value
    job["progress"] = Progress(job.pop("phase") or "waiting", job.pop("processed") or 0,
                               float(job.pop("fraction") or 0), bool(job.pop("alive")))
    return job


async def get_or_raise(account_id: uuid.UUID, job_id: uuid.UUID) -> dict[str, Any]:
    job = await get(account_id, job_id)
    if job is None:
        raise NotFound("Import job", "jobId")
    return job


def targets(definitions: dict[str, custom_fields.Definition]) -> list[tuple[str, str]]:
    """(key, label) of everything a column can go to: customer fields, then custom fields."""
    return [*TARGETS.items(), *((f"{CUSTOM_PREFIX}{d.key}", d.label)
                                for d in definitions.values() if not d.archived)]


# ---------------------------------------------------------------- upload and mapping

async def create(actor: Actor, file_name: str, upload: IO[bytes]) -> uuid.UUID:
    """Check that `upload` reads as a spreadsheet with a header (ImportFileError otherwise,
    nothing stored), store it and queue its analysis with the suggested mapping."""
    definitions = await custom_fields.definitions(actor.account_id)
    sheet = await asyncio.to_thread(_open, upload, None, definitions)
    upload.seek(0)
    mapping = suggest(sheet.header, definitions.values())
    job_id = uuid.uuid4()
    size = 0
    async with db.transaction():
        await db.fetch(
            """INSERT INTO import_job (id, account, actor_user, actor_label, phone_region,
                                       file_name, file_size, sheet, sheets, header_row,
                                       columns, status)
               VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8::jsonb, $9, $10::jsonb, 'ANALYSING')""",
            job_id, actor.account_id, actor.user_id, actor.label[:200], actor.phone_region,
            (file_name or "upload")[:255], sheet.sheet_name, json.dumps(sheet.sheet_names),
            sheet.header_row, json.dumps(_columns(mapping, mapping)))
        seq = 0
        while chunk := await asyncio.to_thread(upload.read, CHUNK_BYTES):
            await db.fetch("INSERT INTO import_file_chunk (job, seq, data) VALUES ($1, $2, $3)",
                           job_id, seq, chunk)
            seq, size = seq + 1, size + len(chunk)
        await db.fetch("UPDATE import_job SET file_size = $2 WHERE id = $1", job_id, size)
        await db.fetch("INSERT INTO import_progress (job) VALUES ($1)", job_id)
        await events.publish(actor.account_id, job_id)
    events.wake()
    return job_id


def _open(upload: IO[bytes], sheet: str | None,
          definitions: dict[str, custom_fields.Definition]) -> Sheet:
    return open_sheet(upload, sheet=sheet, definitions=list(definitions.values()))


def _columns(mapping: Mapping, suggested: Mapping,
             samples: dict[int, list[str]] | None = None) -> list[dict[str, Any]]:
    return [{"index": c.index, "header": c.header, "target": c.target,
             "suggested": suggested.columns[c.index].target
             if c.index < len(suggested.columns) else None,
             "samples": (samples or {}).get(c.index, [])} for c in mapping.columns]


def mapping_of(job: dict[str, Any]) -> Mapping:
    return Mapping.from_targets([c["header"] for c in job["columns"]],
                                {c["index"]: c["target"] for c in job["columns"]})


async def remap(actor: Actor, job_id: uuid.UUID, sheet: str | None,
                chosen: dict[int, str | None] | None) -> None:
    """Analyse again with another sheet and/or mapping (`chosen`: column -> target, every
    column not named ignored; None keeps the mapping, or suggests one for a new sheet)."""
    job = await get_or_raise(actor.account_id, job_id)
    if job["status"] not in (Status.READY, Status.FAILED, Status.ANALYSING) \
            or job["finished_at"] is not None:
        raise _state_error("Only a job that has not been imported can be mapped again.",
                           ImportErrorCode.JOB_FINISHED)
    definitions = await custom_fields.definitions(actor.account_id)
    columns = job["columns"]
    header_row = job["header_row"]
    if sheet is not None and sheet != job["sheet"]:
        with await _download(job_id) as handle:
            opened = await asyncio.to_thread(_open, handle, sheet, definitions)
        suggested = suggest(opened.header, definitions.values())
        columns, header_row = _columns(suggested, suggested), opened.header_row
    else:
        sheet = job["sheet"]
    if chosen is not None:
        suggested_targets = {c["index"]: c["suggested"] for c in columns}
        mapping = Mapping.from_targets([c["header"] for c in columns], chosen)
        validate(mapping, definitions.values())
        columns = [{**c, "target": mapping.columns[c["index"]].target,
                    "suggested": suggested_targets.get(c["index"])} for c in columns]
    async with db.transaction():
        locked = await db.fetch(
            "SELECT status FROM import_job WHERE id = $1 AND account = $2 FOR UPDATE NOWAIT",
            job_id, actor.account_id)
        if not locked or locked[0]["status"] not in ("READY", "FAILED", "ANALYSING"):
            raise _state_error("The job has moved on; it cannot be mapped again.",
                               ImportErrorCode.JOB_FINISHED)
        await db.fetch(
            """UPDATE import_job SET sheet = $2, header_row = $3, columns = $4::jsonb,
                      status = 'ANALYSING', error = NULL, preview = '[]', counts = '{}',
                      staged_key = NULL
               WHERE id = $1""", job_id, sheet, header_row, json.dumps(columns))
        await staging.forget(job_id)
        await db.fetch("DELETE FROM import_rejected WHERE job = $1", job_id)
        await _reset_progress(job_id)
        await events.publish(actor.account_id, job_id)
    events.wake()


async def _locked(actor: Actor, job_id: uuid.UUID) -> dict[str, Any]:
    """The account's job row, locked until the transaction ends; NotFound otherwise."""
    rows = await db.fetch(
        "SELECT status, columns FROM import_job WHERE id = $1 AND account = $2 FOR UPDATE",
        job_id, actor.account_id)
    if not rows:
        raise NotFound("Import job", "jobId")
    return rows[0]


async def commit(actor: Actor, job_id: uuid.UUID, duplicates: Duplicates,
                 policy: ErrorPolicy) -> None:
    """Queue the import of an analysed job with these choices."""
    definitions = await custom_fields.definitions(actor.account_id)
    async with db.transaction():
        job = await _locked(actor, job_id)
        if job["status"] != Status.READY:
            raise _state_error(
                "The job is not ready: wait for its analysis (or map it again)."
                if job["status"] == "ANALYSING" else "This job has already been started.",
                ImportErrorCode.JOB_NOT_READY if job["status"] in ("ANALYSING", "FAILED")
                else ImportErrorCode.JOB_FINISHED)
        columns = json.loads(job["columns"])
        validate(Mapping.from_targets([c["header"] for c in columns],
                                      {c["index"]: c["target"] for c in columns}),
                 definitions.values())
        await db.fetch(
            """UPDATE import_job SET status = 'QUEUED', duplicates = $2, error_policy = $3
               WHERE id = $1""", job_id, duplicates.value, policy.value)
        await _reset_progress(job_id)
        await events.publish(actor.account_id, job_id)
    events.wake()


async def cancel(actor: Actor, job_id: uuid.UUID) -> None:
    """A job not yet imported ends CANCELLED; a running one is asked to stop (it rolls back
    and ends CANCELLED within one batch of rows)."""
    job = await get_or_raise(actor.account_id, job_id)
    if job["status"] not in ("ANALYSING", "READY", "QUEUED", "RUNNING"):
        raise _state_error("This job has finished; undo it instead.", ImportErrorCode.JOB_FINISHED)
    async with db.apart():
        await db.fetch("UPDATE import_progress SET cancel = true WHERE job = $1", job_id)
    async with db.transaction():
        free = await db.fetch(
            """SELECT id FROM import_job WHERE id = $1 AND account = $2
                 AND status IN ('ANALYSING', 'READY', 'QUEUED')
               FOR UPDATE SKIP LOCKED""", job_id, actor.account_id)
        if free:  # nobody is running it
            await _finish(job_id, Status.CANCELLED, None)
            await events.publish(actor.account_id, job_id)


async def _reset_progress(job_id: uuid.UUID) -> None:
    await db.fetch("""INSERT INTO import_progress (job) VALUES ($1)
                      ON CONFLICT (job) DO UPDATE SET phase = 'waiting', processed = 0,
                          fraction = 0, heartbeat = NULL, cancel = false""", job_id)


async def _finish(job_id: uuid.UUID, status: Status, error: str | None,
                  counts: dict[str, int] | None = None) -> None:
    await staging.forget(job_id)
    rows = await db.fetch(
        """UPDATE import_job SET status = $2, error = $3,
                  counts = COALESCE($4::jsonb, counts), finished_at = now()
           WHERE id = $1 RETURNING account, counts""", job_id, status.value, error,
        json.dumps(counts) if counts is not None else None)
    if rows:  # the partners' import.finished, recorded with the job's end
        await events.finished(rows[0]["account"], job_id, status.value,
                              db.json_value(rows[0]["counts"]))


# ---------------------------------------------------------------- the background work

async def run_pending(only: uuid.UUID | None = None) -> int:
    """Run every job waiting for analysis or import that no one else is running (with `only`,
    just that one); returns how many were run."""
    ran = 0
    while await _run_one(only):
        ran += 1
    return ran


async def _run_one(only: uuid.UUID | None = None) -> bool:
    outcome: staging.Outcome | None = None
    job: dict[str, Any] | None = None
    changed: list[Any] = []
    try:
        async with db.transaction():
            claimed = await db.fetch(
                """SELECT * FROM import_job WHERE status IN ('ANALYSING', 'QUEUED')
                     AND ($1::uuid IS NULL OR id = $1)
                   ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1""", only)
            if not claimed:
                return False
            job = claimed[0]
            for key in ("sheets", "columns"):
                job[key] = json.loads(job[key])
            if job["status"] == Status.ANALYSING:
                outcome = await _analyse(job)
            else:
                outcome, changed = await _import(job)
    except _Cancelled:
        assert job is not None
        async with db.transaction():
            await _finish(job["id"], Status.CANCELLED, None)
    except ImportFileError as exc:
        assert job is not None
        async with db.transaction():
            await _finish(job["id"], Status.FAILED, exc.errors[0].message)
    except Exception:
        if job is None:
            raise
        log.exception("import job %s failed", job["id"])
        async with db.transaction():
            await _finish(job["id"], Status.FAILED,
                          "The import failed unexpectedly; nothing was imported. "
                          "Try again, or report it with the job's id.")
    assert job is not None
    await _report(job["id"], job["account"], "done", outcome.counts.rows if outcome else 0, 1.0)
    if outcome is not None and changed \
            and outcome.counts.created + outcome.counts.updated <= LIVE_EVENTS_UP_TO:
        kinds = {False: "updated", True: "created"}
        async with db.transaction():  # their webhooks in one statement (webhooks/outbox.py)
            for done, (customer_id, created) in enumerate(changed):
                await customer_events.publish(job["account"], customer_id, kinds[created])
                await turns.let_others_run(done)
    return True


class _Reporter:
    """Progress of the running job, outside its transaction, at most every
    PROGRESS_SECONDS; raises _Cancelled once someone asked to stop it."""

    def __init__(self, job: dict[str, Any]) -> None:
        self.job = job
        self.last = 0.0

    async def __call__(self, phase: str, processed: int, fraction: float,
                       force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < PROGRESS_SECONDS:
            return
        self.last = now
        if await _report(self.job["id"], self.job["account"], phase, processed, fraction):
            raise _Cancelled


async def _report(job_id: uuid.UUID, account_id: uuid.UUID, phase: str, processed: int,
                  fraction: float) -> bool:
    async with db.apart():
        rows = await db.fetch(
            """UPDATE import_progress SET phase = $2::text, processed = $3, fraction = $4,
                      heartbeat = CASE WHEN $2::text = 'done' THEN NULL ELSE now() END
               WHERE job = $1 RETURNING cancel""", job_id, phase, processed, fraction)
        await events.publish(account_id, job_id)
    return bool(rows and rows[0]["cancel"])


async def _download(job_id: uuid.UUID) -> IO[bytes]:
    """The job's file, from its chunks, in a temporary file."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 (the caller closes it)
    seq = 0
    async with db.apart():
        while True:
            rows = await db.fetch_records(
                "SELECT data FROM import_file_chunk WHERE job = $1 AND seq = $2", job_id, seq)
            if not rows:
                break
            await asyncio.to_thread(handle.write, rows[0]["data"])
            seq += 1
    handle.seek(0)
    return handle


async def _staged(job: dict[str, Any], report: _Reporter
                  ) -> tuple[dict[str, custom_fields.Definition], Sheet, IO[bytes]]:
    """The job's rows read, cleaned and COPY'd into the staging table.

    Rows are read here (a thread) in batches; a large file's batches are cleaned by
    STAGE_WORKERS processes (cleaning is CPU work: email and phone validation) while the
    previous batches are COPY'd, a small file's in a thread. Batches are COPY'd in order."""
    definitions = await custom_fields.definitions(job["account"])
    handle = await _download(job["id"])
    try:
        sheet = await asyncio.to_thread(_open, handle, job["sheet"], definitions)
        mapping = mapping_of(job)
        validate(mapping, definitions.values())
        rules = RowRules(mapping.targets(), job["phone_region"], definitions)
        await staging.create_staging()
        size = max(job["file_size"], 1)
        rows = sheet.numbered_rows()
        processed = 0
        loop = asyncio.get_running_loop()
        async with _stage_pool(job["file_size"]) as pool:
            # a worker's batch is smaller: it is pickled there and back in one call each,
            # which holds the GIL (the event loop's too) for as long
            in_flight, take = (1, BATCH_ROWS) if pool is None else (
                3 * STAGE_WORKERS, WORKER_BATCH_ROWS)
            pending: collections.deque[tuple[asyncio.Future[Any], int]] = collections.deque()
            exhausted = False
            while pending or not exhausted:
                while not exhausted and len(pending) < in_flight:
                    taken = await asyncio.to_thread(_take, rows, take)
                    if not taken:
                        exhausted = True
                        break
                    position = handle.tell() if sheet.kind == "csv" else size
                    pending.append((loop.run_in_executor(pool, _stage_batch, taken, rules),
                                    position))
                if not pending:
                    break
                future, position = pending.popleft()
                batch = await future
                await staging.copy(_yielding(batch))
                processed += len(batch)
                await report("reading", processed, 0.7 * min(position / size, 1.0))
        return definitions, sheet, handle
    except BaseException:
        handle.close()
        raise


STAGE_WORKERS = 2
WORKER_BATCH_ROWS = 2_500
STAGE_POOL_FROM_BYTES = 2 * 1024 * 1024  # smaller files: the workers' start costs more


@contextlib.asynccontextmanager
async def _stage_pool(file_size: int
                      ) -> AsyncIterator[concurrent.futures.ProcessPoolExecutor | None]:
    """Worker processes for cleaning a large file's rows (forked from a server that has
    imported the row rules already), shut down with the job; None for a small file. Started
    and stopped in a thread: starting the fork server waits for its imports."""
    if file_size < STAGE_POOL_FROM_BYTES or STAGE_WORKERS < 2:
        yield None
        return
    pool = await asyncio.to_thread(_start_pool)
    try:
        yield pool
    finally:
        await asyncio.to_thread(pool.shutdown, wait=False, cancel_futures=True)


def _start_pool() -> concurrent.futures.ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["clientele.customers.imports.rows"])
    pool = concurrent.futures.ProcessPoolExecutor(STAGE_WORKERS, mp_context=context)
    for started in [pool.submit(time.sleep, 0.05) for _ in range(STAGE_WORKERS)]:
        started.result()  # every worker running
    return pool


async def _yielding(batch: list[tuple[Any, ...]]) -> AsyncIterator[tuple[Any, ...]]:
    """The records of a batch for COPY, letting the event loop run every 1,000 (asyncpg
    encodes the whole batch in the loop otherwise: ~50 ms for 10,000 rows)."""
    for start in range(0, len(batch), 1000):
        await asyncio.sleep(0)
        for record in batch[start:start + 1000]:
            yield record


def _take(rows: Iterator[tuple[int, list[Any]]], size: int) -> list[tuple[int, list[Any]]]:
    return list(itertools.islice(rows, size))


def _stage_batch(taken: list[tuple[int, list[Any]]], rules: RowRules) -> list[tuple[Any, ...]]:
    return [stage(number, cells, rules) for number, cells in taken]


def _staged_key(job: dict[str, Any], sheet: str | None,
                definitions: dict[str, custom_fields.Definition]) -> str:
    """What the staged rows were made with: the sheet, the mapping, the phone region and the
    custom field definitions. The run reuses the analysis' rows only when it is unchanged."""
    made_with = repr((sheet, [(c["index"], c["target"]) for c in job["columns"]],
                      job["phone_region"], sorted(definitions.items())))
    return hashlib.sha256(made_with.encode()).hexdigest()


async def _analyse(job: dict[str, Any]) -> staging.Outcome:
    report = _Reporter(job)
    await report("reading", 0, 0.0, force=True)
    definitions, sheet, handle = await _staged(job, report)
    handle.close()
    await report("matching", 0, 0.75, force=True)
    outcome = staging.Outcome()
    await staging.group_people()
    await staging.keep(job["id"])  # for the run
    await staging.match_people(job["account"])
    await staging.count(outcome)
    await staging.preview(outcome, PREVIEW_ROWS, mapping_of(job).targets())
    await db.fetch("DELETE FROM import_rejected WHERE job = $1", job["id"])
    await staging.reject_invalid_rows(job["id"])
    samples = await _samples(len(job["columns"]))
    columns = [{**c, "samples": samples.get(c["index"], [])} for c in job["columns"]]
    await staging.drop()
    await db.fetch(
        """UPDATE import_job SET status = 'READY', preview = $2::jsonb, counts = $3::jsonb,
                  columns = $4::jsonb, header_row = $5, sheet = $6, sheets = $7::jsonb,
                  staged_key = $8
           WHERE id = $1""",
        job["id"], json.dumps(outcome.preview, default=str),
        json.dumps(outcome.counts.as_dict()), json.dumps(columns), sheet.header_row,
        sheet.sheet_name, json.dumps(sheet.sheet_names),
        _staged_key(job, sheet.sheet_name, definitions))
    return outcome


async def _samples(width: int) -> dict[int, list[str]]:
    rows = await db.fetch(f"SELECT cells FROM {staging.STAGED} ORDER BY row_number LIMIT 50")
    samples: dict[int, list[str]] = {}
    for row in rows:
        cells = db.json_value(row["cells"])
        for index, cell in enumerate(cells[:width]):
            picked = samples.setdefault(index, [])
            if cell and len(picked) < SAMPLES and cell not in picked:
                picked.append(cell[:100])
    return samples


async def _import(job: dict[str, Any]) -> tuple[staging.Outcome, list[Any]]:
    report = _Reporter(job)
    actor = Actor(job["account"], job["phone_region"], job["actor_user"], job["actor_label"])
    await report("reading", 0, 0.0, force=True)
    # the account's identity decisions wait for this import (one lock, not one per person)
    await lock_values(job["account"], [], whole_account=True)
    definitions = await custom_fields.definitions(job["account"])
    analysed = db.json_value(job["counts"])
    if not (job["staged_key"] is not None
            and job["staged_key"] == _staged_key(job, job["sheet"], definitions)
            and await staging.kept(job["id"], int((analysed or {}).get("rows", 0)))):
        # the analysis' rows are gone (or were made with other definitions): from the file
        _, _, handle = await _staged(job, report)
        handle.close()
        await staging.group_people()
    await report("matching", 0, 0.75, force=True)
    outcome = staging.Outcome()
    await staging.match_people(job["account"])
    await staging.count(outcome)
    await db.fetch("DELETE FROM import_rejected WHERE job = $1", job["id"])
    await staging.reject_invalid_rows(job["id"])
    await report("writing", outcome.counts.valid, 0.85, force=True)
    policy = ErrorPolicy(job["error_policy"])
    written = await staging.write(job["id"], actor, job["duplicates"], outcome,
                                  all_or_nothing=policy is ErrorPolicy.REJECT_FILE,
                                  file_name=job["file_name"], list_up_to=LIVE_EVENTS_UP_TO)
    await staging.drop()
    counts = outcome.counts.as_dict()
    if written is None:
        await _finish(job["id"], Status.FAILED,
                      f"{outcome.counts.rejected} of {outcome.counts.rows} rows cannot be "
                      "imported, so nothing was (the file was to be imported whole).", counts)
        return outcome, []
    await _finish(job["id"], Status.SUCCEEDED, None, counts)
    await db.fetch("DELETE FROM import_file_chunk WHERE job = $1", job["id"])
    return outcome, written


# ---------------------------------------------------------------- undo

async def undo(actor: Actor, job_id: uuid.UUID) -> dict[str, int]:
    """Undo a finished import: the customers it created are deleted (but not one that has
    appointments or messages since: those are kept and counted), and each field it changed is
    restored unless it was changed again since. Returns what was done."""
    async with db.transaction():
        if (await _locked(actor, job_id))["status"] != Status.SUCCEEDED:
            raise _state_error("Only a finished import can be undone.",
                               ImportErrorCode.NOT_UNDOABLE)
        await lock_values(actor.account_id, [], whole_account=True)
        deleted = await db.fetch_records(
            """WITH gone AS (
                   DELETE FROM customer c USING import_change ch
                   WHERE ch.job = $1 AND ch.created AND c.id = ch.customer AND c.account = $2
                     AND NOT EXISTS (SELECT 1 FROM appointment a
                                     WHERE a.account = $2 AND a.customer = c.id)
                     AND NOT EXISTS (SELECT 1 FROM communication m
                                     WHERE m.account = $2 AND m.customer = c.id)
                   RETURNING c.id),
               history AS (
                   INSERT INTO audit_event (id, account, customer_id, actor_user, actor_label,
                                            action, changes, created_at)
                   SELECT gen_random_uuid(), $2, id, $3, $4, 'DELETED',
                          '[{"field": "import", "from": null, "to": "undone"}]'::jsonb,
                          clock_timestamp() FROM gone)
               SELECT id FROM gone""", job_id, actor.account_id, actor.user_id, actor.label)
        created = await db.fetch(
            "SELECT count(*) AS n FROM import_change WHERE job = $1 AND created", job_id)
        restored = await staging.restore(job_id, actor)
        summary = {"deleted": len(deleted), "kept": created[0]["n"] - len(deleted),
                   "restored": len(restored)}
        await db.fetch(
            """UPDATE import_job SET status = 'UNDONE', undone_at = now(),
                      counts = counts || jsonb_build_object('undo', $2::jsonb)
               WHERE id = $1""", job_id, json.dumps(summary))
        await events.publish(actor.account_id, job_id)
        if len(deleted) + len(restored) <= LIVE_EVENTS_UP_TO:
            for row in deleted:
                await customer_events.publish(actor.account_id, row["id"], "deleted")
            for customer_id in restored:
                await customer_events.publish(actor.account_id, customer_id, "updated")
        else:  # the search index must forget the deleted ones: events it reads either way
            for row in deleted:
                await customer_events.publish(actor.account_id, row["id"], "deleted")
    return summary


# ---------------------------------------------------------------- the rejected rows

async def rejected_csv(account_id: uuid.UUID, job_id: uuid.UUID) -> Iterator[str] | None:
    """The rejected rows as CSV text chunks: the file's header and each row as read, plus a
    Reason column; None when the job does not exist."""
    job = await get(account_id, job_id)
    if job is None:
        return None
    header = [c["header"] for c in job["columns"]]
    rows = await db.fetch_records(
        "SELECT row_number, cells, reason FROM import_rejected WHERE job = $1 "
        "ORDER BY row_number", job_id)

    def chunks() -> Iterator[str]:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        out.write("\ufeff")
        writer.writerow(["Row", *header, "Reason"])
        for row in rows:
            cells = db.json_value(row["cells"])
            writer.writerow([row["row_number"], *(_safe(c) for c in cells), row["reason"]])
            if out.tell() > 64 * 1024:
                yield out.getvalue()
                out.seek(0)
                out.truncate()
        yield out.getvalue()

    return chunks()


def _safe(cell: str | None) -> str:
    return neutralise(cell or "")
