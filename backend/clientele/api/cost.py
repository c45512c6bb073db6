"""A query cost estimate, enforced at validation: every field costs 1, and a paginated field
multiplies the cost of what it selects by its page size (`first`; its default when omitted,
the maximum when it comes from a variable)."""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    VariableNode,
)

from clientele.api.relay import MAX_PAGE_SIZE

MAX_COST = 250_000
DEFAULT_PAGE = 50  # the largest default page size in the schema


def _page_size(field: FieldNode) -> int | None:
    for argument in field.arguments or ():
        if argument.name.value == "first":
            if isinstance(argument.value, IntValueNode):
                return max(0, int(argument.value.value))
            if isinstance(argument.value, VariableNode):
                return MAX_PAGE_SIZE
    return None


class CostLimitRule(ValidationRule):
    def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
        fragments = {d.name.value: d for d in self.context.document.definitions
                     if isinstance(d, FragmentDefinitionNode)}
        cost = self._cost(node.selection_set, fragments, set())
        if cost > MAX_COST:
            self.report_error(GraphQLError(
                f"Query cost {cost} exceeds the maximum of {MAX_COST}; ask for smaller pages.",
                node, extensions={"code": "QUERY_TOO_COSTLY"}))

    def _cost(self, selection_set: SelectionSetNode | None,
              fragments: dict[str, FragmentDefinitionNode], seen: set[str]) -> int:
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                inner = self._cost(selection.selection_set, fragments, seen)
                size = _page_size(selection)
                if size is None and selection.name.value in PAGINATED_DEFAULTS:
                    size = PAGINATED_DEFAULTS[selection.name.value]
                total += 1 + inner * (size if size is not None else 1)
            elif isinstance(selection, InlineFragmentNode):
                total += self._cost(selection.selection_set, fragments, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in seen:
                    total += self._cost(fragments[name].selection_set, fragments, seen | {name})
        return total


# paginated fields and their default page sizes, for when `first` is omitted
PAGINATED_DEFAULTS = {"customers": 20, "appointments": 20, "communications": DEFAULT_PAGE,
                      "history": 20, "blockedBookingAttempts": 20, "nodes": MAX_PAGE_SIZE}
