"""customerImportCommit: import an analysed job with a duplicate strategy and error policy."""

from __future__ import annotations

from typing import Annotated

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.enums import to_domain
from clientele.api.errors import parse_id
from clientele.api.imports.mutations.payloads import CustomerImportPayload
from clientele.api.imports.types import DuplicatesEnum, ErrorPolicyEnum
from clientele.api.mutation import mutation
from clientele.customers.imports import jobs


@strawberry.input(description="The analysed job and how to import it.")
class CustomerImportCommitInput:
    job_id: strawberry.ID = strawberry.field(description="The job (status READY).")
    duplicates: DuplicatesEnum = strawberry.field(
        description="What a row does to a customer it matches.")
    error_policy: ErrorPolicyEnum = strawberry.field(
        description="Import the valid rows, or nothing when any row is rejected.")


@mutation(Permission.IMPORT_CUSTOMERS, Permission.ADD_CUSTOMERS,
          description="Import an analysed job in the background (importProgress): all its "
                      "rows in one transaction, so it is imported whole or not at all.")
async def customer_import_commit(
    info: Info, input: Annotated[CustomerImportCommitInput, strawberry.argument(
        description="The job and the choices.")],
) -> CustomerImportPayload:
    actor = info.context.actor
    job_id = parse_id(str(input.job_id), "ImportJob", "jobId")
    await jobs.commit(actor, job_id, to_domain(input.duplicates, jobs.Duplicates),
                      to_domain(input.error_policy, jobs.ErrorPolicy))
    return await CustomerImportPayload.of(actor.account_id, job_id)
