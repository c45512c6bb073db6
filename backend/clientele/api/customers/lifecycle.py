"""lifecycleRuns: what the account's archive and retention rules did (customers.lifecycle)."""

from __future__ import annotations

import datetime as dt

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.enums import api_enum
from clientele.api.errors import ApiError
from clientele.api.fields import optional
from clientele.api.permissions import require
from clientele.api.relay import AFTER, FIRST, PageInfo, check_first
from clientele.core import ids
from clientele.core.cursors import InvalidCursor
from clientele.customers import lifecycle

LifecycleRunKindEnum = api_enum(
    lifecycle.RunKind, "LifecycleRunKind", "Which customer lifecycle rule ran.",
    {"ARCHIVE": "The archive rule (archiveAfterMonths): inactive customers archived.",
     "ERASE": "The retention rule (eraseAfterMonths): inactive customers' personal data "
              "erased."},
)


@strawberry.type(description="One run of a customer lifecycle rule, with what it did.")
class LifecycleRun:
    id: strawberry.ID = strawberry.field(description="Identifies the run.")
    kind: LifecycleRunKindEnum = strawberry.field(  # type: ignore[valid-type]
        description="Which rule ran.")
    months: int = strawberry.field(description="The rule's months of inactivity at the run.")
    started_at: dt.datetime = strawberry.field(description="When the run began.")
    finished_at: dt.datetime | None = optional("When it ended; null while it runs.")
    count: int = strawberry.field(description="How many customers it archived or erased.")
    skipped_count: int = strawberry.field(
        description="Inactive customers the retention rule left alone because erasure refused "
                    "them (blocked customers, or upcoming appointments booked meanwhile).")
    error: str | None = optional("Why the run stopped early; null when it completed.")

    @classmethod
    def of(cls, run: lifecycle.Run) -> LifecycleRun:
        return cls(id=strawberry.ID(ids.encode("LifecycleRun", run.id)),
                   kind=LifecycleRunKindEnum[run.kind.name], months=run.months,
                   started_at=run.started_at, finished_at=run.finished_at, count=run.done,
                   skipped_count=run.skipped, error=run.error)


@strawberry.type(description="A lifecycle run of the list with its cursor.")
class LifecycleRunEdge:
    cursor: str = strawberry.field(description="Opaque cursor of this item.")
    node: LifecycleRun = strawberry.field(description="The run.")


@strawberry.type(description="A page of lifecycle runs, newest first.")
class LifecycleRunConnection:
    edges: list[LifecycleRunEdge] = strawberry.field(description="The runs of this page.")
    page_info: PageInfo = strawberry.field(description="Pagination state of this page.")


@strawberry.type
class LifecycleQueries:
    @strawberry.field(description="What the archive and retention rules did, newest run first "
                                  "(manage:settings).")
    async def lifecycle_runs(self, info: Info, first: FIRST = 20,
                             after: AFTER = None) -> LifecycleRunConnection:
        require(info, Permission.MANAGE_SETTINGS)
        check_first(first)
        try:
            page = await lifecycle.runs(info.context.account.id, first, after)
        except InvalidCursor as exc:
            raise ApiError(str(exc), "INVALID_CURSOR") from exc
        edges = [LifecycleRunEdge(cursor=run.cursor, node=LifecycleRun.of(run))
                 for run in page.runs]
        return LifecycleRunConnection(
            edges=edges,
            page_info=PageInfo(has_next_page=page.has_next_page,
                               has_previous_page=after is not None,
                               start_cursor=edges[0].cursor if edges else None,
                               end_cursor=edges[-1].cursor if edges else None))
