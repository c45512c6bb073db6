"""The `import` channel: an import job's progress or status changed (`{"account", "id"}`).

Subscribers are the live `importProgress` subscription, which loads the job. `wake` tells this
process's runner that there is work (other instances find it within `runner.POLL_SECONDS`).
`finished` records the partners' `import.finished` webhook with the job's final status, in
the transaction that writes it (webhooks/outbox.py).
"""

from __future__ import annotations

import uuid
from typing import Any

from clientele.core import ids, pubsub, wakeup
from clientele.webhooks import outbox
from clientele.webhooks.enums import WebhookEventType

CHANNEL = "import"
_work = wakeup.Signal()


def payload(account_id: uuid.UUID, job_id: uuid.UUID) -> dict[str, Any]:
    return {"account": str(account_id), "id": str(job_id)}


async def publish(account_id: uuid.UUID, job_id: uuid.UUID) -> None:
    await pubsub.publish(CHANNEL, payload(account_id, job_id))


async def finished(account_id: uuid.UUID, job_id: uuid.UUID, status: str,
                   counts: dict[str, Any] | None) -> None:
    """The job ended (SUCCEEDED, FAILED or CANCELLED) with these counts (figures only)."""
    await outbox.record(account_id, WebhookEventType.IMPORT_FINISHED, {
        "id": ids.encode("ImportJob", job_id), "status": status,
        "counts": {k: v for k, v in (counts or {}).items() if isinstance(v, int)}})


def wake() -> None:
    _work.set()


async def work(timeout: float) -> None:
    """Until `wake` is called or `timeout` seconds have passed."""
    await _work.wait(timeout)
