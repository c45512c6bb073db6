"""Validation: the document limits first, then graphql-core's rules; the result cached per
document.

This takes the place of Strawberry's ValidationCache, which cannot do two things needed here:
- refuse a document over the limits (api/document_limits.py) before graphql-core's rules see
  it. The rules run side by side in one pass over the document, so a refusing rule among them
  cannot stop OverlappingFieldsCanBeMerged from comparing what it has already collected;
- leave "Did you mean …?" out of validation messages in production: graphql-core does that
  with `validate(hide_suggestions=True)`, which Strawberry never passes.

graphql-core meters its own overlap check (OverlappingFieldsCanBeMerged) and aborts validation
once a budget is spent. Its default (500,000) is a second or more of CPU for a document within
the token limit (1,240 `me { name }` side by side); the SPA's operations spend at most 71, so
the budget is lowered to OVERLAP_BUDGET. graphql-core reads the attribute whenever validation
starts; it applies to every schema of the process.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

from graphql import DocumentNode, GraphQLError, GraphQLSchema, validate
from graphql.validation import ASTValidationRule
from graphql.validation.rules import overlapping_fields_can_be_merged
from graphql.validation.validate import ValidationAbortedError
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from clientele.api.document_limits import DocumentLimits

OVERLAP_BUDGET = 20_000
overlapping_fields_can_be_merged.MAX_COMPLEXITY_BUDGET = OVERLAP_BUDGET

VALIDATION_ABORTED = "VALIDATION_ABORTED"
# the rules Strawberry adds to every validation (strawberry.schema.schema.validate_document)
STRAWBERRY_RULES = (MaybeNullValidationRule, OneOfInputValidationRule)

Validator = Callable[[GraphQLSchema, DocumentNode, tuple[type[ASTValidationRule], ...]],
                     list[GraphQLError]]


def validator(limits: DocumentLimits, hide_suggestions: bool, maxsize: int) -> Validator:
    """A cached validation function. The cache is keyed by schema, document and rules; the
    document is the same object for a repeated text (the parser cache), and the rules are the
    same classes on every request (api/schema.py builds them once)."""

    @functools.lru_cache(maxsize=maxsize)
    def validate_document(schema: GraphQLSchema, document: DocumentNode,
                          rules: tuple[type[ASTValidationRule], ...]) -> list[GraphQLError]:
        refused = limits.check(document)
        if refused:
            return refused
        errors = validate(schema, document, (*rules, *STRAWBERRY_RULES),
                          hide_suggestions=hide_suggestions)
        return [_coded(e) if isinstance(e, ValidationAbortedError) else e
                for e in errors]

    return validate_document


def _coded(error: GraphQLError) -> GraphQLError:
    message = error.message
    if message == "Validation aborted.":  # a budget of graphql-core's ran out
        message = ("Validation aborted: checking this document takes too much work (many "
                   "fields of one name side by side, or fragments spread too deep); send a "
                   "simpler one.")
    return GraphQLError(message, extensions={"code": VALIDATION_ABORTED})


class Validation(SchemaExtension):
    def __init__(self, validate_document: Validator) -> None:
        self.validate_document = validate_document

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        context.pre_execution_errors = self.validate_document(
            context.schema._schema, context.graphql_document, context.validation_rules)
        yield
