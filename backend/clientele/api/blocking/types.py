"""Block rules and blocked booking attempts as GraphQL types."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from clientele.api.enums import BlockKindEnum
from clientele.core import ids


@strawberry.type(description="Keeps matching people from booking online.")
class BlockRule:
    id: strawberry.ID = strawberry.field(description="Global ID of the rule.")
    kind: BlockKindEnum = strawberry.field(description="What it matches.")
    value: str = strawberry.field(description="The normalised value matched.")
    reason: str = strawberry.field(description="Why (staff only).")
    author_name: str = strawberry.field(description="Who created it.")
    created_at: dt.datetime = strawberry.field(description="When.")

    @classmethod
    def from_row(cls, row: Any) -> BlockRule:
        return cls(id=strawberry.ID(ids.encode("BlockRule", row["id"])),
                   kind=BlockKindEnum[row["kind"]], value=row["value"], reason=row["reason"],
                   author_name=row["author_label"], created_at=row["created_at"])


@strawberry.type(description="An online booking that a block rule refused.")
class BlockedBookingAttempt:
    id: strawberry.ID = strawberry.field(description="Global ID of the attempt.")
    email: str | None = strawberry.field(description="Email given.")
    name: str | None = strawberry.field(description="Name given.")
    phone: str | None = strawberry.field(description="Phone given.")
    ip: str | None = strawberry.field(description="Client IP address.")
    rule_id: strawberry.ID | None = strawberry.field(description="The matching rule.")
    created_at: dt.datetime = strawberry.field(description="When.")

    @classmethod
    def from_row(cls, row: Any) -> BlockedBookingAttempt:
        return cls(id=strawberry.ID(ids.encode("BlockedBookingAttempt", row["id"])),
                   email=row["email"], name=row["name"], phone=row["phone"], ip=row["ip"],
                   rule_id=strawberry.ID(ids.encode("BlockRule", row["rule"]))
                   if row["rule"] else None, created_at=row["created_at"])
