"""A compiled plan for one (document, operation, permission set), and running it.

Root fields the compiler covers are answered by one SQL statement; the others (and subtrees
below an object that the compiler does not cover) by the resolvers, through a derived document
that holds just them. Whenever that derived execution reports an error, or an argument would be
refused, the whole operation goes to the resolvers instead: errors (with their locations) are
theirs to write, so the answer is always the one normal execution gives.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import orjson
from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLSchema,
    InlineFragmentNode,
    ListTypeNode,
    NamedTypeNode,
    NameNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableDefinitionNode,
    VariableNode,
    print_ast,
    visit,
)
from graphql.execution.values import get_variable_values

from clientele.accounts.permissions import Permission
from clientele.api.compiled.compiler import (
    Compiled,
    Compiler,
    Fallback,
    NotCompilable,
    Used,
    compile_root,
)
from clientele.api.compiled.render import FALLBACK_MARK, Refused, Statement
from clientele.core import db, ids

# The permission the compiled root fields' resolvers require (api/customers/queries.py).
REQUIRED = Permission.READ_CUSTOMERS
IDS_VARIABLE = "clienteleFallbackIds"
MAX_NODES = 100  # NodeQueries.nodes takes at most this many IDs

Execute = Callable[[str, dict[str, Any] | None], Awaitable[Any]]  # the resolvers' execution


@dataclass
class Outcome:
    """What the compiled path answers: the `data` JSON text as PostgreSQL wrote it, or (with
    subtrees the resolvers filled in) the data as Python values."""
    text: str | None = None
    data: dict[str, Any] | None = None


class Plan:
    def __init__(self, schema: GraphQLSchema, operation: OperationDefinitionNode,
                 fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.schema = schema
        self.operation = operation
        self.fragments = fragments
        collected = Compiler(schema, fragments).collect("Query", [operation.selection_set])
        self.keys = list(collected)
        self.compiled: list[Compiled] = []
        others: list[FieldNode] = []
        for key, nodes in collected.items():
            try:
                self.compiled.append(compile_root(schema, fragments, key, nodes))
            except NotCompilable:
                others += nodes
        if not self.compiled:
            raise NotCompilable("no root field maps onto tables")
        self.rest = self._document(others, [], operation.name.value if operation.name
                                   else None) if others else None
        self.statement = Statement(schema, self.compiled)
        self._subtrees: dict[int, str] = {}

    # --- derived documents ---------------------------------------------------------------
    def _document(self, selections: list[Any], extra: list[VariableDefinitionNode],
                  name: str | None) -> str:
        """A query with `selections`, and only the variables and fragments they use."""
        used = Used()
        pending = [SelectionSetNode(selections=tuple(selections))]
        fragments: dict[str, FragmentDefinitionNode] = {}
        while pending:
            visit(pending.pop(), used)
            for fragment in used.fragments - fragments.keys():
                fragments[fragment] = self.fragments[fragment]
                pending.append(self.fragments[fragment].selection_set)
        definitions = [d for d in self.operation.variable_definitions or ()
                       if d.variable.name.value in used.variables]
        operation = OperationDefinitionNode(
            operation=OperationType.QUERY, name=NameNode(value=name) if name else None,
            variable_definitions=tuple(extra + definitions), directives=(),
            selection_set=SelectionSetNode(selections=tuple(selections)))
        return print_ast(DocumentNode(definitions=(operation, *fragments.values())))

    def subtree_document(self, index: int, fallback: Fallback) -> str:
        """nodes(ids:) { ... on Type { the fields } } for one fallback subtree."""
        if index not in self._subtrees:
            ids_type = NonNullTypeNode(type=ListTypeNode(type=NonNullTypeNode(
                type=NamedTypeNode(name=NameNode(value="ID")))))
            definition = VariableDefinitionNode(
                variable=VariableNode(name=NameNode(value=IDS_VARIABLE)), type=ids_type,
                directives=())
            inline = InlineFragmentNode(
                type_condition=NamedTypeNode(name=NameNode(value=fallback.type_name)),
                directives=(), selection_set=SelectionSetNode(selections=tuple(fallback.nodes)))
            field = FieldNode(name=NameNode(value="nodes"), arguments=(
                ArgumentNode(name=NameNode(value="ids"),
                             value=VariableNode(name=NameNode(value=IDS_VARIABLE))),),
                directives=(),
                selection_set=SelectionSetNode(selections=(inline,)))
            self._subtrees[index] = self._document([field], [definition], None)
        return self._subtrees[index]

    # --- running -------------------------------------------------------------------------
    async def run(self, context: Any, variables: dict[str, Any] | None,
                  execute: Execute) -> Outcome | None:
        """The answer, or None when the resolvers must answer the whole operation."""
        principal = context.principal
        if not (principal.authenticated and principal.can(REQUIRED)):
            return None  # the resolvers' FORBIDDEN / UNAUTHENTICATED errors
        coerced = get_variable_values(self.schema, self.operation.variable_definitions or (),
                                      variables or {})
        if isinstance(coerced, list):
            return None
        try:
            statement, args = self.statement.render(coerced, principal.account.id)
        except Refused:
            return None
        rows = await db.fetch_records(statement, *args)
        text: str = rows[0][0]
        fallbacks = self.statement.fallbacks
        if self.rest is None and not fallbacks:
            return Outcome(text=text)
        data = orjson.loads(text)
        if fallbacks and not await self._fill(data, variables, execute):
            return None
        if self.rest is not None:
            result = await execute(self.rest, variables)
            if result.errors or result.data is None:
                return None
            data = {key: data[key] if key in data else result.data[key] for key in self.keys}
        return Outcome(data=data)

    async def _fill(self, data: dict[str, Any], variables: dict[str, Any] | None,
                    execute: Execute) -> bool:
        """Replace each fallback mark with what the resolvers answer for that subtree."""
        marks: dict[int, list[tuple[dict[str, Any], str, str]]] = {}

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, dict) and FALLBACK_MARK in item:
                        index = item[FALLBACK_MARK]
                        fallback = self.statement.fallbacks[index]
                        marks.setdefault(index, []).append(
                            (value, key, ids.encode(fallback.type_name, uuid.UUID(item["id"]))))
                    else:
                        walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(data)
        for index, places in marks.items():
            fallback = self.statement.fallbacks[index]
            document = self.subtree_document(index, fallback)
            for start in range(0, len(places), MAX_NODES):
                chunk = places[start:start + MAX_NODES]
                result = await execute(document, {**(variables or {}),
                                                  IDS_VARIABLE: [gid for *_, gid in chunk]})
                if result.errors or result.data is None:
                    return False
                for (parent, key, _), node in zip(chunk, result.data["nodes"], strict=True):
                    if node is None:
                        return False
                    parent[key] = node[key]
        return True


def plan_for(schema: GraphQLSchema, document: DocumentNode, operation_name: str | None
             ) -> Plan | None:
    """The plan of a validated document's query operation, or None when nothing compiles."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        operation = operations[0] if len(operations) == 1 else None
    else:
        operation = next((o for o in operations
                          if o.name is not None and o.name.value == operation_name), None)
    if operation is None or operation.operation is not OperationType.QUERY \
            or operation.directives:
        return None
    fragments = {d.name.value: d for d in document.definitions
                 if isinstance(d, FragmentDefinitionNode)}
    try:
        return Plan(schema, operation, fragments)
    except NotCompilable:
        return None
