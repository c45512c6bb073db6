"""Every operation x every built-in role (and anonymous): allowed or refused as specified."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from clientele.accounts.permissions import BUILTIN_ROLES, Permission
from clientele.accounts.roles import ensure_builtin_roles
from clientele.core import ids
from tests.api.helpers import create_customer
from tests.conftest import Client

P = Permission


class FakeUpload:
    filename = "matrix.ics"

    async def read(self, size: int = -1) -> bytes:
        return b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


@dataclass
class Op:
    name: str
    document: str
    needs: Permission | None  # None: any authenticated caller
    variables: Callable[[dict[str, Any]], dict[str, Any]] = lambda ctx: {}
    public: bool = False  # anonymous callers may use it


def _rand() -> str:
    return uuid.uuid4().hex[:8]


OPERATIONS = [
    Op("customers", "{ customers(first: 1) { totalCount } }", P.READ_CUSTOMERS),
    Op("customer", "query($id: ID!) { customer(id: $id) { id } }", P.READ_CUSTOMERS,
       lambda c: {"id": c["customer"]}),
    Op("node", "query($id: ID!) { node(id: $id) { id } }", P.READ_CUSTOMERS,
       lambda c: {"id": c["customer"]}),
    Op("nodes", "query($id: ID!) { nodes(ids: [$id]) { id } }", P.READ_CUSTOMERS,
       lambda c: {"id": c["customer"]}),
    Op("customerCreate", 'mutation { customerCreate(input: {firstName: "M"}) '
       "{ userErrors { code } } }", P.ADD_CUSTOMERS),
    Op("customerUpdate", 'mutation($id: ID!) { customerUpdate(id: $id, input: {notes: "x"}) '
       "{ userErrors { code } } }", P.EDIT_CUSTOMERS, lambda c: {"id": c["customer"]}),
    Op("customerDelete", "mutation($id: ID!) { customerDelete(id: $id) { userErrors { code } } }",
       P.DELETE_CUSTOMERS, lambda c: {"id": c["spare"]}),
    Op("customerErase", "mutation($id: ID!) { customerErase(id: $id) { erased "
       "userErrors { code } } }", P.DELETE_CUSTOMERS, lambda c: {"id": c["spare"]}),
    Op("duplicateCandidates", "{ duplicateCandidates(first: 1) { totalCount } }",
       P.READ_CUSTOMERS),
    Op("candidateDismiss", "mutation($a: ID!, $b: ID!) { candidateDismiss(customerIds: "
       "[$a, $b]) { userErrors { code } } }", P.EDIT_CUSTOMERS,
       lambda c: {"a": c["customer"], "b": c["spare"]}),
    Op("customerMergePreview", "query($k: ID!, $m: ID!) { customerMergePreview(keepId: $k, "
       "mergeId: $m) { fields { field } } }", P.EDIT_CUSTOMERS,
       lambda c: {"k": c["customer"], "m": c["spare"]}),
    Op("customerMerge", "mutation($k: ID!, $m: ID!) { customerMerge(keepId: $k, mergeId: $m) "
       "{ userErrors { code } } }", P.EDIT_CUSTOMERS,
       lambda c: {"k": c["customer"], "m": c["spare"]}),
    Op("customerUnmerge", "mutation($id: ID!) { customerUnmerge(mergeId: $id) "
       "{ userErrors { code } } }", P.EDIT_CUSTOMERS,
       lambda c: {"id": ids.encode("CustomerMerge", uuid.uuid4())}),
    Op("customerBlock", "mutation($id: ID!) { customerBlock(id: $id) { userErrors { code } } }",
       P.EDIT_BLOCKED_CUSTOMERS, lambda c: {"id": c["customer"]}),
    Op("customerUnblock", "mutation($id: ID!) { customerUnblock(id: $id) "
       "{ userErrors { code } } }", P.EDIT_BLOCKED_CUSTOMERS, lambda c: {"id": c["customer"]}),
    Op("blockRuleCreate", "mutation($v: String!) { blockRuleCreate(kind: DOMAIN, value: $v) "
       "{ userErrors { code } } }", P.EDIT_BLOCKED_CUSTOMERS,
       lambda c: {"v": f"{_rand()}.example.com"}),
    Op("blockRuleDelete", "mutation($id: ID!) { blockRuleDelete(id: $id) "
       "{ userErrors { code } } }", P.EDIT_BLOCKED_CUSTOMERS,
       lambda c: {"id": ids.encode("BlockRule", uuid.uuid4())}),
    Op("blockRules", "{ blockRules { id } }", P.READ_CUSTOMERS),
    Op("calendarSources", "{ calendarSources { id } }", P.READ_CUSTOMERS),
    Op("syncRuns", "query($id: ID!) { syncRuns(sourceId: $id) { totalCount } }",
       P.READ_CUSTOMERS, lambda c: {"id": ids.encode("CalendarSource", uuid.uuid4())}),
    Op("upcomingAppointments", "{ upcomingAppointments { totalCount } }", P.READ_CUSTOMERS),
    Op("unmatchedAppointments", "{ unmatchedAppointments { totalCount } }", P.READ_CUSTOMERS),
    Op("calendarSourceCreate", 'mutation { calendarSourceCreate(input: {name: "C", url: '
       '"https://example.com/c.ics"}) { userErrors { code } } }', P.MANAGE_SETTINGS),
    Op("calendarSourceUpdate", 'mutation($id: ID!) { calendarSourceUpdate(id: $id, input: '
       '{name: "x"}) { userErrors { code } } }', P.MANAGE_SETTINGS,
       lambda c: {"id": ids.encode("CalendarSource", uuid.uuid4())}),
    Op("calendarSourceDelete", "mutation($id: ID!) { calendarSourceDelete(id: $id) "
       "{ userErrors { code } } }", P.MANAGE_SETTINGS,
       lambda c: {"id": ids.encode("CalendarSource", uuid.uuid4())}),
    Op("calendarSourceSync", "mutation($id: ID!) { calendarSourceSync(id: $id) "
       "{ userErrors { code } } }", P.MANAGE_SETTINGS,
       lambda c: {"id": ids.encode("CalendarSource", uuid.uuid4())}),
    Op("calendarUpload", "mutation($f: Upload!) { calendarUpload(file: $f) "
       "{ userErrors { code } } }", P.MANAGE_SETTINGS, lambda c: {"f": FakeUpload()}),
    Op("calendarIgnoreRules", "{ calendarIgnoreRules { id } }", P.READ_CUSTOMERS),
    Op("calendarIgnoreRuleCreate", 'mutation { calendarIgnoreRuleCreate(titleContains: '
       '"Matrix check") { userErrors { code } } }', P.MANAGE_SETTINGS),
    Op("calendarIgnoreRuleDelete", "mutation($id: ID!) { calendarIgnoreRuleDelete(id: $id) "
       "{ userErrors { code } } }", P.MANAGE_SETTINGS,
       lambda c: {"id": ids.encode("CalendarIgnoreRule", uuid.uuid4())}),
    # the import needs import:customers and add:customers (no built-in role has one alone);
    # an unknown job is a user error for those who may import
    Op("importJob", "query($id: ID!) { importJob(id: $id) { id } }", P.IMPORT_CUSTOMERS,
       lambda c: {"id": ids.encode("ImportJob", uuid.uuid4())}),
    Op("customerImportPreview", "mutation($id: ID!) { customerImportPreview(input: "
       "{jobId: $id}) { userErrors { code } } }", P.IMPORT_CUSTOMERS,
       lambda c: {"id": ids.encode("ImportJob", uuid.uuid4())}),
    Op("customerImportCommit", "mutation($id: ID!) { customerImportCommit(input: {jobId: $id, "
       "duplicates: FILL, errorPolicy: IMPORT_VALID}) { userErrors { code } } }",
       P.IMPORT_CUSTOMERS, lambda c: {"id": ids.encode("ImportJob", uuid.uuid4())}),
    Op("customerImportCancel", "mutation($id: ID!) { customerImportCancel(jobId: $id) "
       "{ userErrors { code } } }", P.IMPORT_CUSTOMERS,
       lambda c: {"id": ids.encode("ImportJob", uuid.uuid4())}),
    Op("customerImportUndo", "mutation($id: ID!) { customerImportUndo(jobId: $id) "
       "{ userErrors { code } } }", P.IMPORT_CUSTOMERS,
       lambda c: {"id": ids.encode("ImportJob", uuid.uuid4())}),
    # staff actions on appointments: an unknown appointment is a user error for those allowed
    Op("appointmentCreate", "mutation($c: ID!) { appointmentCreate(input: {customerId: $c, "
       'startsAt: "2031-05-01T10:00:00Z", endsAt: "2031-05-01T10:30:00Z"}) '
       "{ userErrors { code } } }", P.ADD_CUSTOMERS, lambda c: {"c": c["customer"]}),
    *(Op(name, f"mutation($id: ID!) {{ {name}(id: $id{extra}) {{ userErrors {{ code }} }} }}",
         P.EDIT_CUSTOMERS, lambda c: {"id": ids.encode("Appointment", uuid.uuid4())})
      for name, extra in (
          ("appointmentReschedule", ', startsAt: "2031-05-01T10:00:00Z", '
                                    'endsAt: "2031-05-01T10:30:00Z"'),
          ("appointmentCancel", ""), ("appointmentComplete", ""),
          ("appointmentMarkNoShow", ""), ("appointmentConfirm", ""),
          ("appointmentDecline", ""))),
    Op("appointmentLinkCustomer", "mutation($a: ID!, $c: ID!) { appointmentLinkCustomer("
       "appointmentId: $a, customerId: $c) { userErrors { code } } }", P.EDIT_CUSTOMERS,
       lambda c: {"a": ids.encode("Appointment", uuid.uuid4()), "c": c["customer"]}),
    Op("searchCustomers", '{ searchCustomers(query: "matrix") { score } }', P.READ_CUSTOMERS),
    Op("customFieldDefinitionCreate", "mutation($k: String!) { customFieldDefinitionCreate("
       'input: {key: $k, label: "L", type: TEXT}) { userErrors { code } } }',
       P.MANAGE_SETTINGS, lambda c: {"k": f"k{_rand()}"}),
    Op("customFieldDefinitionUpdate", 'mutation($id: ID!) { customFieldDefinitionUpdate(id: $id,'
       ' input: {label: "x"}) { userErrors { code } } }', P.MANAGE_SETTINGS,
       lambda c: {"id": ids.encode("CustomFieldDefinition", uuid.uuid4())}),
    Op("customFieldDefinitionDelete", "mutation($id: ID!) { customFieldDefinitionDelete("
       "id: $id) { userErrors { code } } }", P.MANAGE_SETTINGS,
       lambda c: {"id": ids.encode("CustomFieldDefinition", uuid.uuid4())}),
    Op("customFieldDefinitions", "{ customFieldDefinitions { key } }", P.READ_CUSTOMERS),
    Op("blockedBookingAttempts", "{ blockedBookingAttempts { totalCount } }",
       P.EDIT_BLOCKED_CUSTOMERS),
    Op("customer.isBlocked/history", "query($id: ID!) { customer(id: $id) { isBlocked "
       "blockRules { id } history { totalCount } } }", P.READ_CUSTOMERS,
       lambda c: {"id": c["customer"]}),
    Op("customerDataExport", "query($id: ID!) { customerDataExport(id: $id) }",
       P.EXPORT_CUSTOMERS, lambda c: {"id": c["customer"]}),
    Op("users", "{ users { id } }", P.MANAGE_USERS),
    Op("roles", "{ roles { id } }", P.MANAGE_USERS),
    Op("userCreate", "mutation($e: String!, $r: ID!) { userCreate(input: {email: $e, "
       'name: "N", password: "long-enough-pw", roleId: $r}) { userErrors { code } } }',
       P.MANAGE_USERS, lambda c: {"e": f"u{_rand()}@example.com", "r": c["staff_role"]}),
    Op("userUpdate", 'mutation($id: ID!) { userUpdate(id: $id, input: {name: "N"}) '
       "{ userErrors { code } } }", P.MANAGE_USERS,
       lambda c: {"id": ids.encode("StaffUser", uuid.uuid4())}),
    Op("roleCreate", "mutation($n: String!) { roleCreate(name: $n, permissions: "
       "[READ_CUSTOMERS]) { userErrors { code } } }", P.MANAGE_USERS,
       lambda c: {"n": f"r{_rand()}"}),
    Op("roleUpdate", 'mutation($id: ID!) { roleUpdate(id: $id, name: "x") '
       "{ userErrors { code } } }", P.MANAGE_USERS, lambda c: {"id": c["staff_role"]}),
    Op("roleDelete", "mutation($id: ID!) { roleDelete(id: $id) { userErrors { code } } }",
       P.MANAGE_USERS, lambda c: {"id": c["staff_role"]}),
    Op("accountSettingsUpdate", 'mutation { accountSettingsUpdate(bookingBlockedMessage: '
       '"No.") { userErrors { code } } }', P.MANAGE_SETTINGS),
    Op("lifecycleRuns", "{ lifecycleRuns(first: 1) { edges { cursor } } }",
       P.MANAGE_SETTINGS),
    Op("apiTokens", "{ apiTokens { id } }", None),
    Op("apiTokenCreate", 'mutation { apiTokenCreate(name: "t", permissions: []) '
       "{ userErrors { code } } }", None),
    Op("apiTokenRevoke", "mutation($id: ID!) { apiTokenRevoke(id: $id) "
       "{ userErrors { code } } }", None, lambda c: {"id": ids.encode("ApiToken", uuid.uuid4())}),
    Op("bookingCreate (staff)", "mutation { bookingCreate(input: {email: "
       '"b@example.com", startsAt: "2030-01-01T09:00:00Z", endsAt: "2030-01-01T10:00:00Z"}) '
       "{ userErrors { code } } }", P.ADD_CUSTOMERS, public=True),  # anonymous: public form
    Op("messageSend", "mutation($c: ID!) { messageSend(customerId: $c, medium: EMAIL, "
       'subject: "Hi", body: "Text") { userErrors { code } } }', P.EDIT_CUSTOMERS,
       lambda c: {"c": c["customer"]}),
    Op("communicationResend", "mutation($id: ID!) { communicationResend(id: $id) "
       "{ userErrors { code } } }", P.EDIT_CUSTOMERS,
       lambda c: {"id": ids.encode("Communication", uuid.uuid4())}),
    Op("messageTemplates", "{ messageTemplates { kind } }", P.MANAGE_SETTINGS),
    Op("messageTemplatePreview", '{ messageTemplatePreview(kind: REMINDER, language: "en") '
       "{ subject } }", P.MANAGE_SETTINGS),
    Op("messageTemplateUpdate", 'mutation { messageTemplateUpdate(kind: REMINDER, language: '
       '"en", subject: "S", body: "B", sms: "T") { userErrors { code } } }',
       P.MANAGE_SETTINGS),
    Op("messageTemplateReset", 'mutation { messageTemplateReset(kind: REMINDER, language: '
       '"en") { userErrors { code } } }', P.MANAGE_SETTINGS),
    Op("webhooks", "{ webhooks { url } }", P.MANAGE_SETTINGS),
    Op("webhookCreate", 'mutation { webhookCreate(input: {url: "https://example.com/hook", '
       "events: [CUSTOMER_CREATED]}) { userErrors { code } } }", P.MANAGE_SETTINGS),
    Op("webhookUpdate", "mutation($id: ID!) { webhookUpdate(id: $id, input: {}) "
       "{ userErrors { code } } }", P.MANAGE_SETTINGS,
       lambda c: {"id": ids.encode("WebhookEndpoint", uuid.uuid4())}),
    Op("webhookDelete", "mutation($id: ID!) { webhookDelete(id: $id) { userErrors { code } } }",
       P.MANAGE_SETTINGS, lambda c: {"id": ids.encode("WebhookEndpoint", uuid.uuid4())}),
    Op("webhookEnable", "mutation($id: ID!) { webhookEnable(id: $id) { userErrors { code } } }",
       P.MANAGE_SETTINGS, lambda c: {"id": ids.encode("WebhookEndpoint", uuid.uuid4())}),
    Op("webhookRedeliver", "mutation($id: ID!) { webhookRedeliver(deliveryId: $id) "
       "{ userErrors { code } } }", P.MANAGE_SETTINGS,
       lambda c: {"id": ids.encode("WebhookDelivery", uuid.uuid4())}),
    # the preferences page: the link's token is the credential (a wrong one: an error)
    Op("preferences", '{ preferences(token: "x") { firstName } }', None, public=True),
    Op("preferencesUpdate", 'mutation { preferencesUpdate(token: "x", input: {}) '
       "{ userErrors { code } } }", None, public=True),
    Op("bookingFormFields", "query($s: String!) { bookingFormFields(accountSlug: $s) { key } }",
       None, lambda c: {"s": c["slug"]}, public=True),
    Op("me", "{ me { name } }", None, public=True),
    Op("logout", "mutation { logout { ok } }", None, public=True),
    Op("login", 'mutation { login(email: "x@example.com", password: "y") '
       "{ userErrors { code } } }", None, public=True),
]

ROLES = [*BUILTIN_ROLES, "anonymous"]


@pytest.fixture
async def context(gql) -> dict[str, Any]:
    role_ids = await ensure_builtin_roles(gql.account.id)
    return {
        "customer": await create_customer(gql, firstName="Matrix", email="m@example.com"),
        "spare": await create_customer(gql, firstName="Spare"),
        "staff_role": ids.encode("Role", role_ids["staff"]),
        "slug": gql.account.slug,
    }


def _codes(result: Any) -> set[str]:
    return {(e.extensions or {}).get("code", "") for e in result.errors or []}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda o: o.name)
async def test_matrix(gql, context, op: Op, role: str) -> None:
    if role == "anonymous":
        client = Client(gql.account, anonymous=True)
        expected_ok = op.public
    else:
        client = Client(gql.account, BUILTIN_ROLES[role])
        expected_ok = op.needs is None or op.needs in BUILTIN_ROLES[role]
    result = await client.execute(op.document, **op.variables(context))
    codes = _codes(result)
    if expected_ok:
        assert not codes & {"FORBIDDEN", "UNAUTHENTICATED"}, (op.name, role, result.errors)
        assert result.data is not None
    else:
        expected = "UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN"
        assert expected in codes, (op.name, role, result.errors)


async def test_subscription_needs_read_customers(gql) -> None:
    from clientele.api.context import Context
    from clientele.api.schema import schema

    for client, allowed in ((Client(gql.account, BUILTIN_ROLES["read-only"]), True),
                            (Client(gql.account, frozenset()), False),
                            (Client(gql.account, anonymous=True), False)):
        events = await schema.subscribe("subscription { customerChanged { kind } }",
                                        context_value=Context(principal=client.principal))
        if allowed:
            assert not hasattr(events, "errors")
            await events.aclose()
        else:
            first = await events.__anext__() if hasattr(events, "__anext__") else events
            assert first.errors and _codes(first) & {"FORBIDDEN", "UNAUTHENTICATED"}


def test_every_mutation_and_query_is_in_the_matrix() -> None:
    from clientele.api.schema import schema

    covered = {op.name.split(" ")[0].split(".")[0] for op in OPERATIONS}
    mutation_fields = set(schema._schema.mutation_type.fields)
    query_fields = set(schema._schema.query_type.fields)
    assert mutation_fields - covered == set()
    assert query_fields - covered == set()
