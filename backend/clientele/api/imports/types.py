"""An import job as the API shows it."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import Enum
from typing import Annotated, Any

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.types import Customer
from clientele.api.enums import api_enum
from clientele.api.rows import loaded
from clientele.core import ids
from clientele.customers.imports import jobs
from clientele.customers.imports.staging import COUNTED

JobId = Annotated[strawberry.ID, strawberry.argument(description="The import job's ID.")]

ImportJobStatusEnum = api_enum(
    jobs.Status, "ImportJobStatus", "Where an import job is.",
    {"ANALYSING": "The file is being read and checked (the preview is being made).",
     "READY": "Analysed: the preview and counts are there; map again or commit.",
     "QUEUED": "Committed; waiting for a runner.",
     "RUNNING": "Importing (see progress).",
     "SUCCEEDED": "Imported; counts say what happened. Can be undone.",
     "FAILED": "Nothing was imported; error says why.",
     "CANCELLED": "Cancelled before it finished; nothing was imported.",
     "UNDONE": "Imported, then undone."})
DuplicatesEnum = api_enum(
    jobs.Duplicates, "ImportDuplicateStrategy", "What a row does to a customer it matches.",
    {"SKIP": "Leave the existing customer as it is.",
     "FILL": "Fill the existing customer's blank fields; differing values are kept and "
             "recorded as conflicts in its history.",
     "OVERWRITE": "Replace the existing customer's fields with the file's non-blank values.",
     "CREATE": "Create a new customer anyway (a row whose email a customer holds is "
               "rejected: an email belongs to one customer)."})
ErrorPolicyEnum = api_enum(
    jobs.ErrorPolicy, "ImportErrorPolicy", "What rows with errors do to the import.",
    {"IMPORT_VALID": "Import the valid rows; the others go to the rejected-rows file.",
     "REJECT_FILE": "Import nothing when any row is rejected."})


class DuplicateKind(Enum):
    IN_FILE = "IN_FILE"
    EXISTING = "EXISTING"


DuplicateKindEnum = api_enum(
    DuplicateKind, "ImportDuplicateKind", "What a row duplicates.",
    {"IN_FILE": "An earlier row of the file is the same person.",
     "EXISTING": "A customer of the account is the same person."})


@strawberry.type(description="One column of the file and where it goes.")
class ImportColumn:
    index: int = strawberry.field(description="0-based position in the row.")
    header: str = strawberry.field(description="The header cell.")
    target: str | None = strawberry.field(
        description="Where it goes: a key of targets, or null (ignored).")
    suggested: str | None = strawberry.field(description="What the header suggested.")
    samples: list[str] = strawberry.field(description="Up to three values from the file.")


@strawberry.type(description="A field a column can go to.")
class ImportTarget:
    key: str = strawberry.field(description="e.g. email, mobile_phone, custom.member_since.")
    label: str = strawberry.field(description="The field as staff know it.")


@strawberry.type(description="One mapped value of a previewed row.")
class ImportValue:
    target: str = strawberry.field(description="The field.")
    value: str | None = strawberry.field(description="The value as it would be stored.")


@strawberry.type(description="Why a row cannot be imported.")
class ImportRowError:
    field: str = strawberry.field(description="The field at fault.")
    code: str = strawberry.field(description="Machine-readable reason (CustomerErrorCode).")
    message: str = strawberry.field(description="A sentence to show the user.")


@strawberry.type(description="What a previewed row duplicates.")
class ImportDuplicate:
    kind: DuplicateKindEnum = strawberry.field(  # type: ignore[valid-type]
        description="IN_FILE: an earlier row is the same person; EXISTING: a customer is.")
    row_number: int | None = strawberry.field(description="IN_FILE: that earlier row.")
    customer_id: strawberry.ID | None = strawberry.field(description="EXISTING: the customer.")

    customer_pk: strawberry.Private[Any] = None

    @strawberry.field(description="EXISTING: the customer (read:customers).")
    async def customer(self, info: Info) -> Customer | None:
        if self.customer_pk is None or not info.context.principal.can(
                Permission.READ_CUSTOMERS):
            return None
        return await loaded(info.context.loaders.customer_by_id, self.customer_pk,
                            Customer.from_row)


@strawberry.type(description="One of the first rows of the file, as it would be imported.")
class ImportPreviewRow:
    row_number: int = strawberry.field(description="The row's number in the file.")
    values: list[ImportValue] = strawberry.field(description="The mapped values.")
    errors: list[ImportRowError] = strawberry.field(description="Why it would be rejected.")
    duplicate: ImportDuplicate | None = strawberry.field(
        description="The earlier row or customer it is the same person as.")


@strawberry.type(description="What the file holds and what the import did.")
class ImportCounts:
    rows: int = strawberry.field(description="Data rows read.")
    valid: int = strawberry.field(description="Rows without errors.")
    rejected: int = strawberry.field(description="Rows rejected (or that would be).")
    duplicates_in_file: int = strawberry.field(
        description="Valid rows that are the same person as an earlier row of the file.")
    existing: int = strawberry.field(description="People in the file who are customers.")
    created: int = strawberry.field(description="Customers created.")
    updated: int = strawberry.field(description="Existing customers changed.")
    skipped: int = strawberry.field(description="Existing customers left as they were.")


@strawberry.type(description="How far a job is.")
class ImportProgress:
    phase: str = strawberry.field(
        description="waiting, reading, matching, writing or done.")
    processed_rows: int = strawberry.field(description="Rows read so far.")
    fraction: float = strawberry.field(description="0 to 1.")


@strawberry.type(description="An import of a spreadsheet of customers.")
class ImportJob:
    id: strawberry.ID = strawberry.field(description="Global ID of the job.")
    status: ImportJobStatusEnum = strawberry.field(  # type: ignore[valid-type]
        description="Where the job is.")
    file_name: str = strawberry.field(description="The uploaded file's name.")
    sheet: str | None = strawberry.field(description="The workbook sheet read (null: CSV).")
    sheets: list[str] = strawberry.field(description="Every sheet of a workbook.")
    header_row: int | None = strawberry.field(description="The header's row number.")
    columns: list[ImportColumn] = strawberry.field(description="The file's columns.")
    targets: list[ImportTarget] = strawberry.field(
        description="Where a column can go: customer fields, then custom fields.")
    preview_rows: list[ImportPreviewRow] = strawberry.field(
        description="The first 20 data rows as they would be imported.")
    counts: ImportCounts = strawberry.field(description="Counts (after analysis or the run).")
    duplicates: DuplicatesEnum | None = strawberry.field(  # type: ignore[valid-type]
        description="The duplicate strategy chosen at commit.")
    error_policy: ErrorPolicyEnum | None = strawberry.field(  # type: ignore[valid-type]
        description="The error policy chosen at commit.")
    progress: ImportProgress = strawberry.field(description="How far it is.")
    rejected_rows_url: str | None = strawberry.field(
        description="A CSV of the rejected rows (each as read, plus the reason), when any.")
    error: str | None = strawberry.field(description="Why the job failed.")
    created_at: dt.datetime = strawberry.field(description="Uploaded.")
    finished_at: dt.datetime | None = strawberry.field(description="Finished.")
    can_undo: bool = strawberry.field(description="Whether customerImportUndo applies.")

    @classmethod
    def from_job(cls, job: dict[str, Any], targets: list[tuple[str, str]]) -> ImportJob:
        global_id = ids.encode("ImportJob", job["id"])
        counts = {k: int(job["counts"].get(k, 0)) for k in COUNTED}
        progress = job["progress"]
        return cls(
            id=strawberry.ID(global_id), status=ImportJobStatusEnum[job["status"]],
            file_name=job["file_name"], sheet=job["sheet"], sheets=list(job["sheets"]),
            header_row=job["header_row"],
            columns=[ImportColumn(index=c["index"], header=c["header"], target=c["target"],
                                  suggested=c.get("suggested"), samples=c.get("samples", []))
                     for c in job["columns"]],
            targets=[ImportTarget(key=k, label=label) for k, label in targets],
            preview_rows=[_preview_row(r) for r in job["preview"]],
            counts=ImportCounts(**counts),
            duplicates=DuplicatesEnum[job["duplicates"]] if job["duplicates"] else None,
            error_policy=ErrorPolicyEnum[job["error_policy"]] if job["error_policy"] else None,
            progress=ImportProgress(phase=progress.phase, processed_rows=progress.processed,
                                    fraction=progress.fraction),
            rejected_rows_url=f"/import/jobs/{global_id}/rejected.csv"
            if counts["rejected"] else None,
            error=job["error"], created_at=job["created_at"], finished_at=job["finished_at"],
            can_undo=job["status"] == jobs.Status.SUCCEEDED)


def _preview_row(row: dict[str, Any]) -> ImportPreviewRow:
    duplicate = row.get("duplicate")
    return ImportPreviewRow(
        row_number=row["row"],
        values=[ImportValue(target=k, value=None if v is None else str(v))
                for k, v in row["values"]],
        errors=[ImportRowError(field=e["field"], code=e["code"], message=e["message"])
                for e in row["errors"]],
        duplicate=None if duplicate is None else ImportDuplicate(
            kind=DuplicateKindEnum[duplicate["kind"]], row_number=duplicate.get("row"),
            customer_id=strawberry.ID(ids.encode("Customer", duplicate["customer"]))
            if duplicate.get("customer") else None,
            customer_pk=uuid.UUID(duplicate["customer"]) if duplicate.get("customer") else None))
