"""The payload every import mutation returns: the job."""

from __future__ import annotations

import strawberry

from clientele.api.fields import optional
from clientele.api.imports.errors import CustomerImportError
from clientele.api.imports.queries import job_of
from clientele.api.imports.types import ImportJob
from clientele.api.mutation import Payload


@strawberry.type(description="Result of a customerImport… mutation.")
class CustomerImportPayload(Payload, errors=CustomerImportError,
                            why="Why the step was refused (file, mapping or the job's state)."):
    job: ImportJob | None = optional("The job (null on error).")

    @classmethod
    async def of(cls, account_id: object, job_id: object) -> CustomerImportPayload:
        return cls(job=await job_of(account_id, job_id))
