"""A compiled tree plus one request's arguments → one SQL statement whose single value is the
response's `data` as JSON text.

Every list is read as core/slices.py and customers/listing.py read it (the same order, keyset
condition, page size + 1 for hasNextPage, the same totals), every object within the caller's
account. Arguments the resolvers would refuse (a page size out of range, a cursor that does not
decode, a malformed ID) raise Refused: the resolvers then answer the whole root field, errors
and all.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLField, GraphQLSchema
from graphql.execution.values import VariableValues, get_argument_values
from strawberry.types.arguments import convert_arguments

from clientele.api.compiled import sql
from clientele.api.compiled.compiler import (
    Compiled,
    Const,
    EdgeNode,
    Fallback,
    LeafSel,
    NestedSel,
    NextSel,
    PageSel,
    RelatedSel,
    Sel,
)
from clientele.api.relay import MAX_PAGE_SIZE
from clientele.appointments.enums import AppointmentWhen
from clientele.appointments.services import WHEN_SQL
from clientele.core.cursors import InvalidCursor, decode_cursor
from clientele.core.ids import InvalidGlobalId, decode_as
from clientele.customers import filters, listing


class Refused(Exception):
    """The resolvers would answer this with an error: let them."""


def _name(value: Any) -> Any:
    return getattr(value, "name", value)


@dataclass
class Source:
    """Where a page's rows come from: `FROM … WHERE …` with the row alias x, the sort column
    and its kind (str or datetime), and the conditions without the keyset for the total."""
    from_where: str
    order: str
    kind: type
    descending: bool


class Renderer:
    def __init__(self, schema: GraphQLSchema, variables: VariableValues,
                 fallbacks: list[tuple[Fallback, str]]) -> None:
        self.schema = schema
        self.params = sql.Params()
        self.variables = variables
        self.account = ""
        self.account_id = uuid.UUID(int=0)
        self.counter = 0
        self.fallbacks = fallbacks  # (subtree, the row alias it hangs on) in render order

    def _alias(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def _args(self, field_def: GraphQLField, node: Any) -> dict[str, Any]:
        return get_argument_values(field_def, node, self.variables)

    # --- statement -----------------------------------------------------------------------
    def statement(self, account_id: uuid.UUID, roots: list[Compiled]) -> str:
        self.account_id = account_id
        self.account = self.params.add(account_id, "::uuid")
        parts = []
        for root in roots:
            parts.append(f"{sql.literal(root.key)}, ({self.root(root)})")
        return f"SELECT json_build_object({', '.join(parts)})::text"

    def root(self, root: Compiled) -> str:
        if root.name == "customer":
            args = self._args(root.field_def, root.node)
            try:
                pk = decode_as(str(args["id"]), "Customer")
            except InvalidGlobalId as exc:
                raise Refused from exc
            t = self._alias("t")
            assert isinstance(root.body, Sel)
            return (f"SELECT {self.object(root.body, t)} FROM customer {t} "
                    f"WHERE {t}.account = {self.account} AND {t}.id = "
                    f"{self.params.add(pk, '::uuid')}")
        assert isinstance(root.body, PageSel)
        return self.page(root.body, self._customer_list(root))

    # --- objects -------------------------------------------------------------------------
    def object(self, sel: Sel, alias: str) -> str:
        return "json_build_object(" + ", ".join(
            f"{sql.literal(key)}, {self.entry(entry, alias)}" for key, entry in sel.entries
        ) + ")"

    def entry(self, entry: Any, alias: str) -> str:
        if isinstance(entry, LeafSel):
            return entry.leaf.render(alias)
        if isinstance(entry, Const):
            return entry.sql
        if isinstance(entry, NestedSel):
            return self.object(entry.sel, alias)
        if isinstance(entry, RelatedSel):
            t = self._alias("t")
            related = entry.related
            return (f"(SELECT {self.object(entry.sel, t)} FROM {related.table} {t} "
                    f"WHERE {t}.account = {self.account} AND {t}.id = {alias}.{related.key})")
        if isinstance(entry, NextSel):  # appointments.next_for_customers
            t = self._alias("t")
            return (f"(SELECT {self.object(entry.sel, t)} FROM (SELECT * FROM appointment x "
                    f"WHERE x.account = {self.account} AND x.customer = {alias}.id "
                    f"AND x.ends_at > now() AND x.status <> 'CANCELLED' "
                    f"ORDER BY x.starts_at, x.id LIMIT 1) {t})")
        if isinstance(entry, PageSel):
            return self.page(entry, self._child_source(entry, alias))
        if isinstance(entry, Fallback):
            self.fallbacks.append((entry, alias))
            return (f"json_build_object('{FALLBACK_MARK}', {len(self.fallbacks) - 1}, "
                    f"'id', {alias}.id)")
        raise AssertionError(entry)

    def _typed(self, field_def: GraphQLField, args: dict[str, Any]) -> dict[str, Any]:
        strawberry_field = field_def.extensions["strawberry-definition"]
        schema = self.schema._strawberry_schema  # type: ignore[attr-defined]
        return convert_arguments(args, strawberry_field.arguments,
                                 schema.schema_converter.scalar_registry, schema.config)

    # --- lists ---------------------------------------------------------------------------
    def _first(self, args: dict[str, Any]) -> int:
        first = args["first"]
        if not isinstance(first, int) or not 0 <= first <= MAX_PAGE_SIZE:
            raise Refused
        return first

    def _keyset(self, after: Any, source: Source, prefix: str = "AND") -> str:
        if after is None:
            return ""
        try:
            value, last_id = decode_cursor(after, (source.kind, uuid.UUID))
        except InvalidCursor as exc:
            raise Refused from exc
        op = "<" if source.descending else ">"
        cast = "::timestamptz" if source.kind is dt.datetime else "::text"
        return (f" {prefix} ({source.order}, x.id) {op} ({self.params.add(value, cast)}, "
                f"{self.params.add(last_id, '::uuid')})")

    def _child_source(self, page: PageSel, parent: str) -> tuple[Source, dict[str, Any]]:
        spec = page.page
        assert spec is not None
        args = self._args(page.field_def, page.node)
        descending = spec.descending if spec.descending is not None else \
            _name(args.get("direction")) == "DESC"
        where = f"x.account = {self.account} AND x.{spec.parent_key} = {parent}.id"
        if "when" in spec.filters:
            where += " " + WHEN_SQL[AppointmentWhen[_name(args.get("when"))]]
        if "medium" in spec.filters and args.get("medium") is not None:
            where += f" AND x.medium = {self.params.add(_name(args['medium']), '::text')}"
        if "status" in spec.filters and args.get("status") is not None:
            status = _name(args["status"])
            wanted = ["PENDING", "SENDING"] if status == "PENDING" else [status]
            where += f" AND x.status = ANY({self.params.add(wanted, '::text[]')})"
        source = Source(f"FROM {spec.table} x WHERE {where}", f"x.{spec.order_column}",
                        dt.datetime, descending)
        return source, args

    def _customer_list(self, root: Compiled) -> tuple[Source, dict[str, Any]]:
        """customers(): as api/customers/queries.py and customers/listing.py list them,
        without a search (the search index ranks in Python: the resolvers answer those)."""
        from clientele.api.customers.queries import _domain_filter

        args = self._args(root.field_def, root.node)
        typed = self._typed(root.field_def, args)  # input objects as the resolver gets them
        filt, order_by = typed.get("filter"), typed.get("order_by")
        text = args.get("search") if args.get("search") is not None else \
            (filt.search if filt is not None else None)
        if text and text.strip():
            raise Refused
        try:
            domain_filter = _domain_filter(filt)
        except Exception as exc:  # the resolver's ApiError
            raise Refused from exc
        if domain_filter.needs_definitions():
            raise Refused
        order = listing.CustomerOrderField[order_by.field.name] if order_by else \
            listing.CustomerOrderField.NAME
        if order is listing.CustomerOrderField.RELEVANCE:
            order = listing.CustomerOrderField.NAME  # nothing to rank by (listing._plan)
        descending = order_by is not None and order_by.direction.name == "DESC"
        expression, kind = listing.SORT_KEY[order]
        conditions = filters.where(self.account_id, domain_filter,
                                   _Bound(self.params, self.account_id, self.account))
        return Source(f"FROM (SELECT customer.*, {expression} AS sort_key FROM customer "
                      f"WHERE {conditions.sql()}) x WHERE TRUE", "x.sort_key", kind,
                      descending), args

    def page(self, page: PageSel, source_args: tuple[Source, dict[str, Any]]) -> str:
        source, args = source_args
        first = self.params.add(self._first(args), "::int")
        after = args.get("after")
        keyset = self._keyset(after, source)
        direction = "DESC" if source.descending else "ASC"
        order = f"{source.order} {direction}, x.id {direction}"
        e, pg = self._alias("e"), self._alias("pg")
        sort_json = sql.time_key if source.kind is dt.datetime else sql.text_key
        cursor = sql.cursor(sort_json(source.order), "x.id")
        needs_rows = any(isinstance(c, Sel) or (isinstance(c, Const) and c.sql == "edges")
                         for _, c in page.connection.entries)
        aggregates = ["count(*) AS n"]
        for key, edge in page.edges.items():
            body = ", ".join(f"{sql.literal(k)}, {self._edge_entry(v, e)}"
                             for k, v in edge.entries)
            aggregates.append(
                f"coalesce(json_agg(json_build_object({body}) ORDER BY {e}._rn) "
                f"FILTER (WHERE {e}._rn <= {first}), '[]'::json) AS {_column(key)}")
        aggregates.append(f"(array_agg({e}._cur ORDER BY {e}._rn) FILTER "
                          f"(WHERE {e}._rn <= {first}))[1] AS start_cursor")
        aggregates.append(f"(array_agg({e}._cur ORDER BY {e}._rn DESC) FILTER "
                          f"(WHERE {e}._rn <= {first}))[1] AS end_cursor")
        parts = []
        for key, entry in page.connection.entries:
            if isinstance(entry, Sel):  # pageInfo
                parts.append(f"{sql.literal(key)}, {self._page_info(entry, pg, first, after)}")
            elif entry.sql == "total":
                parts.append(f"{sql.literal(key)}, (SELECT count(*) {source.from_where})")
            elif entry.sql == "edges":
                parts.append(f"{sql.literal(key)}, {pg}.{_column(key)}")
            else:
                parts.append(f"{sql.literal(key)}, {entry.sql}")
        body = f"json_build_object({', '.join(parts)})"
        if not needs_rows:
            return f"(SELECT {body})"
        rows = (f"SELECT x.*, {cursor} AS _cur, row_number() OVER (ORDER BY {order}) AS _rn "
                f"{source.from_where}{keyset} ORDER BY {order} LIMIT {first} + 1")
        return (f"(SELECT {body} FROM (SELECT {', '.join(aggregates)} FROM ({rows}) {e}) {pg})")

    def _edge_entry(self, entry: Any, e: str) -> str:
        if isinstance(entry, EdgeNode):
            return self.object(entry.sel, e)
        assert isinstance(entry, Const)
        return f"{e}._cur" if entry.sql == "cursor" else entry.sql

    def _page_info(self, info: Sel, pg: str, first: str, after: Any) -> str:
        values = {"hasNextPage": f"({pg}.n > {first})",
                  "hasPreviousPage": "true" if after is not None else "false",
                  "startCursor": f"{pg}.start_cursor", "endCursor": f"{pg}.end_cursor"}
        return "json_build_object(" + ", ".join(
            f"{sql.literal(key)}, {values.get(c.sql, c.sql)}"
            for key, c in info.entries if isinstance(c, Const)) + ")"


FALLBACK_MARK = "__clientele_fallback__"


def _column(key: str) -> str:
    return f'"edges_{key}"'


class _Bound(filters.Where):
    """The customer list's conditions (customers/filters.py) with their values bound into the
    statement's parameters."""

    def __init__(self, params: sql.Params, account_id: uuid.UUID, account: str) -> None:
        super().__init__()
        self.params = params
        self.account_id = account_id
        self.account = account

    def arg(self, value: Any) -> str:
        if value is self.account_id:  # the statement's account parameter
            return self.account
        return self.params.arg(value)
