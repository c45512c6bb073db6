"""Relay building blocks: the Node interface, PageInfo, generic cursor connections."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Generic, TypeVar

import strawberry

from clientele.api.errors import ApiError
from clientele.core.slices import Slice, row_cursor

MAX_PAGE_SIZE = 100
NodeT = TypeVar("NodeT")


@strawberry.interface(description="An object with a globally unique ID (Relay).")
class Node:
    id: strawberry.ID = strawberry.field(
        description="Globally unique ID; pass it to `node(id:)` to fetch the object again."
    )


@strawberry.type(description="Where a page lies within its list (Relay cursor pagination).")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(
        description="Items precede this page (true when `after` was given)."
    )
    start_cursor: str | None = strawberry.field(description="Cursor of the first item.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last item; pass it as `after` for the next page."
    )


@strawberry.type(description="An item of a list with its cursor.")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(description="Opaque cursor of this item.")
    node: NodeT = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list, keyset-paginated, with the list's total.")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]] = strawberry.field(description="The items of this page.")
    page_info: PageInfo = strawberry.field(description="Pagination state of this page.")
    _total: strawberry.Private[int | Callable[[], Awaitable[int]]]

    @strawberry.field(description="Number of items in the whole list (all pages).")
    async def total_count(self) -> int:
        if callable(self._total):
            return await self._total()
        return self._total


FIRST = Annotated[int, strawberry.argument(description="Page size, 0 to 100.")]
AFTER = Annotated[str | None, strawberry.argument(
    description="Cursor after which the page starts (`pageInfo.endCursor`).")]


def check_first(first: int) -> int:
    if not 0 <= first <= MAX_PAGE_SIZE:
        raise ApiError(f"`first` must be between 0 and {MAX_PAGE_SIZE}; got {first}.",
                       "BAD_PAGE_SIZE")
    return first


def make_connection(
    nodes: list[NodeT],
    cursors: list[str],
    has_next_page: bool,
    after: str | None,
    total: int | Callable[[], Awaitable[int]],
) -> Connection[NodeT]:
    return Connection(
        edges=[Edge(cursor=c, node=n) for c, n in zip(cursors, nodes, strict=True)],
        page_info=PageInfo(
            has_next_page=has_next_page,
            has_previous_page=after is not None,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        ),
        _total=total,
    )


def slice_connection(page: Slice, node: Callable[[Any], NodeT], order_column: str,
                     after: str | None) -> Connection[NodeT]:
    """A keyset page of rows (core.slices) as a connection: each row as `node` builds it, its
    cursor from `order_column` and the id."""
    return make_connection([node(r) for r in page.rows],
                           [row_cursor(r, order_column) for r in page.rows],
                           page.has_next_page, after, page.total)
