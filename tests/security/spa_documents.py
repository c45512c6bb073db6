"""The SPA's operations, each with the fragments it spreads, read from the generated
frontend/src/gql/gql.ts (graphql-codegen's map of every document in the SPA's source)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from graphql import (
    FragmentDefinitionNode,
    FragmentSpreadNode,
    OperationDefinitionNode,
    parse,
    print_ast,
)
from graphql.language import Visitor, visit

GQL = Path(__file__).resolve().parents[2] / "frontend" / "src" / "gql" / "gql.ts"
_KEY = re.compile(r'^    ("(?:[^"\\]|\\.)*"): types\.', re.MULTILINE)


def spa_documents() -> dict[str, str]:
    """Operation name → a document with the operation and every fragment it needs."""
    text = GQL.read_text()
    block = text[text.index("const documents"):]
    block = block[:block.index("\n};")]
    fragments: dict[str, FragmentDefinitionNode] = {}
    operations: list[OperationDefinitionNode] = []
    for key in _KEY.findall(block):
        for definition in parse(json.loads(key)).definitions:
            if isinstance(definition, FragmentDefinitionNode):
                fragments[definition.name.value] = definition
            elif isinstance(definition, OperationDefinitionNode):
                operations.append(definition)
    documents = {}
    for operation in operations:
        assert operation.name is not None
        needed = _needed(operation, fragments)
        documents[operation.name.value] = "\n".join(
            [print_ast(operation)] + [print_ast(fragments[n]) for n in sorted(needed)])
    return documents


class _Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def enter_fragment_spread(self, spread: FragmentSpreadNode, *_: object) -> None:
        self.names.append(spread.name.value)


def _needed(operation: OperationDefinitionNode,
            fragments: dict[str, FragmentDefinitionNode]) -> set[str]:
    found: set[str] = set()
    pending: list[OperationDefinitionNode | FragmentDefinitionNode] = [operation]
    while pending:
        spreads = _Spreads()
        visit(pending.pop(), spreads)
        for name in spreads.names:
            if name not in found:
                found.add(name)
                pending.append(fragments[name])
    return found
