"""The schema: root types composed from the per-domain classes, plus limits."""

from __future__ import annotations

import strawberry
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.schema.config import StrawberryConfig

from clientele.api.appointments.types import Appointment
from clientele.api.communications.types import Communication
from clientele.api.customers.mutations.customer_create import customer_create
from clientele.api.customers.mutations.customer_delete import customer_delete
from clientele.api.customers.mutations.customer_update import customer_update
from clientele.api.customers.queries import CustomerQueries
from clientele.api.customers.subscriptions import CustomerSubscriptions
from clientele.api.customers.types import Customer
from clientele.api.node import NodeQueries

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5000


@strawberry.type(description="Read customers, their appointments and communications.")
class Query(CustomerQueries, NodeQueries):
    pass


@strawberry.type(description="Change customers. Expected failures come back as userErrors.")
class Mutation:
    customer_create = strawberry.mutation(
        resolver=customer_create,
        description="Add a customer. Refused with DUPLICATE when the email or a phone already "
                    "belongs to a customer (the payload names that customer).",
    )
    customer_update = strawberry.mutation(
        resolver=customer_update,
        description="Change a customer: omitted fields are left alone, null clears a field.",
    )
    customer_delete = strawberry.mutation(
        resolver=customer_delete,
        description="Erase a customer and their history, or keep the history anonymised.",
    )


@strawberry.type(description="Live updates over graphql-transport-ws (or SSE).")
class Subscription(CustomerSubscriptions):
    pass


def build_schema(production: bool = False) -> strawberry.Schema:
    extensions: list = [
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
    ]
    if production:
        extensions += [
            lambda: AddValidationRules([NoSchemaIntrospectionCustomRule]),
            MaskErrors,
        ]
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[Customer, Appointment, Communication],
        extensions=extensions,
        config=StrawberryConfig(auto_camel_case=True),
    )


schema = build_schema()
