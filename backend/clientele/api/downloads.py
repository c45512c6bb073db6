"""What the plain-HTTP download endpoints share (exports, import files): the signed-in
principal holding a permission (set by the `Authentication` middleware), and the headers of
an attachment."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from clientele.accounts.permissions import Permission
from clientele.accounts.principal import Principal
from clientele.api.errors import http_error


def holder(request: Request, permission: Permission) -> Principal | Response:
    """The signed-in principal with `permission`, or the error response to send instead."""
    principal = request.scope.get("state", {}).get("principal")
    if principal is None or not principal.authenticated:
        return http_error(401, "Log in or send an API token (Authorization: Bearer …).",
                          "UNAUTHENTICATED")
    if not principal.can(permission):
        return http_error(403, f"This needs the permission {permission.value}.", "FORBIDDEN")
    return principal


def attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
