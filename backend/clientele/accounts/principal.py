"""Who is asking: a staff user (session or API token), the system, or an anonymous visitor."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from clientele.accounts.permissions import ALL, Permission
from clientele.accounts.services import AccountInfo


@dataclass(frozen=True)
class Actor:
    """Who does a write, for scoping and the audit history."""

    account_id: uuid.UUID
    phone_region: str
    user_id: uuid.UUID | None
    label: str


@dataclass(frozen=True)
class Principal:
    account: AccountInfo
    permissions: frozenset[Permission]
    user_id: uuid.UUID | None = None
    name: str = ""
    via: str = "anonymous"  # session | token | system | anonymous
    session_id: uuid.UUID | None = None
    csrf_token: str | None = None
    token_id: uuid.UUID | None = None
    role_id: uuid.UUID | None = None
    # time.monotonic() before the credential was read: a revocation this process saw after it
    # may not be reflected yet (api/live.py checks the ones it saw since)
    resolved_at: float = field(default=0.0, compare=False)

    @property
    def authenticated(self) -> bool:
        return self.via != "anonymous"

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    @property
    def actor(self) -> Actor:
        return Actor(self.account.id, self.account.default_phone_region, self.user_id,
                     self.name or self.via)

    @classmethod
    def system(cls, account: AccountInfo, label: str = "system") -> Principal:
        return cls(account=account, permissions=ALL, name=label, via="system")

    @classmethod
    def anonymous(cls, account: AccountInfo) -> Principal:
        return cls(account=account, permissions=frozenset(), via="anonymous")
