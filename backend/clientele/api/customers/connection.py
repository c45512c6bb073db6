"""The customer list's connection: each edge also tells why it matched a search."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import strawberry

from clientele.api.customers.search import SearchMatch
from clientele.api.customers.types import Customer
from clientele.api.fields import optional
from clientele.api.relay import Connection, Edge, make_connection


@strawberry.type(name="CustomerEdge", description="A customer of a list with its cursor.")
class CustomerEdge(Edge[Customer]):
    match: SearchMatch | None = optional(
        "Why the customer matched `search`; null without a search.")


@strawberry.type(name="CustomerConnection",
                 description="A page of customers, keyset-paginated, with the list's total.")
class CustomerConnection(Connection[Customer]):
    edges: list[CustomerEdge] = strawberry.field(  # type: ignore[assignment]
        description="The customers of this page.")


def customer_connection(nodes: list[Customer], cursors: list[str],
                        matches: list[SearchMatch | None], has_next_page: bool,
                        after: str | None,
                        total: Callable[[], Awaitable[int]]) -> CustomerConnection:
    page = make_connection(nodes, cursors, has_next_page, after, total)
    return CustomerConnection(
        edges=[CustomerEdge(cursor=e.cursor, node=e.node, match=m)
               for e, m in zip(page.edges, matches, strict=True)],
        page_info=page.page_info, _total=total)
