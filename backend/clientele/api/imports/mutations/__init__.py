"""The import mutations, one per module; the Mutation root inherits this class."""

from __future__ import annotations

import strawberry

from clientele.api.imports.mutations.customer_import_cancel import customer_import_cancel
from clientele.api.imports.mutations.customer_import_commit import customer_import_commit
from clientele.api.imports.mutations.customer_import_preview import customer_import_preview
from clientele.api.imports.mutations.customer_import_undo import customer_import_undo


@strawberry.type
class ImportMutations:
    """Customer import: preview, commit, cancel, undo."""

    customer_import_preview = customer_import_preview
    customer_import_commit = customer_import_commit
    customer_import_cancel = customer_import_cancel
    customer_import_undo = customer_import_undo
