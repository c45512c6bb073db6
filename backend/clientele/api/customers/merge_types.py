"""The GraphQL types of merging customers: the preview, the choices, the merge record, and why a
merge or unmerge was refused."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON

from clientele.api.customers.merge_enums import MergeErrorCodeEnum, MergeTakeEnum
from clientele.api.customers.types import Customer
from clientele.api.errors import ApiError, api_field
from clientele.api.fields import optional
from clientele.api.mutation import UserError
from clientele.core import ids
from clientele.core.errors import DomainError, FieldError
from clientele.customers import merge
from clientele.customers.merge import CUSTOM_PREFIX, MergeErrorCode, Take
from clientele.customers.services import COLUMNS


@strawberry.type(description="Why a merge or unmerge refused its input; nothing was written.")
class CustomerMergeError(UserError, codes=MergeErrorCodeEnum):
    field: str | None = strawberry.field(
        description="The argument at fault (`keepId`, `mergeId`, `fieldChoices`), if one.")


@strawberry.input(description="Whose value one differing field takes.")
class CustomerMergeFieldChoice:
    field: str = strawberry.field(description="The field as CustomerMergeField.field names it "
                                              "(`email`, `address.city`, `customFields.<key>`).")
    take: MergeTakeEnum = strawberry.field(description="Whose value.")


@strawberry.type(description="A field whose values differ between the two customers.")
class CustomerMergeField:
    field: str = strawberry.field(description="The field as the API spells it (`firstName`, "
                                              "`address.city`, `customFields.<key>`).")
    keep_value: JSON | None = strawberry.field(description="The kept customer's value.")
    merge_value: JSON | None = strawberry.field(
        description="The value of the customer merged into it.")
    default: MergeTakeEnum = strawberry.field(
        description="The choice made when none is given: the kept customer's value, or the "
                    "other's where the kept one is blank; for communicationStatus and the "
                    "channel switches the more restrictive value.")


@strawberry.type(description="A contact detail that fits in no slot of the merged record "
                             "(one email, mobile and landline): kept in the merge record and "
                             "named in the history.")
class CustomerMergeLeftover:
    field: str = strawberry.field(description="Where it was (`email`, `mobilePhone`, "
                                              "`landlinePhone`).")
    value: str = strawberry.field(description="The value.")


@strawberry.type(description="What customerMerge would make of two customers (nothing is "
                             "written).")
class CustomerMergePreview:
    keep: Customer = strawberry.field(description="The customer that stays.")
    merge: Customer = strawberry.field(description="The customer merged into it (deleted).")
    result: Customer = strawberry.field(
        description="The kept customer as the merge with the default choices leaves it.")
    fields: list[CustomerMergeField] = strawberry.field(
        description="Every field whose values differ, with both values and the default.")
    not_kept: list[CustomerMergeLeftover] = strawberry.field(
        description="Emails and phones that fit in no slot with the default choices.")


@strawberry.type(description="A merge of two customers, undoable with customerUnmerge within "
                             f"{merge.UNMERGE_DAYS} days.")
class CustomerMerge:
    id: strawberry.ID = strawberry.field(description="The merge's ID (for customerUnmerge).")
    kept_customer_id: strawberry.ID = strawberry.field(description="The customer that stayed.")
    merged_customer_id: strawberry.ID = strawberry.field(
        description="The customer merged into it (deleted; restored by an unmerge).")
    created_at: dt.datetime = strawberry.field(description="When it was merged.")
    unmerge_until: dt.datetime = strawberry.field(description="customerUnmerge works until "
                                                              "then.")
    unmerged_at: dt.datetime | None = optional("When it was undone; null while it stands.")

    @classmethod
    def from_row(cls, row: Any) -> CustomerMerge:
        return cls(id=strawberry.ID(ids.encode("CustomerMerge", row["id"])),
                   kept_customer_id=strawberry.ID(ids.encode("Customer", row["kept_customer"])),
                   merged_customer_id=strawberry.ID(
                       ids.encode("Customer", row["merged_customer"])),
                   created_at=row["created_at"], unmerge_until=row["unmerge_until"],
                   unmerged_at=row["unmerged_at"])


def _api_name(field: str) -> str:
    if field.startswith(CUSTOM_PREFIX):
        return "customFields." + field.removeprefix(CUSTOM_PREFIX)
    return api_field(field) or field


# the API's spelling of a mergeable field → the domain's
_DOMAIN_NAMES = {_api_name(c): c for c in COLUMNS}


def domain_choices(choices: list[CustomerMergeFieldChoice] | None) -> dict[str, Take]:
    """fieldChoices → {domain field: take}; a field no customer has: INVALID."""
    out: dict[str, Take] = {}
    for choice in choices or ():
        if choice.field.startswith("customFields."):
            name = CUSTOM_PREFIX + choice.field.removeprefix("customFields.")
        elif choice.field in _DOMAIN_NAMES:
            name = _DOMAIN_NAMES[choice.field]
        else:
            raise DomainError([FieldError("field_choices", f"No such field: {choice.field}.",
                                          MergeErrorCode.INVALID)])
        out[name] = Take[choice.take.name]
    return out


def preview_of(plan: merge.Plan) -> CustomerMergePreview:
    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, dt.date) else value

    return CustomerMergePreview(
        keep=Customer.from_row(plan.keep), merge=Customer.from_row(plan.merge),
        result=Customer.from_row(plan.result),
        fields=[CustomerMergeField(field=_api_name(f.field), keep_value=plain(f.keep),
                                   merge_value=plain(f.merge),
                                   default=MergeTakeEnum[f.default.name])
                for f in plan.fields],
        not_kept=[CustomerMergeLeftover(field=_api_name(n["field"]), value=n["value"])
                  for n in plan.not_kept])


MergeId = Annotated[strawberry.ID, strawberry.argument(description="The merge's ID.")]


def query_error(error: DomainError) -> ApiError:
    """A refusal of the preview (a query) as a top-level error with the code."""
    first = error.errors[0]
    return ApiError(first.message, getattr(first.code, "name", str(first.code)))
