"""A compiled tree → one SQL statement whose single value is the response's `data` as JSON text.

The statement's text is written once per plan, as a template: what depends on the request (the
customer's ID, page sizes, cursors, directions, filters, the customer list's conditions) are
slots filled per request in text order, so that bind parameters are numbered as they appear.

Every list is read as core/slices.py and customers/listing.py read it (the same order, keyset
condition, page size + 1 for hasNextPage, the same totals), every object within the caller's
account. Arguments the resolvers would refuse (a page size out of range, a cursor that does not
decode, a malformed ID) raise Refused: the resolvers then answer the whole operation, errors and
all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import FieldNode, GraphQLSchema, visit
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
    NodeSel,
    NotCompilable,
    PageSel,
    RelatedSel,
    Sel,
    Used,
)
from clientele.api.compiled.shapes import SHAPES
from clientele.api.relay import MAX_PAGE_SIZE
from clientele.appointments.enums import AppointmentWhen
from clientele.appointments.services import WHEN_SQL
from clientele.core.cursors import InvalidCursor, decode_cursor
from clientele.core.ids import InvalidGlobalId, decode, decode_as
from clientele.customers import filters, listing
from clientele.customers.filters import CustomerFilter

FALLBACK_MARK = "__clientele_fallback__"
# Plans are kept (MAX_PLANS per process): a document whose statement would be longer than this
# is answered by the resolvers (the profile's is ~3,000 characters)
MAX_STATEMENT = 100_000
ACCOUNT = "$1::uuid"  # every statement's first parameter
_SLOT = "\x00"


class Refused(Exception):
    """The resolvers would answer this with an error: let them."""


def _name(value: Any) -> Any:
    return getattr(value, "name", value)


@dataclass
class PageArgs:
    first: int
    after: tuple[Any, uuid.UUID] | None
    descending: bool
    filters: dict[str, Any]
    kind: type = dt.datetime
    list_where: CustomerFilter | None = None  # the root customer list
    sort_expression: str = ""


@dataclass
class Run:
    """One request's values, read before the template is filled."""
    account_id: uuid.UUID
    params: sql.Params = field(default_factory=sql.Params)
    pages: dict[int, PageArgs] = field(default_factory=dict)
    ids: dict[str, uuid.UUID] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)  # node(id:): the type the ID names
    bound: dict[str, str] = field(default_factory=dict)  # a root's ID, once bound
    firsts: dict[int, str] = field(default_factory=dict)  # each page's `first`, once bound

    def __post_init__(self) -> None:
        self.params.add(self.account_id)

    def first(self, page: PageSel) -> str:
        if id(page) not in self.firsts:
            self.firsts[id(page)] = self.params.add(self.pages[id(page)].first, "::int")
        return self.firsts[id(page)]


Slot = Callable[[Run], str]


