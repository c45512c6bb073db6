"""What the schema refuses in any request, whatever carried it (HTTP, WebSocket, in-process),
before a resolver runs; and a code on every request error.

- Literals: graphql-core decodes `"\\u0000"` and `"\\u{0}"` in a document into a NUL, which
  PostgreSQL refuses to store (a 500 after earlier writes), and reads a 5,000-digit integer
  with Python's `int()`, which refuses beyond 4,300 digits; a float literal such as `1e999`
  becomes infinity. HostileLiteralsRule refuses these while validating (cached with the
  document): INVALID_STRING, INVALID_NUMBER.
- Variables: the HTTP boundary (api/input_guard.py) checks JSON bodies; WebSocket messages and
  in-process calls are checked here (INVALID_STRING, with the variable's path).
- Codes: graphql-core's own request errors carry none. A syntax error gets
  GRAPHQL_PARSE_FAILED, a validation error GRAPHQL_VALIDATION_FAILED, a variable that does
  not fit its type (or an unknown operation name) BAD_USER_INPUT. Codes set by others stay.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from graphql import FloatValueNode, GraphQLError, IntValueNode, StringValueNode, ValidationRule
from strawberry.extensions import SchemaExtension

from clientele.api.input_guard import INVALID_STRING, find_unstorable, unstorable

INVALID_NUMBER = "INVALID_NUMBER"
MAX_NUMBER_LITERAL = 40  # characters: more than any Int (32-bit) or Float (double) needs


def _set_code(error: GraphQLError, code: str) -> None:
    if not (error.extensions or {}).get("code"):
        error.extensions = {**(error.extensions or {}), "code": code}


class HostileLiteralsRule(ValidationRule):
    """Strings that cannot be stored, numbers that cannot be read, in a document's literals."""

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        reason = unstorable(node.value)
        if reason:
            self.report_error(GraphQLError(f"A string in the document contains {reason}.", node,
                                           extensions={"code": INVALID_STRING}))

    def enter_int_value(self, node: IntValueNode, *_args: Any) -> None:
        if len(node.value) > MAX_NUMBER_LITERAL:
            self._too_big(node)

    def enter_float_value(self, node: FloatValueNode, *_args: Any) -> None:
        if len(node.value) > MAX_NUMBER_LITERAL or not math.isfinite(float(node.value)):
            self._too_big(node)

    def _too_big(self, node: IntValueNode | FloatValueNode) -> None:
        self.report_error(GraphQLError(
            f"The number {node.value[:20]}… is beyond what an Int or Float can hold.", node,
            extensions={"code": INVALID_NUMBER}))


class RequestChecks(SchemaExtension):
    """List it first among the extensions: it enters first (refusing unstorable variables
    before anything is parsed) and leaves last, seeing every error.

    Strawberry builds its error result inside each phase, before the hooks leave, so what is
    done on the way out changes the errors themselves (their code), not the list of them."""

    def on_operation(self) -> Iterator[None]:
        problem = find_unstorable(self.execution_context.variables or {}, "variables")
        if problem:  # Strawberry turns this into a request error (no data)
            raise GraphQLError(problem, extensions={"code": INVALID_STRING})
        yield

    def on_parse(self) -> Iterator[None]:
        try:
            yield
        except GraphQLError as raised:  # ParserCache raises the syntax error through us
            _set_code(raised, "GRAPHQL_PARSE_FAILED")
            raise
        for error in self.execution_context.pre_execution_errors or []:
            _set_code(error, "GRAPHQL_PARSE_FAILED")

    def on_validate(self) -> Iterator[None]:
        yield
        for error in self.execution_context.pre_execution_errors or []:
            _set_code(error, "GRAPHQL_VALIDATION_FAILED")
            if not isinstance(error.original_error, GraphQLError | None):
                # a literal a scalar could not read (Python's ValueError inside): a fault of
                # the request, whose message is safe to show, not a bug to mask in production
                error.original_error = None

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and getattr(result, "data", 1) is None:
            for error in getattr(result, "errors", None) or []:
                if not error.path:
                    _set_code(error, "BAD_USER_INPUT")
