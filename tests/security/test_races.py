"""Issue 10, class 8: races are decided by the database.

Parallel requests run truly in parallel here: each call goes through the GraphQL schema and
takes its own asyncpg connection from the pool (10 connections). Where a race needs one
request to stop half-way, a raw connection of the test holds a lock and the test waits until
PostgreSQL reports the request's backend waiting for it (a fact, not a sleep)."""

from __future__ import annotations

import asyncio
import importlib
import pkgutil
from collections import Counter
from enum import Enum

import asyncpg
import pytest

import clientele
from clientele.accounts import users
from clientele.accounts.bootstrap import create_user_with_role
from clientele.accounts.services import AccountInfo
from clientele.core import db
from clientele.core.errors import DomainError
from tests.api.helpers import create_customer
from tests.conftest import Client
from tests.waiting import eventually

CREATE = """
mutation($input: CustomerCreateInput!) {
  customerCreate(input: $input) {
    customer { id } userErrors { field message code } warnings { code }
  }
}
"""
BOOK = """
mutation($input: BookingCreateInput!) {
  bookingCreate(input: $input) {
    appointment { id } customer { id } userErrors { field message code }
  }
}
"""


async def _count(table: str, account: AccountInfo) -> int:
    rows = await db.fetch(f"SELECT count(*) AS n FROM {table} WHERE account = $1", account.id)
    return rows[0]["n"]


async def _waiting_backends(conn: asyncpg.Connection, at_least: int) -> None:
    """Return once `at_least` other backends of this database wait for a lock."""

    async def waiting() -> bool:
        rows = await conn.fetch(
            """SELECT pid FROM pg_stat_activity WHERE datname = current_database()
               AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()""")
        return len(rows) >= at_least

    await eventually(waiting, within=20, what=f"{at_least} backend(s) waiting for a lock")


async def test_parallel_creates_with_one_new_phone_make_one_customer(gql) -> None:
    async def attempt(n: int):
        return await gql.execute(CREATE, input={"firstName": f"Racer{n}",
                                                "mobilePhone": "079 444 55 66"})

    results = await asyncio.gather(*(attempt(n) for n in range(50)))
    assert [r.errors for r in results if r.errors] == []
    # a phone may be shared, but only when staff confirm it: the others get the warning
    codes = Counter(e["code"] for r in results for e in r.data["customerCreate"]["userErrors"])
    warnings = Counter(w["code"] for r in results for w in r.data["customerCreate"]["warnings"])
    created = [r for r in results if r.data["customerCreate"]["customer"]]
    assert (len(created), codes, warnings) == (1, Counter(), Counter({"SHARED_PHONE": 49}))
    assert await _count("customer", gql.account) == 1


async def test_parallel_creates_with_one_new_email_make_one_customer(gql) -> None:
    results = await asyncio.gather(*(gql.execute(CREATE, input={
        "firstName": f"Racer{n}", "email": "same@example.com"}) for n in range(20)))
    assert [r.errors for r in results if r.errors] == []
    codes = Counter(e["code"] for r in results for e in r.data["customerCreate"]["userErrors"])
    assert codes == Counter({"DUPLICATE": 19})
    assert await _count("customer", gql.account) == 1


async def test_parallel_bookings_with_one_new_email_all_book_one_customer(gql) -> None:
    public = Client(gql.account, anonymous=True)

    async def book(n: int):
        return await public.execute(BOOK, input={
            "accountSlug": gql.account.slug, "firstName": "Bea", "lastName": "Booker",
            "email": "bea.race@example.com", "startsAt": f"2030-05-{n + 1:02d}T09:00:00+02:00",
            "endsAt": f"2030-05-{n + 1:02d}T10:00:00+02:00"})

    results = await asyncio.gather(*(book(n) for n in range(30)))
    assert [r.errors for r in results if r.errors] == []
    assert [r.data["bookingCreate"]["userErrors"] for r in results
            if r.data["bookingCreate"]["userErrors"]] == []
    assert await _count("appointment", gql.account) == 30
    assert await _count("customer", gql.account) == 1


