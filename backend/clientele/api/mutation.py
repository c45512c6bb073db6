"""The skeleton every mutation shares.

`@mutation(permission…, description=…)` turns a resolver into a field of the Mutation root
(the domain's `…Mutations` class lists it): it requires the permissions first (none named: a
login; `public=True`: nobody), runs the resolver, and turns what the caller got wrong into the
payload's `userErrors`: a malformed or wrong-type ID (`parse_id`) and any `DomainError`, whose
codes go through the explicit mapping of `api.error_codes`. The resolver returns the success
payload and raises for a refusal; the payload type (the resolver's return annotation) lists
its result fields with their empty values as defaults, so the refusal is
`Payload.failed(error)`: nothing but the userErrors.

The item type of `userErrors` (AccountError, CustomerError, …) derives from `UserError` and
names its API code enum as a class keyword.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar, TypeVar

import strawberry
from strawberry.types.field import StrawberryField

from clientele.accounts.permissions import Permission
from clientele.api.errors import user_errors
from clientele.api.permissions import require
from clientele.core.errors import DomainError

P = TypeVar("P", bound="Payload")


@strawberry.type(description="Why a mutation refused its input; nothing was written.")
class UserError:
    """The shape every userErrors item has. A subclass names its API code enum as a class
    keyword, `class BlockError(UserError, codes=BlockErrorCodeEnum)`, and gets the field
    `code` after `field` and `message` (before fields of its own)."""

    codes: ClassVar[Any]
    field: str | None = strawberry.field(description="The input field at fault, if one.")
    message: str = strawberry.field(description="A sentence to show the user.")

    def __init_subclass__(cls, codes: Any, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.codes = codes
        cls.__annotations__ = {"code": codes, **inspect.get_annotations(cls)}
        cls.code = strawberry.field(  # type: ignore[attr-defined]
            description="Machine-readable reason.")


class Payload:
    """Base of the mutation payloads (their GraphQL type is the subclass). A subclass names its
    userErrors item type and, unless it is "Why nothing changed.", that field's description as
    class keywords, `class LoginPayload(Payload, errors=AccountError, why="Why sign-in
    failed.")`, and gets the field `user_errors` (last, empty by default). Result fields default
    to null (`api.fields.optional`) or empty, so `failed` is the payload of a refusal."""

    error_type: ClassVar[type[UserError]]

    def __init_subclass__(cls, errors: type[UserError], why: str = "Why nothing changed.",
                          **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.error_type = errors
        cls.__annotations__ = {**inspect.get_annotations(cls),
                               "user_errors": list[errors]}  # type: ignore[valid-type]
        cls.user_errors = strawberry.field(  # type: ignore[attr-defined]
            default_factory=list, description=why)

    @classmethod
    def failed(cls: type[P], error: DomainError) -> P:
        errors = user_errors(error.errors, cls.error_type, cls.error_type.codes)
        return cls(user_errors=errors)  # type: ignore[call-arg]


def mutation(*permissions: Permission, description: str,
             public: bool = False) -> Callable[[Callable[..., Awaitable[Any]]], Any]:
    """The Mutation field of the resolver below, with the shared skeleton around it."""

    def field(resolver: Callable[..., Awaitable[Any]]) -> StrawberryField:
        payload: type[Payload] = typing.get_type_hints(resolver)["return"]

        @functools.wraps(resolver)
        async def run(info: Any, *args: Any, **kwargs: Any) -> Any:
            if not public:
                require(info, *permissions)
            try:
                return await resolver(info, *args, **kwargs)
            except DomainError as error:
                return payload.failed(error)

        return strawberry.mutation(resolver=run, description=description)

    return field

