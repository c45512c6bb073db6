"""In production no error suggests a name ("Did you mean 'accountSlug'?"): suggestions would let
a stranger map the schema without introspection, one typo at a time.

graphql-core leaves them out itself when told to (`hide_suggestions`), which is more reliable
than editing messages afterwards (a suggestion can sit in the middle of a message, before
"Found: …"). It is told in two places:
- validation (unknown fields, arguments, types, enum values and input fields in literals):
  api/validation.py passes `hide_suggestions` to graphql-core's `validate`;
- variable coercion and execution (enum values and input object fields in variables,
  arguments): QuietExecutor below, the production schema's executor.
"""

from __future__ import annotations

from typing import Any

from clientele.api.subscription_fanout import PerEventExecutor


class QuietExecutor(PerEventExecutor):
    """The executor with `hide_suggestions` always on (Strawberry does not pass the option)."""

    @classmethod
    def build(cls, *args: Any, **kwargs: Any) -> Any:
        kwargs["hide_suggestions"] = True
        return super().build(*args, **kwargs)
