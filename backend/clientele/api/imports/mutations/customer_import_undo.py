"""customerImportUndo: take a finished import back."""

from __future__ import annotations

from clientele.api.imports.mutations.payloads import job_step
from clientele.customers.imports import jobs

customer_import_undo = job_step(
    jobs.undo,
    "Undo a finished import: the customers it created are deleted (except those with "
    "appointments or messages since), the fields it changed get their earlier values back "
    "(unless changed again since).")
