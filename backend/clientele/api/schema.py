"""The schema: root types composed from the per-domain classes, plus limits."""

from __future__ import annotations

import strawberry
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
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
DOCUMENT_CACHE_SIZE = 1000


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


def _limit_rules(production: bool) -> list:
    """Validation rules built once, so that the validation cache (keyed by document and rules)
    hits for every repeated document."""
    rules = [
        *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
        *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
    ]
    if production:
        rules.append(NoSchemaIntrospectionCustomRule)
    return rules


def build_schema(production: bool = False) -> strawberry.Schema:
    rules = _limit_rules(production)
    extensions: list = [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        # Repeated documents (the SPA's and partners' operations) skip parsing and validation.
        lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: AddValidationRules(rules),
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),
    ]
    if production:
        extensions.append(MaskErrors)
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[Customer, Appointment, Communication],
        extensions=extensions,
        config=StrawberryConfig(auto_camel_case=True),
    )


schema = build_schema()
