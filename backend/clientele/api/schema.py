"""The schema: root types composed from the per-domain classes, plus limits."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
)
from strawberry.schema.config import StrawberryConfig

from clientele.api.accounts.mutations import AccountMutations, AccountSettingsMutations
from clientele.api.accounts.queries import AccountQueries
from clientele.api.appointments.mutations import AppointmentMutations
from clientele.api.appointments.types import Appointment
from clientele.api.blocking.mutations import BlockingMutations
from clientele.api.blocking.queries import BlockingQueries
from clientele.api.calendar_sync.mutations import CalendarMutations
from clientele.api.calendar_sync.queries import CalendarQueries
from clientele.api.calendar_sync.subscriptions import CalendarSubscriptions
from clientele.api.communications.mutations import MessageMutations
from clientele.api.communications.queries import MessageQueries
from clientele.api.communications.types import Communication
from clientele.api.compiled.execute import CompiledExecution
from clientele.api.cost import MAX_COST
from clientele.api.customers.mutations import CustomerMutations
from clientele.api.customers.queries import CustomerQueries
from clientele.api.customers.search import search_customers
from clientele.api.customers.subscriptions import CustomerSubscriptions
from clientele.api.customers.types import Customer
from clientele.api.document_limits import MAX_TOKENS, DocumentLimits
from clientele.api.faults import ServiceFaults, is_fault_error
from clientele.api.imports.mutations import ImportMutations
from clientele.api.imports.queries import ImportQueries
from clientele.api.imports.subscriptions import ImportSubscriptions
from clientele.api.input_rules import HostileLiteralsRule, RequestChecks
from clientele.api.node import NodeQueries
from clientele.api.scalars import SCALAR_OVERRIDES
from clientele.api.stream_parser_cache import StreamSafeParserCache
from clientele.api.subscription_fanout import PerEventExecutor
from clientele.api.suggestions import QuietExecutor
from clientele.api.telemetry import telemetry_extensions
from clientele.api.validation import Validation, validator
from clientele.api.webhooks.mutations import WebhookMutations
from clientele.api.webhooks.queries import WebhookQueries

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_FIELDS = 20_000  # per operation or fragment once fragment spreads are expanded
LIMITS = DocumentLimits(max_fields=MAX_FIELDS, max_depth=MAX_DEPTH, max_aliases=MAX_ALIASES,
                        max_cost=MAX_COST)
DOCUMENT_CACHE_SIZE = 1000
MAX_BATCH = 10  # operations in one batched HTTP request (a JSON array)


@strawberry.type(description="Read customers, their appointments and communications.")
class Query(CustomerQueries, NodeQueries, AccountQueries, BlockingQueries, CalendarQueries,
            ImportQueries, MessageQueries, WebhookQueries):
    search_customers = strawberry.field(
        resolver=search_customers,
        description="Find customers as you type: typo-tolerant, word-order free, case- and "
                    "accent-insensitive over name, email, phones and company; ranked hits "
                    "with what matched (read:customers).")


# schema.graphql lists the fields in the order of these classes and of the fields in each
@strawberry.type(description="Change customers. Expected failures come back as userErrors.")
class Mutation(CustomerMutations, BlockingMutations, AppointmentMutations, AccountMutations,
               CalendarMutations, AccountSettingsMutations, ImportMutations, MessageMutations,
               WebhookMutations):
    pass


@strawberry.type(description="Live updates over graphql-transport-ws (or SSE).")
class Subscription(CustomerSubscriptions, CalendarSubscriptions, ImportSubscriptions):
    pass


def is_internal_error(error: GraphQLError) -> bool:
    """Bugs are masked; request errors, our coded errors and infrastructure faults (which
    ServiceFaults words and codes SERVICE_UNAVAILABLE) stay readable: the client needs them."""
    original = error.original_error
    return (original is not None and not isinstance(original, GraphQLError)
            and not is_fault_error(error))


def _limit_rules(production: bool) -> list:
    """Validation rules built once, so that the validation cache (keyed by document and rules)
    hits for every repeated document."""
    rules: list = [
        # size, depth, aliases and cost are checked before these run (api/validation.py)
        HostileLiteralsRule,  # NUL, lone surrogates, unreadable numbers (INVALID_STRING/NUMBER)
    ]
    if production:
        rules.append(NoSchemaIntrospectionCustomRule)
    return rules


class Schema(strawberry.Schema):
    """Strawberry's schema with compiled execution in front of the resolvers for the queries
    that map onto tables (api/compiled): one SQL statement builds the response."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.compiled = CompiledExecution(self._schema)

    async def execute(
            self, query: str | None, variable_values: dict[str, Any] | None = None,
            context_value: Any | None = None, root_value: Any | None = None,
            operation_name: str | None = None, allowed_operation_types: Any = None,
            operation_extensions: dict[str, Any] | None = None) -> Any:
        if root_value is not None:
            return await super().execute(query, variable_values, context_value, root_value,
                                         operation_name, allowed_operation_types,
                                         operation_extensions)
        return await self.compiled.execute(
            super().execute, query, variable_values, context_value, operation_name,
            allowed_operation_types, operation_extensions=operation_extensions)


def build_schema(production: bool = False) -> Schema:
    rules = _limit_rules(production)
    validate_document = validator(LIMITS, hide_suggestions=production,
                                  maxsize=DOCUMENT_CACHE_SIZE)
    extensions: list = [
        RequestChecks,  # first, so it leaves last: codes every request error (input_rules.py)
        # counts and times operations; with tracing on, their spans (api/telemetry.py)
        *telemetry_extensions(),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        # Repeated documents (the SPA's and partners' operations) skip parsing and validation.
        # (a syntax error in a streamed operation is an error result there too)
        lambda: StreamSafeParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: AddValidationRules(rules),
        # the document limits, then graphql-core's rules (no suggestions in production); cached
        lambda: Validation(validate_document),
        ServiceFaults,  # database or broker unreachable: SERVICE_UNAVAILABLE, in words
    ]
    if production:
        extensions += [lambda: MaskErrors(should_mask_error=is_internal_error)]
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[Customer, Appointment, Communication],
        extensions=extensions,
        # no memory growth per event in long-lived subscriptions (see PerEventExecutor); in
        # production, no suggestions in variable and argument errors (api/suggestions.py)
        execution_context_class=QuietExecutor if production else PerEventExecutor,
        config=StrawberryConfig(auto_camel_case=True,
                                batching_config={"max_operations": MAX_BATCH},
                                # DateTime/Date refuse what cannot be stored (INVALID_DATE)
                                scalar_map=SCALAR_OVERRIDES),
    )


schema = build_schema()
