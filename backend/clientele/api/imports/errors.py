"""The error type shared by the import mutations."""

from __future__ import annotations

import strawberry

from clientele.api.enums import ImportErrorCodeEnum
from clientele.api.mutation import UserError


@strawberry.type(description="Why an import step was refused; nothing was written.")
class CustomerImportError(UserError, codes=ImportErrorCodeEnum):
    """userErrors of the customerImport… mutations."""
