"""Permissions and the built-in roles."""

from __future__ import annotations

from enum import Enum


class Permission(str, Enum):
    READ_CUSTOMERS = "read:customers"
    ADD_CUSTOMERS = "add:customers"
    EDIT_CUSTOMERS = "edit:customers"
    DELETE_CUSTOMERS = "delete:customers"
    EDIT_BLOCKED_CUSTOMERS = "edit:blocked-customers"
    IMPORT_CUSTOMERS = "import:customers"
    EXPORT_CUSTOMERS = "export:customers"
    MANAGE_SETTINGS = "manage:settings"
    MANAGE_USERS = "manage:users"


ALL = frozenset(Permission)

BUILTIN_ROLES: dict[str, frozenset[Permission]] = {
    "admin": ALL,
    "manager": ALL - {Permission.MANAGE_USERS},
    "staff": frozenset({Permission.READ_CUSTOMERS, Permission.ADD_CUSTOMERS,
                        Permission.EDIT_CUSTOMERS}),
    "read-only": frozenset({Permission.READ_CUSTOMERS}),
}


def parse(names: list[str] | tuple[str, ...]) -> frozenset[Permission]:
    """Permission names from the database; unknown names (from a newer version) are ignored."""
    known = {p.value: p for p in Permission}
    return frozenset(known[n] for n in names if n in known)
