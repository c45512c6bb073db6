"""The payload every import mutation returns: the job."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.errors import parse_id
from clientele.api.fields import optional
from clientele.api.imports.errors import CustomerImportError
from clientele.api.imports.queries import job_of
from clientele.api.imports.types import ImportJob, JobId
from clientele.api.mutation import Payload, mutation


@strawberry.type(description="Result of a customerImport… mutation.")
class CustomerImportPayload(Payload, errors=CustomerImportError,
                            why="Why the step was refused (file, mapping or the job's state)."):
    job: ImportJob | None = optional("The job (null on error).")

    @classmethod
    async def of(cls, account_id: object, job_id: object) -> CustomerImportPayload:
        return cls(job=await job_of(account_id, job_id))


def job_step(step: Callable[..., Awaitable[Any]], description: str) -> Any:
    """The mutation that takes a job one step on (import:customers and add:customers):
    `step(actor, job id)` from customers.imports.jobs, then the job as it is now."""

    async def resolve(info: Info, job_id: JobId) -> CustomerImportPayload:
        actor = info.context.actor
        pk = parse_id(str(job_id), "ImportJob", "jobId")
        await step(actor, pk)
        return await CustomerImportPayload.of(actor.account_id, pk)

    return mutation(Permission.IMPORT_CUSTOMERS, Permission.ADD_CUSTOMERS,
                    description=description)(resolve)
