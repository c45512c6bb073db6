"""The customer mutations, one per module; the Mutation root inherits this class."""

from __future__ import annotations

import strawberry

from clientele.api.customers.mutations.candidate_dismiss import candidate_dismiss
from clientele.api.customers.mutations.custom_field_definition_create import (
    custom_field_definition_create,
)
from clientele.api.customers.mutations.custom_field_definition_delete import (
    custom_field_definition_delete,
)
from clientele.api.customers.mutations.custom_field_definition_update import (
    custom_field_definition_update,
)
from clientele.api.customers.mutations.customer_create import customer_create
from clientele.api.customers.mutations.customer_delete import customer_delete
from clientele.api.customers.mutations.customer_erase import customer_erase
from clientele.api.customers.mutations.customer_merge import customer_merge
from clientele.api.customers.mutations.customer_unmerge import customer_unmerge
from clientele.api.customers.mutations.customer_update import customer_update


@strawberry.type
class CustomerMutations:
    """Customers and their custom field definitions."""

    customer_create = customer_create
    customer_update = customer_update
    customer_delete = customer_delete
    customer_erase = customer_erase
    customer_merge = customer_merge
    customer_unmerge = customer_unmerge
    custom_field_definition_create = custom_field_definition_create
    custom_field_definition_update = custom_field_definition_update
    custom_field_definition_delete = custom_field_definition_delete
    candidate_dismiss = candidate_dismiss
