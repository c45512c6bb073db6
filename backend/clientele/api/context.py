"""The typed per-request context: who is asking (account) and the request's dataloaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.types import Info as _Info

from clientele.accounts.services import AccountInfo
from clientele.api.loaders import Loaders


@dataclass
class Context:
    account: AccountInfo
    loaders: Loaders = field(init=False)
    request: Any = None
    response: Any = None

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.account.id)


Info = _Info[Context, None]
