"""The account a CLI command works on (`--account SLUG`, else the default account), in a
migrated database: shared by `clientele sync`, `import` and `export`."""

from __future__ import annotations

import sys
from typing import Any

from clientele import database
from clientele.settings import Settings


async def command_account(settings: Settings, slug: str | None) -> Any | None:
    """The account, or None after telling standard error that no account has that slug."""
    from clientele.accounts.services import ensure_default_account, get_account_by_slug

    await database.migrated(settings)
    if not slug:
        return await ensure_default_account(settings.default_phone_region)
    account = await get_account_by_slug(slug)
    if account is None:
        print(f"no account with the slug {slug!r}", file=sys.stderr)
    return account
