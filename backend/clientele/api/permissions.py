"""Permission checks: every resolver that reads or writes calls `require` first."""

from __future__ import annotations

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.errors import ApiError


def require(info: Info, *permissions: Permission) -> None:
    """UNAUTHENTICATED without a login or token; FORBIDDEN without every permission named."""
    principal = info.context.principal
    if not principal.authenticated:
        raise ApiError("Log in or send an API token (Authorization: Bearer …).",
                       "UNAUTHENTICATED")
    missing = [p.value for p in permissions if not principal.can(p)]
    if missing:
        raise ApiError(f"This needs the permission {', '.join(missing)}.", "FORBIDDEN")


def require_login(info: Info) -> None:
    require(info)
