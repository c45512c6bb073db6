""""Principal revoked": a credential ended or its permissions changed, announced to every instance.

Open WebSockets and SSE streams authenticated before the change keep the principal they were
opened with; each instance listens on this channel (api/live.py) and ends the connections the
revocation names. The rule: a connection ends exactly when the credential it rode on ends or
its permissions change.

- `token` (token id): the API token was revoked.
- `session` (session id): the browser session was logged out.
- `user` (user id): the user was deactivated or given another role: every session and token
  of theirs is affected (their effective permissions changed or they may no longer sign in).
- `user_sessions` (user id): the user's password changed: their sessions were ended (anyone
  who knew the old password may hold one); their API tokens are separate credentials and stay.
- `role` (role id): the role's permissions changed: every user holding it is affected.

Messages carry ids only, like every event (`{"account", "kind", "id"}`), and are published after
the write commits, so an instance that receives one reads the new state if it looks.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from clientele.accounts.principal import Principal
from clientele.core import pubsub

CHANNEL = "principal_revoked"
KINDS = ("token", "session", "user", "user_sessions", "role")


@dataclass(frozen=True)
class Revocation:
    kind: str
    id: uuid.UUID

    def affects(self, principal: Principal) -> bool:
        if self.kind == "token":
            return principal.token_id == self.id
        if self.kind == "session":
            return principal.session_id == self.id
        if self.kind == "user":
            return principal.user_id == self.id
        if self.kind == "user_sessions":
            return principal.user_id == self.id and principal.session_id is not None
        if self.kind == "role":
            return principal.role_id == self.id
        return False


async def announce(account_id: uuid.UUID, kind: str, id: uuid.UUID) -> None:
    """Call after the write has committed (pubsub.publish is best effort: a broker outage is
    logged, and the periodic re-check in api/live.py ends the connections later)."""
    assert kind in KINDS, kind
    await pubsub.publish(CHANNEL, {"account": str(account_id), "kind": kind, "id": str(id)})


def from_message(message: Any) -> Revocation | None:
    """The revocation a channel message describes; None for anything else (a message from a
    newer or older instance with another kind is ignored rather than fatal)."""
    if not isinstance(message, dict) or message.get("kind") not in KINDS:
        return None
    try:
        return Revocation(message["kind"], uuid.UUID(str(message.get("id"))))
    except ValueError:
        return None
