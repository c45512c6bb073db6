"""customerImportCancel: stop a job that has not finished."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.imports.mutations.payloads import CustomerImportPayload
from clientele.api.imports.types import JobId
from clientele.api.mutation import mutation
from clientele.customers.imports import jobs


@mutation(Permission.IMPORT_CUSTOMERS, Permission.ADD_CUSTOMERS,
          description="Cancel a job before it finishes: nothing of it is imported (a running "
                      "import rolls back within one batch of rows).")
async def customer_import_cancel(info: Info, job_id: JobId) -> CustomerImportPayload:
    actor = info.context.actor
    pk = parse_id(str(job_id), "ImportJob", "jobId")
    await jobs.cancel(actor, pk)
    return await CustomerImportPayload.of(actor.account_id, pk)