class Statement:
    """The template of one plan's statement: static text and slots."""

    def __init__(self, schema: GraphQLSchema, roots: list[Compiled]) -> None:
        self.schema = schema
        self.roots = roots
        self.slots: list[Slot] = []
        self.fallbacks: list[Fallback] = []
        self.counter = 0
        text = "SELECT json_build_object(" + ", ".join(
            f"{sql.literal(root.key)}, ({self._root(root)})" for root in roots) + ")::text"
        if len(text) > MAX_STATEMENT:  # a plan's memory and PostgreSQL's parsing stay bounded
            raise NotCompilable(f"statement of {len(text)} characters")
        # the arguments of pages that use no variable, read once
        self._static: dict[int, PageArgs] = {}
        for root in roots:
            for page in root.pages:
                if page.page is not None and not _uses_variables(page.node):
                    # refused: refused again per request, and the resolvers answer
                    with contextlib.suppress(Refused):
                        self._static[id(page)] = self._page_args(
                            page, get_argument_values(page.field_def, page.node, None))
        pieces = text.split(_SLOT)
        self.parts: list[str | Slot] = [
            piece if i % 2 == 0 else self.slots[int(piece)] for i, piece in enumerate(pieces)]

    # --- per request ---------------------------------------------------------------------
    def render(self, variables: VariableValues, account_id: uuid.UUID) -> tuple[str, list[Any]]:
        run = Run(account_id)
        for root in self.roots:
            args = get_argument_values(root.field_def, root.node, variables)
            if root.name == "customer":
                try:
                    run.ids[root.key] = decode_as(str(args["id"]), "Customer")
                except InvalidGlobalId as exc:
                    raise Refused from exc
            elif root.name == "node":
                try:
                    run.types[root.key], run.ids[root.key] = decode(str(args["id"]))
                except InvalidGlobalId as exc:
                    raise Refused from exc
                assert isinstance(root.body, NodeSel)
                if run.types[root.key] not in root.body.by_type:
                    raise Refused  # INVALID_ID
            else:
                assert isinstance(root.body, PageSel)
                run.pages[id(root.body)] = self._list_args(root, args)
            for page in root.pages:
                if page.page is not None:
                    run.pages[id(page)] = self._static.get(id(page)) or self._page_args(
                        page, get_argument_values(page.field_def, page.node, variables))
        text = "".join(part if isinstance(part, str) else part(run) for part in self.parts)
        return text, run.params.args

    @staticmethod
    def _first(args: dict[str, Any]) -> int:
        first = args["first"]
        if not isinstance(first, int) or not 0 <= first <= MAX_PAGE_SIZE:
            raise Refused
        return first

    @staticmethod
    def _after(args: dict[str, Any], kind: type) -> tuple[Any, uuid.UUID] | None:
        if args.get("after") is None:
            return None
        try:
            value, last_id = decode_cursor(args["after"], (kind, uuid.UUID))
        except InvalidCursor as exc:
            raise Refused from exc
        return value, last_id

    def _page_args(self, page: PageSel, args: dict[str, Any]) -> PageArgs:
        spec = page.page
        assert spec is not None
        descending = spec.descending if spec.descending is not None else \
            _name(args.get("direction")) == "DESC"
        return PageArgs(self._first(args), self._after(args, dt.datetime), descending,
                        {k: args.get(k) for k in spec.filters})

    def _list_args(self, root: Compiled, args: dict[str, Any]) -> PageArgs:
        """customers(): as api/customers/queries.py and customers/listing.py list them,
        without a search (the search index ranks in Python: the resolvers answer those)."""
        from clientele.api.customers.queries import _domain_filter

        strawberry_field = root.field_def.extensions["strawberry-definition"]
        schema = self.schema._strawberry_schema  # type: ignore[attr-defined]
        typed = convert_arguments(args, strawberry_field.arguments,
                                  schema.schema_converter.scalar_registry, schema.config)
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
            raise Refused  # custom field conditions are checked against their definitions
        try:
            filters.validate(domain_filter, {})
        except filters.InvalidFilter as exc:
            raise Refused from exc
        order = listing.CustomerOrderField[order_by.field.name] if order_by else \
            listing.CustomerOrderField.NAME
        if order is listing.CustomerOrderField.RELEVANCE:
            order = listing.CustomerOrderField.NAME  # nothing to rank by (listing._plan)
        expression, kind = listing.SORT_KEY[order]
        return PageArgs(self._first(args), self._after(args, kind),
                        order_by is not None and order_by.direction.name == "DESC", {},
                        kind, domain_filter, expression)

    # --- the template --------------------------------------------------------------------
    def _slot(self, fill: Slot) -> str:
        self.slots.append(fill)
        return f"{_SLOT}{len(self.slots) - 1}{_SLOT}"

    def _alias(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def _root(self, root: Compiled) -> str:
        if root.name == "customer":
            assert isinstance(root.body, Sel)
            t = self._alias("t")
            key = root.key
            pk = self._slot(lambda run: run.params.add(run.ids[key], "::uuid"))
            return (f"SELECT {self.object(root.body, t)} FROM customer {t} "
                    f"WHERE {t}.account = {ACCOUNT} AND {t}.id = {pk}")
        if isinstance(root.body, NodeSel):
            key = root.key

            def bound(run: Run) -> str:
                if key not in run.bound:
                    run.bound[key] = run.params.add(run.ids[key], "::uuid")
                return run.bound[key]

            kind = self._slot(lambda run: run.params.add(run.types[key], "::text"))
            branches = []
            for type_name, sel in root.body.by_type.items():
                t = self._alias("t")
                table = SHAPES[type_name].table
                branches.append(
                    f"WHEN '{type_name}' THEN (SELECT {self.object(sel, t)} FROM {table} {t} "
                    f"WHERE {t}.account = {ACCOUNT} AND {t}.id = {self._slot(bound)})")
            return f"SELECT CASE {kind} {' '.join(branches)} END"
        assert isinstance(root.body, PageSel)
        return self.page(root.body, None)

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
                    f"WHERE {t}.account = {ACCOUNT} AND {t}.id = {alias}.{related.key})")
        if isinstance(entry, NextSel):  # appointments.next_for_customers
            t = self._alias("t")
            return (f"(SELECT {self.object(entry.sel, t)} FROM (SELECT * FROM appointment x "
                    f"WHERE x.account = {ACCOUNT} AND x.customer = {alias}.id "
                    f"AND x.ends_at > now() AND x.status <> 'CANCELLED' "
                    f"ORDER BY x.starts_at, x.id LIMIT 1) {t})")
        if isinstance(entry, PageSel):
            return self.page(entry, alias)
        if isinstance(entry, Fallback):
            self.fallbacks.append(entry)
            return (f"json_build_object('{FALLBACK_MARK}', {len(self.fallbacks) - 1}, "
                    f"'id', {alias}.id)")
        raise AssertionError(entry)

    # --- lists ---------------------------------------------------------------------------
    def _source(self, page: PageSel, parent: str | None) -> tuple[str, str, bool]:
        """(`FROM … WHERE …` of the list's rows as x, with a slot for the request's
        conditions; the sort column; whether the sort value is a time)."""
        spec = page.page
        if spec is None:  # the root customer list
            def conditions(run: Run) -> str:
                args = run.pages[id(page)]
                assert args.list_where is not None
                where = filters.where(run.account_id, args.list_where,
                                      _Bound(run.params, run.account_id))
                return (f"(SELECT customer.*, {args.sort_expression} AS sort_key "
                        f"FROM customer WHERE {where.sql()})")

            return f"FROM {self._slot(conditions)} x WHERE TRUE", "x.sort_key", False

        def narrowed(run: Run) -> str:
            args = run.pages[id(page)].filters
            where = ""
            if "when" in args:
                where += " " + WHEN_SQL[AppointmentWhen[_name(args["when"])]]
            if args.get("medium") is not None:
                where += f" AND x.medium = {run.params.add(_name(args['medium']), '::text')}"
            if args.get("status") is not None:
                status = _name(args["status"])
                wanted = ["PENDING", "SENDING"] if status == "PENDING" else [status]
                where += f" AND x.status = ANY({run.params.add(wanted, '::text[]')})"
            return where

        extra = self._slot(narrowed) if spec.filters else ""
        return (f"FROM {spec.table} x WHERE x.account = {ACCOUNT} "
                f"AND x.{spec.parent_key} = {parent}.id{extra}",
                f"x.{spec.order_column}", True)

    def page(self, page: PageSel, parent: str | None) -> str:
        source, order_column, _ = self._source(page, parent)
        first = self._slot(lambda run: run.first(page))

        def keyset(run: Run) -> str:
            args = run.pages[id(page)]
            if args.after is None:
                return ""
            value, last_id = args.after
            op = "<" if args.descending else ">"
            cast = "::timestamptz" if args.kind is dt.datetime else "::text"
            return (f" AND ({order_column}, x.id) {op} ({run.params.add(value, cast)}, "
                    f"{run.params.add(last_id, '::uuid')})")

        def direction(run: Run) -> str:
            return "DESC" if run.pages[id(page)].descending else "ASC"

        def cursor(run: Run) -> str:
            kind = run.pages[id(page)].kind
            sort_json = sql.time_key if kind is dt.datetime else sql.text_key
            return sql.cursor(sort_json(order_column), "x.id")

        def previous(run: Run) -> str:
            return "true" if run.pages[id(page)].after is not None else "false"

        d = self._slot(direction)
        order = f"{order_column} {d}, x.id {d}"
        e, pg = self._alias("e"), self._alias("pg")
        info = next((c for _, c in page.connection.entries if isinstance(c, Sel)), None)
        wants_cursors = any(
            isinstance(c, Const) and c.sql == "cursor"
            for edge in page.edges.values() for _, c in edge.entries) or (
            info is not None and any(c.sql in ("startCursor", "endCursor")
                                     for _, c in info.entries if isinstance(c, Const)))
        needs_rows = bool(page.edges) or info is not None
        aggregates = ["count(*) AS n"]
        for key, edge in page.edges.items():
            body = ", ".join(f"{sql.literal(k)}, {self._edge_entry(v, e)}"
                             for k, v in edge.entries)
            aggregates.append(
                f"coalesce(json_agg(json_build_object({body}) ORDER BY {e}._rn) "
                f"FILTER (WHERE {e}._rn <= {first}), '[]'::json) AS {_column(key)}")
        if wants_cursors:
            aggregates.append(f"(array_agg({e}._cur ORDER BY {e}._rn) FILTER "
                              f"(WHERE {e}._rn <= {first}))[1] AS start_cursor")
            aggregates.append(f"(array_agg({e}._cur ORDER BY {e}._rn DESC) FILTER "
                              f"(WHERE {e}._rn <= {first}))[1] AS end_cursor")
        parts = []
        for key, entry in page.connection.entries:
            if isinstance(entry, Sel):  # pageInfo
                values = {"hasNextPage": f"({pg}.n > {first})",
                          "hasPreviousPage": self._slot(previous),
                          "startCursor": f"{pg}.start_cursor", "endCursor": f"{pg}.end_cursor"}
                parts.append(f"{sql.literal(key)}, json_build_object(" + ", ".join(
                    f"{sql.literal(k)}, {values.get(c.sql, c.sql)}"
                    for k, c in entry.entries if isinstance(c, Const)) + ")")
            elif entry.sql == "total":
                parts.append(f"{sql.literal(key)}, (SELECT count(*) {source})")
            elif entry.sql == "edges":
                parts.append(f"{sql.literal(key)}, {pg}.{_column(key)}")
            else:
                parts.append(f"{sql.literal(key)}, {entry.sql}")
        body = f"json_build_object({', '.join(parts)})"
        if not needs_rows:
            return f"(SELECT {body})"
        cursor_column = f", {self._slot(cursor)} AS _cur" if wants_cursors else ""
        rows = (f"SELECT x.*{cursor_column}, row_number() OVER (ORDER BY {order}) AS _rn "
                f"{source}{self._slot(keyset)} ORDER BY {order} LIMIT {first} + 1")
        return f"(SELECT {body} FROM (SELECT {', '.join(aggregates)} FROM ({rows}) {e}) {pg})"

    def _edge_entry(self, entry: Any, e: str) -> str:
        if isinstance(entry, EdgeNode):
            return self.object(entry.sel, e)
        assert isinstance(entry, Const)
        return f"{e}._cur" if entry.sql == "cursor" else entry.sql


def _uses_variables(node: FieldNode) -> bool:
    used = Used()
    for argument in node.arguments or ():
        visit(argument, used)
    return bool(used.variables)


def _column(key: str) -> str:
    return f'"edges_{key}"'


class _Bound(filters.Where):
    """The customer list's conditions (customers/filters.py) with their values bound into the
    statement's parameters; the account is the statement's own first parameter."""

    def __init__(self, params: sql.Params, account_id: uuid.UUID) -> None:
        super().__init__()
        self.params = params
        self.account_id = account_id

    def arg(self, value: Any) -> str:
        if value is self.account_id:
            return ACCOUNT
        return self.params.arg(value)
