"""The schema: root types composed from the per-domain classes, plus limits."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
)
from strawberry.schema.config import StrawberryConfig

from clientele.api.accounts.mutations.account_settings_update import account_settings_update
from clientele.api.accounts.mutations.api_token_create import api_token_create
from clientele.api.accounts.mutations.api_token_revoke import api_token_revoke
from clientele.api.accounts.mutations.login import login
from clientele.api.accounts.mutations.logout import logout
from clientele.api.accounts.mutations.role_create import role_create
from clientele.api.accounts.mutations.role_delete import role_delete
from clientele.api.accounts.mutations.role_update import role_update
from clientele.api.accounts.mutations.user_create import user_create
from clientele.api.accounts.mutations.user_update import user_update
from clientele.api.accounts.queries import AccountQueries
from clientele.api.appointments.mutations.appointment_link_customer import (
    appointment_link_customer,
)
from clientele.api.appointments.mutations.booking_create import booking_create
from clientele.api.appointments.types import Appointment
from clientele.api.blocking.mutations.block_rule_create import block_rule_create
from clientele.api.blocking.mutations.block_rule_delete import block_rule_delete
from clientele.api.blocking.mutations.customer_block import customer_block
from clientele.api.blocking.mutations.customer_unblock import customer_unblock
from clientele.api.blocking.queries import BlockingQueries
from clientele.api.calendar_sync.mutations.calendar_source_create import calendar_source_create
from clientele.api.calendar_sync.mutations.calendar_source_delete import calendar_source_delete
from clientele.api.calendar_sync.mutations.calendar_source_sync import calendar_source_sync
from clientele.api.calendar_sync.mutations.calendar_source_update import calendar_source_update
from clientele.api.calendar_sync.mutations.calendar_upload import calendar_upload
from clientele.api.calendar_sync.queries import CalendarQueries
from clientele.api.calendar_sync.subscriptions import CalendarSubscriptions
from clientele.api.communications.types import Communication
from clientele.api.cost import MAX_COST
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
from clientele.api.customers.mutations.customer_update import customer_update
from clientele.api.customers.queries import CustomerQueries
from clientele.api.customers.search import search_customers
from clientele.api.customers.subscriptions import CustomerSubscriptions
from clientele.api.customers.types import Customer
from clientele.api.document_limits import DocumentLimits
from clientele.api.faults import ServiceFaults, is_fault_error
from clientele.api.input_rules import HostileLiteralsRule, RequestChecks
from clientele.api.node import NodeQueries
from clientele.api.scalars import SCALAR_OVERRIDES
from clientele.api.stream_parser_cache import StreamSafeParserCache
from clientele.api.subscription_fanout import PerEventExecutor
from clientele.api.suggestions import QuietExecutor
from clientele.api.validation import Validation, validator

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_FIELDS = 20_000  # per operation or fragment once fragment spreads are expanded
LIMITS = DocumentLimits(max_fields=MAX_FIELDS, max_depth=MAX_DEPTH, max_aliases=MAX_ALIASES,
                        max_cost=MAX_COST)
MAX_TOKENS = 5000
DOCUMENT_CACHE_SIZE = 1000
MAX_BATCH = 10  # operations in one batched HTTP request (a JSON array)


@strawberry.type(description="Read customers, their appointments and communications.")
class Query(CustomerQueries, NodeQueries, AccountQueries, BlockingQueries, CalendarQueries):
    search_customers = strawberry.field(
        resolver=search_customers,
        description="Find customers as you type: typo-tolerant, word-order free, case- and "
                    "accent-insensitive over name, email, phones and company; ranked hits "
                    "with what matched (read:customers).")


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
    custom_field_definition_create = strawberry.mutation(
        resolver=custom_field_definition_create,
        description="Define a custom customer field (manage:settings).")
    custom_field_definition_update = strawberry.mutation(
        resolver=custom_field_definition_update,
        description="Change a custom field's label, options, flags, or archive it. Dropdown "
                    "options that customers use cannot be removed.")
    custom_field_definition_delete = strawberry.mutation(
        resolver=custom_field_definition_delete,
        description="Delete a custom field nobody uses; one with stored values is archived "
                    "instead, keeping them.")
    customer_block = strawberry.mutation(
        resolver=customer_block,
        description="Block a customer from online booking: rules for their email and phones "
                    "(their name when they have neither). Needs edit:blocked-customers.")
    customer_unblock = strawberry.mutation(
        resolver=customer_unblock,
        description="Remove the rules matching the customer's own email, phones and name.")
    block_rule_create = strawberry.mutation(
        resolver=block_rule_create,
        description="Block by email, name, email domain, IP address (or network) or phone.")
    block_rule_delete = strawberry.mutation(
        resolver=block_rule_delete, description="Remove a block rule.")
    booking_create = strawberry.mutation(
        resolver=booking_create,
        description="A booking. Without login (the public booking form: accountSlug required, "
                    "rate-limited per IP) a blocked customer is refused with the business's "
                    "message and the attempt is logged; staff bookings (add:customers) of "
                    "blocked customers go through and say so.")
    login = strawberry.mutation(
        resolver=login,
        description="Sign in: sets an HTTP-only session cookie and returns the CSRF token "
                    "to send as X-CSRF-Token on every POST. Rate-limited per IP.")
    logout = strawberry.mutation(resolver=logout, description="End the browser session.")
    api_token_create = strawberry.mutation(
        resolver=api_token_create,
        description="Create an API token with a subset of your permissions; the secret is "
                    "returned once.")
    api_token_revoke = strawberry.mutation(
        resolver=api_token_revoke, description="Revoke one of your API tokens at once.")
    user_create = strawberry.mutation(
        resolver=user_create, description="Add a staff user (manage:users).")
    user_update = strawberry.mutation(
        resolver=user_update,
        description="Change a staff user's name, role, password or active state "
                    "(manage:users). The last user who can manage users cannot be removed.")
    role_create = strawberry.mutation(
        resolver=role_create, description="Create a custom role (manage:users).")
    role_update = strawberry.mutation(
        resolver=role_update, description="Change a custom role (manage:users).")
    role_delete = strawberry.mutation(
        resolver=role_delete, description="Delete a custom role nobody has (manage:users).")
    calendar_source_create = strawberry.mutation(
        resolver=calendar_source_create,
        description="Add an iCalendar feed URL; it is polled in the background "
                    "(manage:settings).")
    calendar_source_update = strawberry.mutation(
        resolver=calendar_source_update, description="Change a calendar source.")
    calendar_source_delete = strawberry.mutation(
        resolver=calendar_source_delete,
        description="Stop syncing a source; its appointments stay as history. Events in the "
                    "calendar itself are never touched.")
    calendar_source_sync = strawberry.mutation(
        resolver=calendar_source_sync, description="Sync a feed now; returns the run.")
    calendar_upload = strawberry.mutation(
        resolver=calendar_upload,
        description="Sync an uploaded .ics file (GraphQL multipart request spec).")
    appointment_link_customer = strawberry.mutation(
        resolver=appointment_link_customer,
        description="Link an unmatched appointment to a customer (edit:customers).")
    account_settings_update = strawberry.mutation(
        resolver=account_settings_update,
        description="Change account settings (manage:settings).")


@strawberry.type(description="Live updates over graphql-transport-ws (or SSE).")
class Subscription(CustomerSubscriptions, CalendarSubscriptions):
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


def build_schema(production: bool = False) -> strawberry.Schema:
    rules = _limit_rules(production)
    validate_document = validator(LIMITS, hide_suggestions=production,
                                  maxsize=DOCUMENT_CACHE_SIZE)
    extensions: list = [
        RequestChecks,  # first, so it leaves last: codes every request error (input_rules.py)
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
    return strawberry.Schema(
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
