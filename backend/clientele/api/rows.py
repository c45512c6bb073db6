"""GraphQL objects from database rows: fields stored as they are shown, and objects that a
request's dataloader finds by primary key."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader

T = TypeVar("T")


def columns(row: Any, *names: str) -> dict[str, Any]:
    """The values of the fields that show their column as it is stored (same name)."""
    return {name: row[name] for name in names}


async def loaded(loader: DataLoader[Any, Any], pk: Any, build: Callable[[Any], T]) -> T | None:
    """The object with primary key `pk` as `build` makes it from its row; None without a key
    or when no row (of the caller's account) has it."""
    if pk is None:
        return None
    row = await loader.load(pk)
    return build(row) if row else None
