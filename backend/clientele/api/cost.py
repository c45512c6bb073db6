"""The query cost model: every field costs 1, and a paginated field multiplies the cost of what
it selects by its page size (`first`; its default when omitted, the maximum when it comes from
a variable). api/document_limits.py adds the costs up, once per fragment, and refuses a
document over MAX_COST before validation."""

from __future__ import annotations

from graphql import FieldNode, IntValueNode, VariableNode

from clientele.api.relay import MAX_PAGE_SIZE

MAX_COST = 250_000
DEFAULT_PAGE = 50  # the largest default page size in the schema
# Longer integer literals are refused later anyway (they do not fit an Int); reading them with
# int() would cost time (and fails beyond 4,300 digits), so they count as the largest page.
_MAX_LITERAL_DIGITS = 9

# paginated fields and their default page sizes, for when `first` is omitted
PAGINATED_DEFAULTS = {"customers": 20, "appointments": 20, "communications": DEFAULT_PAGE,
                      "history": 20, "blockedBookingAttempts": 20, "nodes": MAX_PAGE_SIZE}


def page_multiplier(field: FieldNode) -> int:
    """How many times the cost of the field's selection counts: its page size, or 1."""
    for argument in field.arguments or ():
        if argument.name.value == "first":
            value = argument.value
            if isinstance(value, IntValueNode):
                return _non_negative(value.value)
            if isinstance(value, VariableNode):
                return MAX_PAGE_SIZE
    return PAGINATED_DEFAULTS.get(field.name.value, 1)


def _non_negative(literal: str) -> int:
    if literal.startswith("-"):
        return 0
    return int(literal) if len(literal) <= _MAX_LITERAL_DIGITS else 10**_MAX_LITERAL_DIGITS
