"""duplicateCandidates: groups of customers who may be one person (customers.duplicates)."""

from __future__ import annotations

import datetime as dt

import strawberry

from clientele.accounts.permissions import Permission
from clientele.api.context import Info
from clientele.api.customers.types import Customer
from clientele.api.enums import api_enum
from clientele.api.errors import ApiError
from clientele.api.fields import optional
from clientele.api.permissions import require
from clientele.api.relay import AFTER, FIRST, PageInfo, check_first
from clientele.core import ids
from clientele.core.cursors import InvalidCursor
from clientele.customers import duplicates

DuplicateReasonEnum = api_enum(
    duplicates.Reason, "DuplicateReason", "Why customers may be one person.",
    {"SAME_PHONE": "They have a phone number in common (written in any format; mobile or "
                   "landline). Alone a weak sign: families and colleagues share landlines.",
     "SAME_EMAIL_NORMALISED": "Their emails are one mailbox as the provider reads them: case, "
                              "and for Gmail dots and a +tag, for Outlook/Hotmail, iCloud, "
                              "Fastmail, Proton and others a +tag.",
     "SAME_NAME_AND_BIRTHDAY": "Same full name (accents and transliterations folded: "
                               "ü/ue, ø/oe, å/aa, ß/ss, ł/l) and same date of birth.",
     "SAME_NAME_AND_COMPANY": "Same full name (folded) and same company.",
     "SAME_NAME_AND_PHONE": "Same full name (folded) and a phone number in common."},
)


@strawberry.type(description="Customers who may be one person, with why and how sure.")
class DuplicateCandidate:
    id: strawberry.ID = strawberry.field(description="Identifies this group of customers.")
    customers: list[Customer] = strawberry.field(
        description="The customers of the group (two or more; archived ones are left out).")
    score: int = strawberry.field(
        description="How likely they are one person, 0-100 (combined from the reasons).")
    reasons: list[DuplicateReasonEnum] = strawberry.field(  # type: ignore[valid-type]
        description="What they have in common.")


@strawberry.type(description="A duplicate candidate of the list with its cursor.")
class DuplicateCandidateEdge:
    cursor: str = strawberry.field(description="Opaque cursor of this item.")
    node: DuplicateCandidate = strawberry.field(description="The candidate group.")


@strawberry.type(description="A page of duplicate candidates, best score first.")
class DuplicateCandidateConnection:
    edges: list[DuplicateCandidateEdge] = strawberry.field(
        description="The candidates of this page.")
    page_info: PageInfo = strawberry.field(description="Pagination state of this page.")
    refreshed_at: dt.datetime | None = optional(
        "When the candidates were last computed (they are recomputed within minutes of any "
        "change to customers); null before the first computation.")
    _page: strawberry.Private[duplicates.Page]

    @strawberry.field(description="Number of candidate groups in the whole list (all pages).")
    async def total_count(self) -> int:
        return await self._page.total()


@strawberry.type
class DuplicateQueries:
    @strawberry.field(description="Groups of customers who may be one person, best score "
                                  "first; pairs dismissed with candidateDismiss are not "
                                  "listed again (read:customers).")
    async def duplicate_candidates(self, info: Info, first: FIRST = 20,
                                   after: AFTER = None) -> DuplicateCandidateConnection:
        require(info, Permission.READ_CUSTOMERS)
        check_first(first)
        account_id = info.context.account.id
        try:
            page = await duplicates.page(account_id, first, after)
        except InvalidCursor as exc:
            raise ApiError(str(exc), "INVALID_CURSOR") from exc
        wanted = sorted({c for candidate in page.candidates for c in candidate.customers})
        rows = await info.context.loaders.customer_by_id.load_many(wanted)
        by_id = {row["id"]: Customer.from_row(row) for row in rows if row}
        edges = [DuplicateCandidateEdge(cursor=c.cursor, node=DuplicateCandidate(
            id=strawberry.ID(ids.encode("DuplicateCandidate", c.id)),
            customers=[by_id[m] for m in c.customers if m in by_id],
            score=c.score,
            reasons=[DuplicateReasonEnum[r.name] for r in c.reasons]))
            for c in page.candidates]
        cursors = [e.cursor for e in edges]
        return DuplicateCandidateConnection(
            edges=edges,
            page_info=PageInfo(has_next_page=page.has_next_page,
                               has_previous_page=after is not None,
                               start_cursor=cursors[0] if cursors else None,
                               end_cursor=cursors[-1] if cursors else None),
            refreshed_at=await duplicates.refreshed_at(account_id),
            _page=page)
