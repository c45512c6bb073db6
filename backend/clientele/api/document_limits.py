"""What a document asks for, measured once per fragment, and refused over the limits before any
validation rule walks it.

A document can spread a fragment twice, that fragment can spread another twice, and so on:
`fragment F0 on Query { ...F1 ...F1 }`, `fragment F1 on Query { ...F2 ...F2 }`… is a few
hundred bytes and 2^25 fields after 25 levels. Anything that follows spreads as it walks does
exponential work before it can say no (strawberry's depth and alias limiters and our former
cost rule took 13 s at 21 levels, with the event loop blocked). Here every fragment is
measured once — fields after expansion, depth, aliases, cost — in dependency order, and a
spread adds the measure of its fragment, so the check is linear in the size of the document.
Counts saturate at CAP, so that a measure stays a small number whatever the document.

A spread of a fragment that is part of a cycle, or of an unknown fragment, counts as nothing
here; graphql-core's NoFragmentCycles and KnownFragmentNames refuse such documents next.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    ExecutableDefinitionNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

from clientele.api.cost import page_multiplier

CAP = 10**15  # saturation: far above every limit, small enough to print
MAX_TOKENS = 5000  # lexer tokens in one document: the first bound, before anything parses
DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE"
QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"


@dataclass(frozen=True, slots=True)
class Measure:
    """One definition with the fragments it spreads expanded (each spread counts)."""

    fields: int = 0  # field nodes
    depth: int = 0  # nested fields with a selection (introspection fields count 0)
    aliases: int = 0
    cost: int = 0  # see api/cost.py


NOTHING = Measure()


def measure(document: DocumentNode) -> list[tuple[ExecutableDefinitionNode, Measure]]:
    """Every operation and fragment definition of the document, each fragment measured once.
    (A list, not a dict: AST nodes hash their whole subtree.)"""
    fragments: dict[str, FragmentDefinitionNode] = {}
    for definition in document.definitions:
        if isinstance(definition, FragmentDefinitionNode):
            fragments.setdefault(definition.name.value, definition)
    by_name: dict[str, Measure] = {}
    for name in _dependency_order(fragments):
        by_name[name] = _selection_set(fragments[name].selection_set, by_name)
    measures: list[tuple[ExecutableDefinitionNode, Measure]] = []
    for definition in document.definitions:
        if isinstance(definition, FragmentDefinitionNode) and \
                fragments[definition.name.value] is definition:
            measures.append((definition, by_name[definition.name.value]))
        elif isinstance(definition, OperationDefinitionNode | FragmentDefinitionNode):
            measures.append((definition, _selection_set(definition.selection_set, by_name)))
    return measures


def _dependency_order(fragments: dict[str, FragmentDefinitionNode]) -> list[str]:
    """Fragments after the fragments they spread (depth-first, post-order, without recursion:
    a chain of spreads is as long as the document allows). A spread that closes a cycle is
    not followed, so the fragment it names is measured later and counts as nothing there."""
    spreads = {name: list(_spread_names(f.selection_set)) for name, f in fragments.items()}
    order: list[str] = []
    seen: set[str] = set()
    for root in fragments:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(spreads[root]))]
        while stack:
            name, pending = stack[-1]
            for child in pending:
                if child in spreads and child not in seen:
                    seen.add(child)
                    stack.append((child, iter(spreads[child])))
                    break
            else:
                stack.pop()
                order.append(name)
    return order


def _spread_names(selection_set: SelectionSetNode) -> Iterator[str]:
    for selection in selection_set.selections:
        if isinstance(selection, FragmentSpreadNode):
            yield selection.name.value
        elif isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
            yield from _spread_names(selection.selection_set)


def _selection_set(selection_set: SelectionSetNode, fragments: dict[str, Measure]) -> Measure:
    # Recursion follows the nesting of one definition only, which the parser bounds
    # (graphql-core refuses documents nested deeper than 200 levels).
    fields = depth = aliases = cost = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            inner = NOTHING if selection.selection_set is None else \
                _selection_set(selection.selection_set, fragments)
            fields += 1 + inner.fields
            aliases += (selection.alias is not None) + inner.aliases
            cost += 1 + inner.cost * page_multiplier(selection)
            if selection.selection_set is not None and not selection.name.value.startswith("__"):
                depth = max(depth, 1 + inner.depth)
            continue
        if isinstance(selection, FragmentSpreadNode):
            inner = fragments.get(selection.name.value, NOTHING)
        elif isinstance(selection, InlineFragmentNode):
            inner = _selection_set(selection.selection_set, fragments)
        else:
            continue
        fields += inner.fields
        aliases += inner.aliases
        cost += inner.cost
        depth = max(depth, inner.depth)
    return Measure(min(fields, CAP), depth, min(aliases, CAP), min(cost, CAP))


@dataclass(frozen=True, slots=True)
class DocumentLimits:
    max_fields: int  # per operation or fragment, fragments expanded
    max_depth: int  # per operation
    max_aliases: int  # in the whole document, fragments expanded
    max_cost: int  # per operation

    def check(self, document: DocumentNode) -> list[GraphQLError]:
        """Coded errors for what exceeds the limits; none when the document is within them."""
        try:
            measures = measure(document)
        except RecursionError:  # only if the parser's nesting limit were raised
            return [GraphQLError("The document is nested too deeply.",
                                 extensions={"code": DOCUMENT_TOO_LARGE})]
        operations = [(d, m) for d, m in measures if isinstance(d, OperationDefinitionNode)]
        errors = self._size(measures)
        if errors:  # the other measures of such a document say nothing more
            return errors
        for operation, m in operations:
            if m.depth > self.max_depth:
                errors.append(GraphQLError(
                    f"'{_name(operation)}' exceeds maximum operation depth of {self.max_depth}",
                    operation, extensions={"code": QUERY_TOO_DEEP}))
        aliases = min(sum(m.aliases for _, m in operations), CAP)
        if aliases > self.max_aliases:
            errors.append(GraphQLError(
                f"{_amount(aliases)} aliases found. Allowed: {self.max_aliases}",
                extensions={"code": TOO_MANY_ALIASES}))
        for operation, m in operations:
            if m.cost > self.max_cost:
                errors.append(GraphQLError(
                    f"Query cost {_amount(m.cost)} exceeds the maximum of {self.max_cost}; "
                    "ask for smaller pages.", operation, extensions={"code": QUERY_TOO_COSTLY}))
        return errors

    def _size(self, measures: Iterable[tuple[ExecutableDefinitionNode, Measure]],
              ) -> list[GraphQLError]:
        for definition, m in measures:
            if m.fields > self.max_fields:
                return [GraphQLError(
                    f"{_described(definition)} selects more than {self.max_fields} fields once "
                    "its fragment spreads are expanded (each spread counts); send smaller "
                    "operations.",
                    definition, extensions={"code": DOCUMENT_TOO_LARGE})]
        return []


def _described(definition: ExecutableDefinitionNode) -> str:
    if isinstance(definition, FragmentDefinitionNode):
        return f"Fragment '{definition.name.value}'"
    name = definition.name
    return f"Operation '{name.value}'" if name else "The operation"


def _name(operation: OperationDefinitionNode) -> str:
    return operation.name.value if operation.name else "anonymous"


def _amount(count: int) -> str:
    return str(count) if count < CAP else f"at least {CAP}"
