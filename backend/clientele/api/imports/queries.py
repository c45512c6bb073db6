"""importJob(id)."""

from __future__ import annotations

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.errors import decode_id
from clientele.api.imports.types import ImportJob, JobId
from clientele.api.permissions import require
from clientele.customers import custom_fields
from clientele.customers.imports import jobs


async def job_of(account_id: object, job_id: object) -> ImportJob | None:
    job = await jobs.get(account_id, job_id)  # type: ignore[arg-type]
    if job is None:
        return None
    return ImportJob.from_job(job, jobs.targets(await custom_fields.definitions(job["account"])))


@strawberry.type
class ImportQueries:
    @strawberry.field(description="An import job of your account (import:customers).")
    async def import_job(self, info: Info, id: JobId) -> ImportJob | None:
        require(info, Permission.IMPORT_CUSTOMERS)
        return await job_of(info.context.account.id, decode_id(id, "ImportJob"))
