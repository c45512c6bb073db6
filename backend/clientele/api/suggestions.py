"""In production, validation errors do not suggest field names ("Did you mean …?"), which
would let a stranger map the schema without introspection."""

from __future__ import annotations

import re
from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

SUGGESTION = re.compile(r"\s*Did you mean .*\?$")


class HideSuggestions(SchemaExtension):
    def on_validate(self) -> Iterator[None]:
        yield
        for error in self.execution_context.pre_execution_errors or []:
            error.message = SUGGESTION.sub("", error.message)