async def test_bookings_and_a_create_with_one_new_phone_share_one_customer(gql) -> None:
    public = Client(gql.account, anonymous=True)
    # one person (the phone alone links a booking only to a holder of the same name)
    bookings = [public.execute(BOOK, input={
        "accountSlug": gql.account.slug, "lastName": "Phone", "phone": "079 333 22 11",
        "startsAt": "2030-06-01T09:00:00+02:00", "endsAt": "2030-06-01T10:00:00+02:00"})
        for n in range(10)]
    results = await asyncio.gather(*bookings, gql.execute(CREATE, input={
        "lastName": "Phone", "mobilePhone": "079 333 22 11"}))
    assert [r.errors for r in results if r.errors] == []
    assert [r.data["bookingCreate"]["userErrors"] for r in results[:-1]
            if r.data["bookingCreate"]["userErrors"]] == []
    manual = results[-1].data["customerCreate"]
    # created first, or warned that a booking made the phone someone's already
    assert (manual["customer"] is None) == (manual["warnings"] == [{"code": "SHARED_PHONE"}])
    assert await _count("customer", gql.account) == 1
    assert await _count("appointment", gql.account) == 10


async def _two_admins(account: AccountInfo):
    first = await create_user_with_role(account, f"a1-{account.slug}@example.com", "Ann Admin",
                                        "test-password-123", "admin")
    second = await create_user_with_role(account, f"a2-{account.slug}@example.com",
                                         "Bob Admin", "test-password-123", "admin")
    return first, second


def _outcomes(results: list) -> list[str]:
    """"ok", or the code of a DomainError, or the repr of anything else."""
    return sorted("ok" if not isinstance(r, Exception)
                  else r.errors[0].code.name if isinstance(r, DomainError) else repr(r)
                  for r in results)


async def test_two_parallel_demotions_leave_one_admin(account, database_url) -> None:
    first, second = await _two_admins(account)
    staff_role = (await db.fetch("SELECT id FROM role WHERE account = $1 AND name = 'staff'",
                                 account.id))[0]["id"]
    # hold both demotions after their admin count, before their commit: the staff_session
    # delete of a deactivation waits for this table lock
    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            await conn.execute("LOCK TABLE staff_session IN SHARE MODE")
            racing = asyncio.gather(*(
                users.update_user(account.id, u["id"], role_id=staff_role, is_active=False)
                for u in (first, second)), return_exceptions=True)
            await _waiting_backends(conn, 2)
        results = await racing
    finally:
        await conn.close()
    assert _outcomes(results) == ["LAST_ADMIN", "ok"]
    admins = await db.fetch(
        """SELECT count(*) AS n FROM staff_user u JOIN role r ON r.id = u.role
           WHERE u.account = $1 AND u.is_active AND 'manage:users' = ANY(r.permissions)""",
        account.id)
    assert admins[0]["n"] == 1


async def test_parallel_role_demotions_through_the_api_leave_one_admin(account) -> None:
    await _two_admins(account)
    gql = Client(account)
    staff = (await gql.data("{ roles { id name } }"))["roles"]
    staff_id = next(r["id"] for r in staff if r["name"] == "staff")
    ids = (await gql.data("{ users { id email } }"))["users"]
    results = await asyncio.gather(*(gql.execute(
        """mutation($id: ID!, $role: ID!) { userUpdate(id: $id, input: {roleId: $role})
           { user { id } userErrors { code message } } }""", id=u["id"], role=staff_id)
        for u in ids))
    assert [r.errors for r in results if r.errors] == []
    codes = sorted(e["code"] for r in results for e in r.data["userUpdate"]["userErrors"])
    assert codes == ["LAST_ADMIN"]


