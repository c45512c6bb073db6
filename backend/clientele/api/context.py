"""The typed per-request context: who is asking (principal) and the request's dataloaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.types import Info as _Info

from clientele.accounts.principal import Actor, Principal
from clientele.accounts.services import AccountInfo
from clientele.api.loaders import Loaders


@dataclass
class Context:
    principal: Principal
    request: Any = None
    response: Any = None
    connection_params: Any = None
    _loaders: Loaders | None = field(default=None, init=False, repr=False)

    @property
    def loaders(self) -> Loaders:
        """The request's dataloaders, made when first used (a compiled query needs none)."""
        if self._loaders is None:
            self._loaders = Loaders(self.principal.account.id)
        return self._loaders

    @property
    def account(self) -> AccountInfo:
        return self.principal.account

    @property
    def actor(self) -> Actor:
        return self.principal.actor

    def become(self, principal: Principal) -> None:
        """Switch to another principal (WebSocket connection_init), with fresh loaders."""
        self.principal = principal
        self._loaders = None


Info = _Info[Context, None]
