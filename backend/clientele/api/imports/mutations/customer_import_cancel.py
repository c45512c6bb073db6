"""customerImportCancel: stop a job that has not finished."""

from __future__ import annotations

from clientele.api.imports.mutations.payloads import job_step
from clientele.customers.imports import jobs

customer_import_cancel = job_step(
    jobs.cancel,
    "Cancel a job before it finishes: nothing of it is imported (a running import rolls back "
    "within one batch of rows).")
