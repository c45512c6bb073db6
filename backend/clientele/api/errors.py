"""Top-level GraphQL errors with codes, and the translation of domain errors to userErrors."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any, TypeVar

import strawberry
from graphql import GraphQLError
from starlette.responses import JSONResponse

from clientele.api.error_codes import to_api
from clientele.core import ids
from clientele.core.errors import FieldError

FIELD_ALIASES = {"street": "address.street", "postcode": "address.postcode",
                 "city": "address.city", "country": "address.country"}


class ApiError(GraphQLError):
    """An error in the response's top-level `errors`, with `extensions.code`."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, extensions={"code": code})


def http_error(status: int, message: str, code: str,
               headers: dict[str, str] | None = None) -> JSONResponse:
    """A plain HTTP error (the request never reached GraphQL) in the shape of a GraphQL
    response's errors, so a client reads `errors[0].extensions.code` either way."""
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]},
                        status_code=status, headers=headers)


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def api_field(field: str | None) -> str | None:
    """Spell a domain field name as the API input does (custom_fields.key keeps its key)."""
    if field is None:
        return None
    field = FIELD_ALIASES.get(field, field)
    first, dot, rest = field.partition(".")
    return camel(first) + dot + rest


def decode_id(global_id: strawberry.ID | str, type_name: str) -> Any:
    """Decode a global ID of `type_name` or raise a top-level INVALID_ID error."""
    try:
        return ids.decode_as(str(global_id), type_name)
    except ids.InvalidGlobalId as exc:
        raise ApiError(str(exc), "INVALID_ID") from exc


E = TypeVar("E")


def user_errors(
    errors: Iterable[FieldError], error_type: type[E], code_enum: type[Enum]
) -> list[E]:
    """Domain FieldErrors → the mutation's error type (field, message, code, extras). Codes go
    through the explicit table of api.error_codes, so another domain's code never raises."""
    out = []
    for error in errors:
        extra: dict[str, Any] = {}
        existing = error.extra.get("existing_customer_id")
        if existing is not None:
            extra["existing_customer_id"] = strawberry.ID(ids.encode("Customer", existing))
        out.append(
            error_type(  # type: ignore[call-arg]
                field=api_field(error.field),
                message=error.message,
                code=to_api(error.code, code_enum),
                **extra,
            )
        )
    return out


def parse_id(global_id: str, type_name: str, field: str = "id") -> Any:
    """The UUID inside a global ID of `type_name`; raises DomainError (code INVALID) for a
    malformed or wrong-type ID, so mutations report it as a user error."""
    from clientele.core.errors import DomainError, ErrorCode

    try:
        return ids.decode_as(str(global_id), type_name)
    except ids.InvalidGlobalId as exc:
        raise DomainError([FieldError(field, str(exc), ErrorCode.INVALID)]) from exc
