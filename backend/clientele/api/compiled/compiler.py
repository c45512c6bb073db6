"""A validated operation's selection → a tree the renderer turns into one SQL statement.

Compiling happens once per (document, operation, permission set); what depends on the request
(variables, the account) is read when the plan runs (api/compiled/plan.py). The compiler
follows GraphQL's CollectFields: fragments and inline fragments whose type applies are merged
in, fields with the same response key are merged, the first occurrence decides the order.

What it does not cover raises NotCompilable for the root field (which the resolvers then
answer) or, below an object with an ID, becomes a `Fallback` entry: that subtree alone is
answered by the resolvers through `node(id:)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    VariableNode,
    Visitor,
)

from clientele.api.compiled.shapes import (
    SHAPES,
    Leaf,
    Nested,
    Next,
    ObjectShape,
    Page,
    Related,
)


class Used(Visitor):
    """The variables and fragments a piece of a document refers to."""

    def __init__(self) -> None:
        super().__init__()
        self.variables: set[str] = set()
        self.fragments: set[str] = set()

    def enter_variable(self, node: VariableNode, *_: Any) -> None:
        self.variables.add(node.name.value)

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: Any) -> None:
        self.fragments.add(node.name.value)


class NotCompilable(Exception):
    """This part of the document is answered by the resolvers."""


Fragments = dict[str, FragmentDefinitionNode]
MAX_KEYS = 50  # json_build_object takes at most 100 arguments


@dataclass
class Const:
    sql: str  # a constant: __typename, a null


@dataclass
class Fallback:
    """A subtree the resolvers answer: `nodes` of the field on the object `type_name`."""
    type_name: str
    nodes: list[FieldNode]


@dataclass
class Sel:
    """An object's selection: (response key, entry) in response order."""
    type_name: str
    entries: list[tuple[str, Any]] = field(default_factory=list)


@dataclass
class LeafSel:
    leaf: Leaf


@dataclass
class NestedSel:
    sel: Sel
    nested: Nested


@dataclass
class RelatedSel:
    related: Related
    sel: Sel


@dataclass
class NextSel:
    sel: Sel


@dataclass
class EdgeNode:
    sel: Sel  # an edge's `node`


@dataclass
class PageSel:
    """A connection: its arguments are read per request (index into the run's pages).
    `connection` holds Const markers: total, edges (by key), and a PageInfo Sel whose
    Consts name its fields; each edge Sel holds cursor/match Consts and EdgeNodes."""
    page: Page | None  # None: the root customer list
    index: int
    field_def: GraphQLField
    node: FieldNode
    connection: Sel
    edges: dict[str, Sel]


@dataclass
class NodeSel:
    """node(id:): the selection for each type an ID may name (chosen per request)."""
    by_type: dict[str, Sel]


@dataclass
class Compiled:
    """One root field the compiler answers."""
    key: str
    name: str  # customer, customers or node
    field_def: GraphQLField
    node: FieldNode
    body: Sel | PageSel | NodeSel
    pages: list[PageSel]


