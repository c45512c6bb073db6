"""The GraphQL enums of merging customers (apart from the types: api.error_codes imports the
error enum, and the types import api.errors)."""

from __future__ import annotations

from clientele.api.enums import api_enum
from clientele.customers import merge
from clientele.customers.merge import MergeErrorCode, Take

MergeErrorCodeEnum = api_enum(
    MergeErrorCode, "CustomerMergeErrorCode",
    "Why a merge or unmerge was refused; nothing was written.",
    {"INVALID": "The value is not acceptable (see the message).",
     "NOT_FOUND": "No such customer or merge in your account.",
     "SAME_CUSTOMER": "The two IDs name the same customer.",
     "IMPORT_RUNNING": "A queued or running import is about to change one of the customers.",
     "UNMERGE_EXPIRED": f"The merge is older than {merge.UNMERGE_DAYS} days.",
     "ALREADY_UNMERGED": "The merge has been undone already.",
     "CHANGED_SINCE": "A field the merge changed was changed again since; undoing the merge "
                      "would lose that change.",
     "DUPLICATE": "Another customer has an email address one of the two had before the "
                  "merge."},
)
MergeTakeEnum = api_enum(
    Take, "CustomerMergeTake", "Whose value a field of the merged record takes.",
    {"KEEP": "The kept customer's value.", "MERGE": "The value of the customer merged into it."},
)
