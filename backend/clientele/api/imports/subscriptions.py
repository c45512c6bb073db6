"""importProgress(jobId): the job, each time its progress or status changes."""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from typing import Any

import strawberry

from clientele.accounts.permissions import Permission
from clientele.accounts.principal import Principal
from clientele.api.context import Info
from clientele.api.imports.queries import job_of
from clientele.api.imports.types import ImportJob, JobId
from clientele.api.subscription import LiveEvents
from clientele.customers.imports.events import CHANNEL


async def _job(principal: Principal, message: Any) -> ImportJob | None:
    return await job_of(principal.account.id, uuid.UUID(message["id"]))


PROGRESS = LiveEvents(CHANNEL, _job, "id", "ImportJob", Permission.IMPORT_CUSTOMERS)


@strawberry.type
class ImportSubscriptions:
    @strawberry.subscription(description="An import job each time its progress or status "
                                         "changes (import:customers).")
    def import_progress(self, info: Info, job_id: JobId) -> AsyncGenerator[ImportJob, None]:
        return PROGRESS.of(info, job_id)