class Compiler:
    def __init__(self, schema: GraphQLSchema, fragments: Fragments) -> None:
        self.schema = schema
        self.fragments = fragments
        self.pages: list[PageSel] = []
        self.fallbacks = 0

    # --- CollectFields -------------------------------------------------------------------
    def _possible(self, type_name: str) -> set[str]:
        gtype = self.schema.get_type(type_name)
        names = {type_name}
        if isinstance(gtype, GraphQLObjectType):
            names |= {i.name for i in gtype.interfaces}
        return names

    def collect(self, type_name: str, sets: list[SelectionSetNode]) -> dict[str, list[FieldNode]]:
        out: dict[str, list[FieldNode]] = {}
        possible = self._possible(type_name)
        seen: set[str] = set()

        def walk(selection_set: SelectionSetNode) -> None:
            for selection in selection_set.selections:
                if selection.directives:
                    raise NotCompilable("directive")
                if isinstance(selection, FieldNode):
                    key = selection.alias.value if selection.alias else selection.name.value
                    out.setdefault(key, []).append(selection)
                elif isinstance(selection, InlineFragmentNode):
                    condition = selection.type_condition
                    if condition is None or condition.name.value in possible:
                        walk(selection.selection_set)
                elif isinstance(selection, FragmentSpreadNode):
                    name = selection.name.value
                    fragment = self.fragments[name]
                    if fragment.directives:
                        raise NotCompilable("directive")
                    if name not in seen and fragment.type_condition.name.value in possible:
                        seen.add(name)
                        walk(fragment.selection_set)

        for selection_set in sets:
            walk(selection_set)
        return out

    @staticmethod
    def _subsets(nodes: list[FieldNode]) -> list[SelectionSetNode]:
        return [n.selection_set for n in nodes if n.selection_set is not None]

    # --- objects -------------------------------------------------------------------------
    def object(self, shape: ObjectShape, sets: list[SelectionSetNode],
               fallback_ok: bool = True) -> Sel:
        sel = Sel(shape.type_name)
        for key, nodes in self.collect(shape.type_name, sets).items():
            sel.entries.append((key, self._entry(shape, nodes, fallback_ok)))
        if len(sel.entries) > MAX_KEYS:
            raise NotCompilable("wider than json_build_object takes")
        return sel

    def _entry(self, shape: ObjectShape, nodes: list[FieldNode], fallback_ok: bool) -> Any:
        name = nodes[0].name.value
        if name == "__typename":
            return Const(f"'{shape.type_name}'")
        spec = shape.fields.get(name)
        has_args = any(n.arguments for n in nodes)
        if isinstance(spec, Leaf) and not has_args:
            return LeafSel(spec)
        if isinstance(spec, Nested) and not has_args:
            nested = Sel(spec.type_name)
            for key, sub in self.collect(spec.type_name, self._subsets(nodes)).items():
                sub_name = sub[0].name.value
                if sub_name == "__typename":
                    nested.entries.append((key, Const(f"'{spec.type_name}'")))
                elif sub_name in spec.fields:
                    nested.entries.append((key, LeafSel(spec.fields[sub_name])))
                else:
                    raise NotCompilable(f"{spec.type_name}.{sub_name}")
            return NestedSel(nested, spec)
        if isinstance(spec, Related) and not has_args:
            return RelatedSel(spec, self.object(SHAPES[spec.type_name], self._subsets(nodes)))
        if isinstance(spec, Next) and not has_args:
            return NextSel(self.object(SHAPES[spec.type_name], self._subsets(nodes)))
        if isinstance(spec, Page):
            gtype = self.schema.get_type(shape.type_name)
            assert isinstance(gtype, GraphQLObjectType)
            return self.page(spec, gtype.fields[name], nodes)
        if not fallback_ok:
            raise NotCompilable(f"{shape.type_name}.{name}")
        self.fallbacks += 1
        return Fallback(shape.type_name, nodes)

    # --- connections ---------------------------------------------------------------------
    def page(self, spec: Page | None, field_def: GraphQLField, nodes: list[FieldNode],
             node_type: str | None = None) -> PageSel:
        node_shape = SHAPES[spec.node_type if spec else (node_type or "Customer")]
        connection = Sel("Connection")
        edges: dict[str, Sel] = {}
        gtype = field_def.type
        while hasattr(gtype, "of_type"):
            gtype = gtype.of_type
        connection_name = gtype.name
        for key, subs in self.collect(connection_name, self._subsets(nodes)).items():
            name = subs[0].name.value
            if name == "__typename":
                connection.entries.append((key, Const(f"'{connection_name}'")))
            elif name == "totalCount":
                connection.entries.append((key, Const("total")))
            elif name == "pageInfo":
                info = Sel("PageInfo")
                for ikey, isubs in self.collect("PageInfo", self._subsets(subs)).items():
                    iname = isubs[0].name.value
                    if iname == "__typename":
                        info.entries.append((ikey, Const("'PageInfo'")))
                    else:
                        info.entries.append((ikey, Const(iname)))
                connection.entries.append((key, info))
            elif name == "edges":
                edge_type = connection_name[: -len("Connection")] + "Edge"
                edge = Sel(edge_type)
                for ekey, esubs in self.collect(edge_type, self._subsets(subs)).items():
                    ename = esubs[0].name.value
                    if ename == "__typename":
                        edge.entries.append((ekey, Const(f"'{edge_type}'")))
                    elif ename == "cursor":
                        edge.entries.append((ekey, Const("cursor")))
                    elif ename == "match":
                        edge.entries.append((ekey, Const("NULL")))  # only with a search
                    elif ename == "node":
                        edge.entries.append((ekey, EdgeNode(
                            self.object(node_shape, self._subsets(esubs)))))
                    else:
                        raise NotCompilable(f"{edge_type}.{ename}")
                edges[key] = edge
                connection.entries.append((key, Const("edges")))
            else:
                raise NotCompilable(f"{connection_name}.{name}")
        page = PageSel(spec, len(self.pages), field_def, nodes[0], connection, edges)
        self.pages.append(page)
        return page


ROOTS = ("customer", "customers", "node")


def compile_root(schema: GraphQLSchema, fragments: Fragments, key: str,
                 nodes: list[FieldNode]) -> Compiled:
    """The root field `nodes` (merged under `key`) as one compiled tree, or NotCompilable."""
    name = nodes[0].name.value
    if name not in ROOTS:
        raise NotCompilable(name)
    query = schema.query_type
    assert query is not None
    field_def = query.fields[name]
    compiler = Compiler(schema, fragments)
    sets = [n.selection_set for n in nodes if n.selection_set is not None]
    if name == "customer":
        body: Sel | PageSel | NodeSel = compiler.object(SHAPES["Customer"], sets)
    elif name == "node":  # api/node.py NODE_TYPES: the three types the compiler knows
        body = NodeSel({type_name: compiler.object(shape, sets)
                        for type_name, shape in SHAPES.items()})
    else:
        body = compiler.page(None, field_def, nodes, "Customer")
    return Compiled(key, name, field_def, nodes[0], body, compiler.pages)
