"""customerImportPreview: upload a file (or map an uploaded one again) and get it analysed."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.file_uploads import Upload

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.imports.mutations.payloads import CustomerImportPayload
from clientele.api.mutation import mutation
from clientele.core.errors import DomainError
from clientele.customers.imports import jobs
from clientele.customers.imports.errors import ImportErrorCode


@strawberry.input(description="A column of the file and where it goes.")
class ImportMappingInput:
    column: int = strawberry.field(description="0-based column index.")
    target: str | None = strawberry.field(
        description="A key of ImportJob.targets; null ignores the column.")


@strawberry.input(description="A new file, or a new sheet or mapping for an uploaded one.")
class CustomerImportPreviewInput:
    file: Upload | None = strawberry.field(
        default=None, description="The spreadsheet (CSV, XLSX, XLS or ODS; multipart request).")
    job_id: strawberry.ID | None = strawberry.field(
        default=None, description="An uploaded job to analyse again (instead of a file).")
    sheet: str | None = strawberry.field(default=None,
                                         description="The workbook's sheet to read.")
    mapping: list[ImportMappingInput] | None = strawberry.field(
        default=None, description="Where each column goes (columns not named are ignored). "
                                  "Omitted: the suggestion, or the job's current mapping.")


def _refuse(field: str, message: str) -> DomainError:
    return DomainError.single(field, message, ImportErrorCode.INVALID)


@mutation(Permission.IMPORT_CUSTOMERS, Permission.ADD_CUSTOMERS,
          description="Upload a spreadsheet of customers (or map an uploaded one again): it is "
                      "analysed in the background (importProgress) into a preview with "
                      "counts, row errors and duplicates. Nothing is imported yet.")
async def customer_import_preview(
    info: Info, input: Annotated[CustomerImportPreviewInput, strawberry.argument(
        description="The file, or the job and its new sheet or mapping.")],
) -> CustomerImportPayload:
    actor = info.context.actor
    chosen = None if input.mapping is None else {m.column: m.target for m in input.mapping}
    if (input.file is None) == (input.job_id is None):
        raise _refuse("file", "Send either a file or the jobId of an uploaded one.")
    if input.file is not None:
        if not hasattr(input.file, "read") or not hasattr(input.file, "file"):
            raise _refuse("file", "Send the file as a multipart upload "
                                  "(GraphQL multipart request).")
        job_id = await jobs.create(actor, getattr(input.file, "filename", None) or "upload",
                                  input.file.file)
        if input.sheet is not None or chosen is not None:
            await jobs.remap(actor, job_id, input.sheet, chosen)
    else:
        job_id = parse_id(str(input.job_id), "ImportJob", "jobId")
        await jobs.remap(actor, job_id, input.sheet, chosen)
    return await CustomerImportPayload.of(actor.account_id, job_id)