async def test_removing_manage_users_from_the_last_admins_role_is_refused(account) -> None:
    gql = Client(account)
    role = (await gql.data("""mutation { roleCreate(name: "Boss",
        permissions: [MANAGE_USERS, READ_CUSTOMERS]) { role { id } userErrors { code } } }"""))
    role_id = role["roleCreate"]["role"]["id"]
    user = await create_user_with_role(account, f"boss-{account.slug}@example.com", "Boss",
                                       "test-password-123", "staff")
    from clientele.api.errors import parse_id

    await users.update_user(account.id, user["id"], role_id=parse_id(role_id, "Role"))
    data = await gql.data("""mutation($id: ID!) { roleUpdate(id: $id,
        permissions: [READ_CUSTOMERS]) { role { id } userErrors { code } } }""",
                          id=role_id)
    assert data["roleUpdate"]["userErrors"] == [{"code": "LAST_ADMIN"}]


async def test_delete_during_a_booking_is_never_a_foreign_key_error(gql, database_url) -> None:
    existing = await create_customer(gql, firstName="Gone", email="gone@example.com")
    from clientele.core import ids

    customer_id = ids.decode_as(existing, "Customer")
    public = Client(gql.account, anonymous=True)
    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            await conn.execute("SELECT 1 FROM customer WHERE id = $1 FOR UPDATE", customer_id)
            booking = asyncio.ensure_future(public.execute(BOOK, input={
                "accountSlug": gql.account.slug, "firstName": "Gone",
                "email": "gone@example.com", "phone": "079 111 22 33",
                "startsAt": "2030-07-01T09:00:00+02:00",
                "endsAt": "2030-07-01T10:00:00+02:00"}))
            await _waiting_backends(conn, 1)  # the booking waits for the customer row
            await conn.execute("DELETE FROM customer WHERE id = $1", customer_id)
        result = await booking
    finally:
        await conn.close()
    assert result.errors is None, result.errors
    payload = result.data["bookingCreate"]
    assert payload["userErrors"] == [] and payload["appointment"] is not None
    rows = await db.fetch("SELECT customer FROM appointment WHERE account = $1", gql.account.id)
    assert len(rows) == 1 and rows[0]["customer"] not in (None, customer_id)
    assert await _count("customer", gql.account) == 1


async def test_delete_while_linking_an_appointment_is_not_found(gql, database_url) -> None:
    booked = await gql.data(BOOK, input={
        "firstName": "Has", "email": "has@example.com", "startsAt": "2030-09-01T09:00:00+02:00",
        "endsAt": "2030-09-01T10:00:00+02:00"})
    appointment = booked["bookingCreate"]["appointment"]["id"]
    target = await create_customer(gql, firstName="Target", email="target@example.com")
    from clientele.core import ids

    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            await conn.execute("SELECT 1 FROM customer WHERE id = $1 FOR UPDATE",
                               ids.decode_as(target, "Customer"))
            linking = asyncio.ensure_future(gql.execute(
                """mutation($a: ID!, $c: ID!) { appointmentLinkCustomer(appointmentId: $a,
                   customerId: $c) { appointment { id } userErrors { code } } }""",
                a=appointment, c=target))
            await _waiting_backends(conn, 1)
            await conn.execute("DELETE FROM customer WHERE id = $1",
                               ids.decode_as(target, "Customer"))
        result = await linking
    finally:
        await conn.close()
    assert result.errors is None, result.errors
    assert result.data["appointmentLinkCustomer"] == {"appointment": None,
                                                      "userErrors": [{"code": "NOT_FOUND"}]}


