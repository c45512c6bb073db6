"""customerImportUndo: take a finished import back."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.imports.mutations.payloads import CustomerImportPayload
from clientele.api.imports.types import JobId
from clientele.api.mutation import mutation
from clientele.customers.imports import jobs


@mutation(Permission.IMPORT_CUSTOMERS, Permission.ADD_CUSTOMERS,
          description="Undo a finished import: the customers it created are deleted (except "
                      "those with appointments or messages since), the fields it changed get "
                      "their earlier values back (unless changed again since).")
async def customer_import_undo(info: Info, job_id: JobId) -> CustomerImportPayload:
    actor = info.context.actor
    pk = parse_id(str(job_id), "ImportJob", "jobId")
    await jobs.undo(actor, pk)
    return await CustomerImportPayload.of(actor.account_id, pk)
