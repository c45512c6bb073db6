"""First users of an account: the demo logins of a development database, and in production
the instruction for creating the first admin (there are no known credentials there: nothing is
seeded, and the first admin is made by someone with shell access to the deployment)."""

from __future__ import annotations

import logging
from typing import Any

from clientele.accounts import roles, users
from clientele.accounts.services import AccountInfo
from clientele.core import db

log = logging.getLogger(__name__)

DEMO_PASSWORD = "clientele-demo"  # printed at first start; development data only
FIRST_ADMIN_HINT = """No staff user yet. Create the first admin (the password is asked for, or
read from CLIENTELE_PASSWORD):
  clientele user create --admin --email you@example.com --name "Your Name"
With docker compose: docker compose run --rm app clientele user create --admin --email …"""
DEMO_USERS = (("admin", "Ada Admin"), ("manager", "Max Manager"), ("staff", "Sam Staff"),
              ("read-only", "Rita Reader"))


def demo_email(role: str, account: AccountInfo) -> str:
    return f"{role}@{account.slug}.example.com"


async def has_users(account: AccountInfo) -> bool:
    return bool(await db.fetch("SELECT 1 FROM staff_user WHERE account = $1 LIMIT 1",
                               account.id))


async def create_demo_users(account: AccountInfo) -> list[tuple[str, str]]:
    """One user per built-in role, unless the account has users already."""
    if await has_users(account):
        return []
    role_ids = await roles.ensure_builtin_roles(account.id)
    created = []
    for role, name in DEMO_USERS:
        email = demo_email(role, account)
        await users.create_user(account.id, email, name, DEMO_PASSWORD, role_ids[role])
        created.append((email, role))
    return created


async def create_user_with_role(account: AccountInfo, email: str, name: str, password: str,
                                role: str) -> Any:
    role_ids = await roles.ensure_builtin_roles(account.id)
    return await users.create_user(account.id, email, name, password, role_ids[role])