async def test_a_rule_deleted_while_a_blocked_booking_is_logged_is_no_error(
        gql, database_url) -> None:
    await gql.data('mutation { blockRuleCreate(kind: EMAIL, value: "nope@example.com") '
                   '{ userErrors { code } } }')
    rule_id = (await db.fetch("SELECT id FROM block_rule WHERE account = $1",
                              gql.account.id))[0]["id"]
    public = Client(gql.account, anonymous=True)
    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            await conn.execute("SELECT 1 FROM block_rule WHERE id = $1 FOR UPDATE", rule_id)
            booking = asyncio.ensure_future(public.execute(BOOK, input={
                "accountSlug": gql.account.slug, "firstName": "No", "email": "nope@example.com",
                "startsAt": "2030-10-01T09:00:00+02:00", "endsAt": "2030-10-01T10:00:00+02:00"}))
            await _waiting_backends(conn, 1)  # the attempt's log waits for the rule row
            await conn.execute("DELETE FROM block_rule WHERE id = $1", rule_id)
        result = await booking
    finally:
        await conn.close()
    assert result.errors is None, result.errors
    assert [e["code"] for e in result.data["bookingCreate"]["userErrors"]] == ["BLOCKED"]
    attempts = await db.fetch("SELECT rule FROM blocked_booking_attempt WHERE account = $1",
                              gql.account.id)
    assert attempts == [{"rule": None}]  # logged, as ON DELETE SET NULL leaves it


async def test_staff_delete_during_a_staff_booking_keeps_both_consistent(gql) -> None:
    """Through the services in parallel: whichever wins, nothing raw reaches the client and
    no appointment points at a missing customer."""
    for n in range(5):
        cid = await create_customer(gql, firstName="Par", email=f"par{n}@example.com")
        booked, deleted = await asyncio.gather(
            gql.execute(BOOK, input={"firstName": "Par", "email": f"par{n}@example.com",
                                     "phone": f"079 222 33 4{n}",
                                     "startsAt": "2030-08-01T09:00:00+02:00",
                                     "endsAt": "2030-08-01T10:00:00+02:00"}),
            gql.execute("mutation($id: ID!) { customerDelete(id: $id) { deletedId "
                        "userErrors { code } } }", id=cid))
        assert booked.errors is None and deleted.errors is None
        assert booked.data["bookingCreate"]["userErrors"] == []
    orphans = await db.fetch(
        """SELECT count(*) AS n FROM appointment a WHERE a.account = $1 AND a.customer IS NOT
           NULL AND NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = a.customer)""",
        gql.account.id)
    assert orphans[0]["n"] == 0


def _domain_error_enums() -> set[type[Enum]]:
    """Every error-code enum of the domain packages (found by walking the package, so a new
    one cannot be forgotten). The API's own enums of the same names are left out."""
    for module in pkgutil.walk_packages(clientele.__path__, "clientele."):
        if ".piccolo_migrations" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found: set[type[Enum]] = set()
    stack = list(Enum.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__name__.endswith("ErrorCode") and cls.__module__.startswith("clientele.") \
                and not cls.__module__.startswith("clientele.api"):
            found.add(cls)
    return found


def test_every_domain_error_code_has_an_api_code_in_every_error_enum() -> None:
    from clientele.api import error_codes

    domain = _domain_error_enums()
    assert {e.__name__ for e in domain} >= {"ErrorCode", "CustomerErrorCode",
                                            "AppointmentErrorCode", "AccountErrorCode",
                                            "BlockErrorCode", "CalendarErrorCode"}
    unregistered = domain - set(error_codes.DOMAIN_ENUMS)
    assert unregistered == set(), "register these in api/error_codes.py"
    missing = [(api.__name__, code) for api in error_codes.API_ENUMS
               for enum in domain for code in enum
               if code not in error_codes.mapping(api)]
    assert missing == []


@pytest.mark.parametrize("code", ["DUPLICATE", "UNKNOWN_CUSTOM_FIELD", "LAST_ADMIN"])
def test_a_code_an_api_enum_lacks_maps_to_a_code_it_has(code) -> None:
    from clientele.api import error_codes
    from clientele.api.enums import AppointmentErrorCodeEnum
    from clientele.api.errors import user_errors
    from clientele.core.errors import FieldError

    codes = {c.name: c for e in error_codes.DOMAIN_ENUMS for c in e}
    [error] = user_errors([FieldError("email", "m", codes[code])], dict,
                          AppointmentErrorCodeEnum)
    assert error["code"] in set(AppointmentErrorCodeEnum)
