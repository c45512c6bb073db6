"""duplicateCandidates and candidateDismiss: groups found set-wise per reason, look-alikes left
apart, dismissed pairs stay dismissed, one account never sees another's customers, paging."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from clientele.accounts.services import AccountInfo
from clientele.core import db, ids
from clientele.customers import duplicates
from tests.conftest import Client

CANDIDATES = """
query($first: Int!, $after: String) {
  duplicateCandidates(first: $first, after: $after) {
    totalCount refreshedAt
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id score reasons customers { id firstName lastName } } }
  }
}
"""

DISMISS = """
mutation($ids: [ID!]!) {
  candidateDismiss(customerIds: $ids) { customerIds userErrors { field code message } }
}
"""


async def _plant(account: AccountInfo, first: str, last: str, *, email: str | None = None,
                 mobile: str | None = None, landline: str | None = None,
                 birthday: dt.date | None = None, company: str | None = None,
                 archived: bool = False) -> str:
    """A customer row as an import or a calendar run from before identity matching could have
    left it (manual creation would refuse a second holder of a phone or email)."""
    pk = uuid.uuid4()
    await db.fetch_records(
        """INSERT INTO customer (id, account, first_name, last_name, sort_name, email,
                                 mobile_phone, landline_phone, date_of_birth, company,
                                 archived_at)
           VALUES ($1, $2, $3::text, $4::text, lower($4::text || ' ' || $3::text), $5, $6,
                   $7, $8, $9, CASE WHEN $10 THEN now() END)""",
        pk, account.id, first, last, email, mobile, landline, birthday, company, archived)
    return ids.encode("Customer", pk)


def _phone() -> str:
    return f"+4179{uuid.uuid4().int % 10**7:07d}"


async def _groups(gql: Client, first: int = 100, after: str | None = None) -> dict[str, Any]:
    return (await gql.data(CANDIDATES, first=first, after=after))["duplicateCandidates"]


async def _members(gql: Client) -> list[tuple[set[str], list[str], int]]:
    page = await _groups(gql)
    return [({c["id"] for c in e["node"]["customers"]}, e["node"]["reasons"], e["node"]["score"])
            for e in page["edges"]]


async def test_same_phone_written_as_mobile_and_landline(account: AccountInfo,
                                                         gql: Client) -> None:
    phone = _phone()
    a = await _plant(account, "Peter", "Keller", mobile=phone)
    b = await _plant(account, "Ruth", "Keller", landline=phone)
    await _plant(account, "Otto", "Keller", mobile=_phone())
    await duplicates.refresh(account.id)
    assert await _members(gql) == [({a, b}, ["SAME_PHONE"], 40)]


@pytest.mark.parametrize(("one", "other"), [
    ("anna.mueller+shop@gmail.com", "annamueller@googlemail.com"),
    ("lea.favre+newsletter@outlook.com", "lea.favre@outlook.com"),
    ("Mia.Rossi@Example.CH".lower(), "mia.rossi@example.ch "),  # stored lower-cased, as written
])
async def test_same_email_as_the_provider_reads_it(account: AccountInfo, gql: Client,
                                                   one: str, other: str) -> None:
    a = await _plant(account, "Anna", "One", email=one)
    b = await _plant(account, "Berta", "Other", email=other.strip().upper())
    await duplicates.refresh(account.id)
    assert await _members(gql) == [({a, b}, ["SAME_EMAIL_NORMALISED"], 90)]


async def test_tags_and_dots_count_only_where_the_provider_ignores_them(
        account: AccountInfo, gql: Client) -> None:
    await _plant(account, "Anna", "One", email="anna+shop@example.com")
    await _plant(account, "Anna", "Two", email="anna@example.com")
    await _plant(account, "Hans", "One", email="hans.meier@outlook.com")
    await _plant(account, "Hans", "Two", email="hansmeier@outlook.com")  # dots matter there
    await duplicates.refresh(account.id)
    assert await _members(gql) == []


async def test_same_name_folded_and_birthday(account: AccountInfo, gql: Client) -> None:
    born = dt.date(1984, 3, 7)
    a = await _plant(account, "Anna", "Müller", birthday=born, mobile=_phone())
    b = await _plant(account, "ANNA", "Mueller", birthday=born, mobile=_phone())
    c = await _plant(account, "Anna", "Muller", birthday=born)
    await _plant(account, "Anna", "Müller", birthday=dt.date(1990, 1, 1))
    await duplicates.refresh(account.id)
    assert await _members(gql) == [({a, b, c}, ["SAME_NAME_AND_BIRTHDAY"], 85)]


async def test_same_name_folded_and_company(account: AccountInfo, gql: Client) -> None:
    a = await _plant(account, "Søren", "Kierkegaard", company="Acme AG")
    b = await _plant(account, "Sören", "Kierkegård", company="ACME AG")
    await _plant(account, "Søren", "Kierkegaard", company="Other GmbH")
    await duplicates.refresh(account.id)
    assert await _members(gql) == [({a, b}, ["SAME_NAME_AND_COMPANY"], 60)]


async def test_same_name_folded_and_phone(account: AccountInfo, gql: Client) -> None:
    phone = _phone()
    a = await _plant(account, "Jürgen", "Groß", mobile=phone)
    b = await _plant(account, "Juergen", "Gross", landline=phone)
    await duplicates.refresh(account.id)
    assert await _members(gql) == [({a, b}, ["SAME_NAME_AND_PHONE", "SAME_PHONE"], 94)]


async def test_look_alikes_are_not_candidates(account: AccountInfo, gql: Client) -> None:
    await _plant(account, "Anna", "Müller", email="anna.mueller@example.com",
                 mobile=_phone(), birthday=dt.date(1980, 5, 1))
    await _plant(account, "Anna", "Mueller", email="a.mueller@example.org",
                 mobile=_phone(), birthday=dt.date(1992, 11, 23))
    await duplicates.refresh(account.id)
    page = await _groups(gql)
    assert page["edges"] == [] and page["totalCount"] == 0


async def test_archived_customers_are_left_out(account: AccountInfo, gql: Client) -> None:
    phone, other = _phone(), _phone()
    await _plant(account, "Nina", "Gone", mobile=phone, archived=True)
    await _plant(account, "Nina", "Here", mobile=phone)
    kept = await _plant(account, "Eva", "Kept", mobile=other)
    later = await _plant(account, "Eva", "Archived later", mobile=other)
    await duplicates.refresh(account.id)
    assert [m for m, _, _ in await _members(gql)] == [{kept, later}]
    await db.fetch_records("UPDATE customer SET archived_at = now() WHERE id = $1",
                           ids.decode_as(later, "Customer"))
    assert await _members(gql) == []  # at once, before the next refresh


async def test_a_dismissed_pair_stays_dismissed(account: AccountInfo, gql: Client) -> None:
    phone = _phone()
    a = await _plant(account, "Lena", "Brand", mobile=phone)
    b = await _plant(account, "Tom", "Brand", landline=phone)
    await duplicates.refresh(account.id)
    assert len(await _members(gql)) == 1
    result = (await gql.data(DISMISS, ids=[b, a, b]))["candidateDismiss"]
    assert result["userErrors"] == [] and set(result["customerIds"]) == {a, b}
    assert await _members(gql) == []
    await duplicates.refresh(account.id)
    assert await _members(gql) == []
    again = (await gql.data(DISMISS, ids=[a, b]))["candidateDismiss"]
    assert again["userErrors"] == []
    stored = await db.fetch_records(
        "SELECT customer_a, customer_b FROM duplicate_dismissal WHERE account = $1", account.id)
    assert len(stored) == 1 and stored[0]["customer_a"] < stored[0]["customer_b"]


async def test_a_group_stays_while_one_of_its_pairs_is_not_dismissed(
        account: AccountInfo, gql: Client) -> None:
    phone = _phone()
    a = await _plant(account, "Ada", "Kern", mobile=phone)
    b = await _plant(account, "Ben", "Kern", mobile=phone)
    c = await _plant(account, "Cleo", "Kern", mobile=phone)
    await duplicates.refresh(account.id)
    await gql.data(DISMISS, ids=[a, b])
    assert [m for m, _, _ in await _members(gql)] == [{a, b, c}]
    await gql.data(DISMISS, ids=[a, b, c])
    assert await _members(gql) == []


async def test_dismiss_refuses_fewer_than_two_and_unknown_customers(
        account: AccountInfo, other_account: AccountInfo, gql: Client) -> None:
    a = await _plant(account, "Ida", "Solo", mobile=_phone())
    theirs = await _plant(other_account, "Ida", "Solo", mobile=_phone())
    one = (await gql.data(DISMISS, ids=[a, a]))["candidateDismiss"]
    assert [e["code"] for e in one["userErrors"]] == ["INVALID"]
    assert one["userErrors"][0]["field"] == "customerIds"
    foreign = (await gql.data(DISMISS, ids=[a, theirs]))["candidateDismiss"]
    assert [e["code"] for e in foreign["userErrors"]] == ["NOT_FOUND"]
    rows = await db.fetch_records("SELECT 1 FROM duplicate_dismissal WHERE account = ANY($1)",
                                  [account.id, other_account.id])
    assert rows == []


async def test_another_accounts_customers_never_appear(
        account: AccountInfo, other_account: AccountInfo, gql: Client) -> None:
    phone, born = _phone(), dt.date(1975, 2, 2)
    mine = await _plant(account, "Marta", "Vogel", mobile=phone, birthday=born,
                        email="marta.vogel@gmail.com")
    await _plant(other_account, "Marta", "Vogel", mobile=phone, birthday=born,
                 email="martavogel@gmail.com")
    await _plant(other_account, "Marta", "Vögel", mobile=phone, birthday=born)
    await duplicates.refresh(account.id)
    await duplicates.refresh(other_account.id)
    assert await _members(gql) == []
    theirs = await _members(Client(other_account))
    assert len(theirs) == 1 and mine not in theirs[0][0] and len(theirs[0][0]) == 2


async def test_pages_through_every_group_once(account: AccountInfo, gql: Client) -> None:
    expected = []
    for n in range(5):
        phone = _phone()
        expected.append({await _plant(account, f"P{n}", "A", mobile=phone),
                         await _plant(account, f"Q{n}", "B", landline=phone)})
    same = _phone()  # one stronger group: it comes first
    strong = {await _plant(account, "Vera", "Stark", mobile=same),
              await _plant(account, "Vera", "Stark", mobile=same)}
    await duplicates.refresh(account.id)
    seen: list[set[str]] = []
    scores: list[int] = []
    after = None
    while True:
        page = await _groups(gql, first=2, after=after)
        assert page["totalCount"] == 6 and page["refreshedAt"] is not None
        seen += [{c["id"] for c in e["node"]["customers"]} for e in page["edges"]]
        scores += [e["node"]["score"] for e in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen[0] == strong and scores == sorted(scores, reverse=True)
    assert sorted(map(sorted, seen)) == sorted(map(sorted, [strong, *expected]))
    bad = await gql.execute(CANDIDATES, first=2, after="not-a-cursor")
    assert bad.errors and bad.errors[0].extensions["code"] == "INVALID_CURSOR"


async def test_the_refresher_recomputes_accounts_whose_customers_changed(
        account: AccountInfo, gql: Client) -> None:
    phone = _phone()
    await _plant(account, "Rolf", "Frei", mobile=phone)
    assert (await _groups(gql))["refreshedAt"] is None
    await duplicates.refresh_changed()
    first = await duplicates.refreshed_at(account.id)
    assert first is not None and await _members(gql) == []
    await duplicates.refresh_changed()
    assert await duplicates.refreshed_at(account.id) == first  # nothing changed: not again
    await _plant(account, "Rita", "Frei", landline=phone)
    await duplicates.refresh_changed()
    assert len(await _members(gql)) == 1


@pytest.mark.parametrize(("one", "other"), [
    ("Müller", "Mueller"), ("Müller", "Muller"), ("Jörg Schön", "Joerg Schoen"),
    ("Bär", "Baer"), ("Østergaard", "Oestergaard"), ("Åse", "Aase"), ("Æbelø", "Aebeloe"),
    ("Groß", "Gross"), ("Łukasz", "Lukasz"), ("Kırmızı", "Kirmizi"), ("José", "JOSE"),
    ("Hans-Peter", "Hans Peter"), ("Zoë", "Zoe"),
])
async def test_names_fold_across_spellings(one: str, other: str) -> None:
    rows = await db.fetch_records(
        f"SELECT {duplicates.fold_sql('$1::text')} AS a, {duplicates.fold_sql('$2::text')} AS b",
        one, other)
    assert rows[0]["a"] == rows[0]["b"] != ""


async def test_different_names_stay_apart() -> None:
    rows = await db.fetch_records(
        f"SELECT {duplicates.fold_sql('$1::text')} AS a, {duplicates.fold_sql('$2::text')} AS b",
        "Anna Keller", "Anne Keller")
    assert rows[0]["a"] != rows[0]["b"]
