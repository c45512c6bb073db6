"""The `sync_run` channel: a calendar sync run finished (or failed, or was found interrupted).

Messages carry ids only: `{"account", "id", "source"}` (the run and its calendar source).
The live `syncRunFinished` subscription reloads the run (api/calendar_sync/subscriptions.py).
Appointment events of a run are on the appointments' channel (appointments/events.py).
"""

from __future__ import annotations

import uuid
from typing import Any

from clientele.core import pubsub

CHANNEL = "sync_run"


def payload(account_id: uuid.UUID, run_id: uuid.UUID, source_id: uuid.UUID) -> dict[str, Any]:
    return {"account": str(account_id), "id": str(run_id), "source": str(source_id)}


async def publish(account_id: uuid.UUID, run_id: uuid.UUID, source_id: uuid.UUID) -> None:
    await pubsub.publish(CHANNEL, payload(account_id, run_id, source_id))
