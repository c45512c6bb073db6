"""Merging two customers and undoing it: everything moves, atomically, and comes back exactly."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from typing import Any

import pytest

from clientele.accounts.services import AccountInfo
from clientele.blocking import services as blocking
from clientele.core import db, ids
from clientele.core.errors import DomainError, NotFound
from clientele.customers import merge, services
from clientele.customers.merge import MergeErrorCode, Take
from clientele.seed import _seed_history
from tests.conftest import Client, actor_of


def _phone() -> str:
    return f"079 {random.randrange(100, 999)} {random.randrange(10, 99)} " \
           f"{random.randrange(10, 99)}"


async def _person(account: AccountInfo, first: str, seed: int, custom: dict[str, Any],
                  **values: Any) -> dict:
    row = await services.create(actor_of(account), {
        "first_name": first, "last_name": "Muster",
        "email": f"{first.lower()}-{uuid.uuid4().hex[:8]}@example.com",
        "mobile_phone": _phone(), **values})
    await db.fetch("UPDATE customer SET custom = $2::jsonb WHERE id = $1", row["id"],
                   json.dumps(custom))
    await _seed_history(account.id, row, random.Random(seed), dt.datetime.now(dt.UTC),
                        appointments=5)
    await services.update(actor_of(account), row["id"], {"notes": f"note of {first}"})
    return dict((await services.get(account.id, row["id"])) or {})


async def _row(customer_id: uuid.UUID) -> dict | None:
    rows = await db.fetch("SELECT to_jsonb(c) AS r FROM customer c WHERE id = $1", customer_id)
    return json.loads(rows[0]["r"]) if rows else None


async def _owned(customer_id: uuid.UUID) -> dict[str, set[uuid.UUID]]:
    """The ids of the customer's appointments, messages and history entries."""
    found = {}
    for name, sql in (("appointments", "SELECT id FROM appointment WHERE customer = $1"),
                      ("communications", "SELECT id FROM communication WHERE customer = $1"),
                      ("history", "SELECT id FROM audit_event WHERE customer_id = $1")):
        found[name] = {r["id"] for r in await db.fetch(sql, customer_id)}
    return found


async def _state(*customer_ids: uuid.UUID) -> list[Any]:
    return [(await _row(c), await _owned(c)) for c in customer_ids]


@pytest.fixture
async def pair(account: AccountInfo) -> tuple[dict, dict]:
    keep = await _person(account, "Anna", 1, {"shoe": "42"})
    other = await _person(account, "Anne", 2, {"shoe": "43", "vip": "yes"},
                          landline_phone="044 " + _phone()[4:], company="ACME")
    return keep, other


async def test_merge_moves_everything(account: AccountInfo, pair: tuple[dict, dict]) -> None:
    keep, other = pair
    await blocking.block_customer(actor_of(account), other, "no-shows")
    kept_before, other_before = await _owned(keep["id"]), await _owned(other["id"])
    assert all(other_before.values()) and all(kept_before.values())

    preview = await merge.preview(actor_of(account), keep["id"], other["id"])
    defaults = {f.field: f.default for f in preview.fields}
    assert defaults["first_name"] is Take.KEEP and defaults["company"] is Take.MERGE
    assert defaults["custom_fields.shoe"] is Take.KEEP
    assert defaults["custom_fields.vip"] is Take.MERGE

    done = await merge.merge(actor_of(account), keep["id"], other["id"],
                             {"first_name": Take.MERGE})
    assert await _row(other["id"]) is None
    after = await _owned(keep["id"])
    for kind in ("appointments", "communications"):
        assert after[kind] == kept_before[kind] | other_before[kind]
    assert other_before["history"] | kept_before["history"] <= after["history"]
    row = done.customer
    assert row["first_name"] == "Anne" and row["company"] == "ACME"
    assert row["email"] == keep["email"] and row["mobile_phone"] == keep["mobile_phone"]
    # the blank landline takes the other's; the other's mobile fits nowhere
    assert row["landline_phone"] == other["landline_phone"]
    assert json.loads(row["custom"]) == {"shoe": "42", "vip": "yes"}
    rules = await blocking.rules_for_customers(account.id, [keep["id"]])
    assert {r["value"] for r in rules[keep["id"]]} >= {keep["email"], keep["mobile_phone"]}
    [entry] = await db.fetch("SELECT changes FROM audit_event WHERE customer_id = $1 "
                             "AND action = 'MERGED'", keep["id"])
    text = entry["changes"]
    assert str(other["id"]) in text and other["email"] in text
    assert other["mobile_phone"] in text  # the detail that fit nowhere is named
    snapshot = json.loads(done.merge["snapshot"])
    assert snapshot["merged"]["email"] == other["email"]
    assert {uuid.UUID(i) for i in snapshot["moved"]["appointments"]} == \
        other_before["appointments"]


async def test_merge_is_atomic(account: AccountInfo, pair: tuple[dict, dict],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    keep, other = pair
    before = await _state(keep["id"], other["id"])

    async def fail(*args: Any) -> Any:
        raise RuntimeError("the disk is full")

    # after the moves and the delete, before the kept row is written
    monkeypatch.setattr(merge, "_write_kept", fail)
    with pytest.raises(RuntimeError):
        await merge.merge(actor_of(account), keep["id"], other["id"])
    assert await _state(keep["id"], other["id"]) == before
    assert not await db.fetch("SELECT 1 FROM customer_merge WHERE account = $1", account.id)


async def test_unmerge_restores_both_exactly(account: AccountInfo,
                                             pair: tuple[dict, dict]) -> None:
    keep, other = pair
    await blocking.block_customer(actor_of(account), other, "no-shows")
    rules_before = await blocking.list_rules(account.id)
    before = await _state(keep["id"], other["id"])
    done = await merge.merge(actor_of(account), keep["id"], other["id"],
                             {"first_name": Take.MERGE, "custom_fields.shoe": Take.MERGE})
    undone = await merge.unmerge(actor_of(account), done.merge["id"])
    (kept_row, kept_owned), (other_row, other_owned) = await _state(keep["id"], other["id"])
    assert kept_row == before[0][0] and other_row == before[1][0]
    for kind in ("appointments", "communications"):
        assert kept_owned[kind] == before[0][1][kind]
        assert other_owned[kind] == before[1][1][kind]
    new_entries = {r["id"]: r["action"] for r in await db.fetch(
        "SELECT id, action FROM audit_event WHERE customer_id = ANY($1::uuid[])",
        [keep["id"], other["id"]])}
    assert kept_owned["history"] - before[0][1]["history"] == {
        i for i, a in new_entries.items() if i in kept_owned["history"]
        and a in ("MERGED", "UNMERGED")}
    assert {new_entries[i] for i in other_owned["history"] - before[1][1]["history"]} == \
        {"UNMERGED"}
    assert before[1][1]["history"] <= other_owned["history"]
    assert {r["id"] for r in await blocking.list_rules(account.id)} == \
        {r["id"] for r in rules_before}
    assert undone.merge["unmerged_at"] is not None
    with pytest.raises(DomainError) as refused:
        await merge.unmerge(actor_of(account), done.merge["id"])
    assert refused.value.errors[0].code is MergeErrorCode.ALREADY_UNMERGED


async def test_unmerge_keeps_what_the_kept_customer_got_since(
        account: AccountInfo, pair: tuple[dict, dict]) -> None:
    keep, other = pair
    done = await merge.merge(actor_of(account), keep["id"], other["id"])
    await _seed_history(account.id, keep, random.Random(3), dt.datetime.now(dt.UTC), 2)
    owned = await _owned(keep["id"])
    await merge.unmerge(actor_of(account), done.merge["id"])
    moved = {uuid.UUID(i) for i in json.loads(done.merge["snapshot"])["moved"]["appointments"]}
    assert (await _owned(keep["id"]))["appointments"] == owned["appointments"] - moved
    assert (await _owned(other["id"]))["appointments"] == moved


async def test_refusals(account: AccountInfo, other_account: AccountInfo,
                        pair: tuple[dict, dict]) -> None:
    keep, other = pair
    before = await _state(keep["id"], other["id"])
    with pytest.raises(NotFound):
        await merge.merge(actor_of(other_account), keep["id"], other["id"])
    stranger = await services.create(actor_of(other_account), {"first_name": "Zed"})
    with pytest.raises(NotFound):
        await merge.merge(actor_of(account), keep["id"], stranger["id"])
    with pytest.raises(DomainError) as same:
        await merge.merge(actor_of(account), keep["id"], keep["id"])
    assert same.value.errors[0].code is MergeErrorCode.SAME_CUSTOMER
    with pytest.raises(DomainError) as unknown:
        await merge.merge(actor_of(account), keep["id"], other["id"], {"shoe": Take.MERGE})
    assert unknown.value.errors[0].code is MergeErrorCode.INVALID
    assert await _state(keep["id"], other["id"]) == before


async def test_refused_while_an_import_is_queued(account: AccountInfo,
                                                 pair: tuple[dict, dict]) -> None:
    keep, other = pair
    job = uuid.uuid4()
    await db.fetch(
        """INSERT INTO import_job (id, account, actor_label, phone_region, file_name, file_size,
                                   status) VALUES ($1, $2, 'test', 'CH', 'people.csv', 1, $3)""",
        job, account.id, "QUEUED")
    await db.fetch(
        """INSERT INTO import_row (job, row_number, cells, custom, email)
           VALUES ($1, 2, '[]', '{}', $2)""", job, other["email"])
    with pytest.raises(DomainError) as refused:
        await merge.merge(actor_of(account), keep["id"], other["id"])
    assert refused.value.errors[0].code is MergeErrorCode.IMPORT_RUNNING
    assert await _row(other["id"]) is not None
    await db.fetch("UPDATE import_job SET status = 'SUCCEEDED' WHERE id = $1", job)
    await merge.merge(actor_of(account), keep["id"], other["id"])


async def test_the_window(account: AccountInfo, pair: tuple[dict, dict]) -> None:
    keep, other = pair
    done = await merge.merge(actor_of(account), keep["id"], other["id"])
    assert done.merge["unmerge_until"] - done.merge["created_at"] == \
        dt.timedelta(days=merge.UNMERGE_DAYS)
    await db.fetch("UPDATE customer_merge SET unmerge_until = now() - interval '1 second' "
                   "WHERE id = $1", done.merge["id"])
    with pytest.raises(DomainError) as refused:
        await merge.unmerge(actor_of(account), done.merge["id"])
    assert refused.value.errors[0].code is MergeErrorCode.UNMERGE_EXPIRED
    assert await _row(other["id"]) is None


async def test_unmerge_refused_when_a_merged_field_changed_since(
        account: AccountInfo, pair: tuple[dict, dict]) -> None:
    keep, other = pair
    done = await merge.merge(actor_of(account), keep["id"], other["id"],
                             {"first_name": Take.MERGE})
    await services.update(actor_of(account), keep["id"], {"first_name": "Annette"})
    with pytest.raises(DomainError) as refused:
        await merge.unmerge(actor_of(account), done.merge["id"])
    assert refused.value.errors[0].code is MergeErrorCode.CHANGED_SINCE
    # a field the merge did not change may change: the unmerge keeps it
    await services.update(actor_of(account), keep["id"], {"first_name": "Anne",
                                                          "city": "Bern"})
    undone = await merge.unmerge(actor_of(account), done.merge["id"])
    assert undone.customer["first_name"] == "Anna" and undone.customer["city"] == "Bern"
    assert await _row(other["id"]) is not None


PREVIEW = """query($k: ID!, $m: ID!) { customerMergePreview(keepId: $k, mergeId: $m) {
  result { firstName company landlinePhone customFields { key value } }
  fields { field keepValue mergeValue default } notKept { field value } } }"""
MERGE = """mutation($k: ID!, $m: ID!, $c: [CustomerMergeFieldChoice!]) {
  customerMerge(keepId: $k, mergeId: $m, fieldChoices: $c) {
    customer { id firstName } merge { id createdAt } userErrors { field code } } }"""
UNMERGE = """mutation($id: ID!) { customerUnmerge(mergeId: $id) {
  customer { firstName } restoredCustomer { id firstName } userErrors { field code } } }"""


async def test_api_round_trip(gql: Client, other_account: AccountInfo,
                              pair: tuple[dict, dict]) -> None:
    keep, other = pair
    k, m = ids.encode("Customer", keep["id"]), ids.encode("Customer", other["id"])
    preview = (await gql.data(PREVIEW, k=k, m=m))["customerMergePreview"]
    assert preview["result"]["company"] == "ACME"
    assert {"field": "firstName", "keepValue": "Anna", "mergeValue": "Anne",
            "default": "KEEP"} in preview["fields"]
    assert {f["field"] for f in preview["fields"]} >= {"customFields.shoe", "email"}
    elsewhere = await Client(other_account).data(MERGE, k=k, m=m)
    assert elsewhere["customerMerge"]["userErrors"] == [{"field": "keepId",
                                                         "code": "NOT_FOUND"}]
    wrong = await gql.data(MERGE, k=k, m=m, c=[{"field": "nope", "take": "MERGE"}])
    assert wrong["customerMerge"]["userErrors"][0]["code"] == "INVALID"
    merged = (await gql.data(MERGE, k=k, m=m, c=[{"field": "firstName", "take": "MERGE"}]))[
        "customerMerge"]
    assert merged["userErrors"] == [] and merged["customer"]["firstName"] == "Anne"
    undone = (await gql.data(UNMERGE, id=merged["merge"]["id"]))["customerUnmerge"]
    assert undone["userErrors"] == []
    assert undone["customer"]["firstName"] == "Anna"
    assert undone["restoredCustomer"] == {"id": m, "firstName": "Anne"}
    again = (await gql.data(UNMERGE, id=merged["merge"]["id"]))["customerUnmerge"]
    assert again["userErrors"] == [{"field": "mergeId", "code": "ALREADY_UNMERGED"}]


async def test_an_erasure_can_forget_the_merge_records(account: AccountInfo,
                                                       pair: tuple[dict, dict]) -> None:
    keep, other = pair
    done = await merge.merge(actor_of(account), keep["id"], other["id"])
    assert await merge.forget_customer(account.id, keep["id"]) == 1
    assert await merge.get(account.id, done.merge["id"]) is None
    with pytest.raises(NotFound):
        await merge.unmerge(actor_of(account), done.merge["id"])


async def test_erasing_a_merged_customer_leaves_no_merge_snapshot(
        account: AccountInfo, pair: tuple[dict, dict]) -> None:
    from clientele.customers import erasure

    keep, other = pair
    await merge.merge(actor_of(account), keep["id"], other["id"])
    assert await db.fetch("SELECT 1 FROM customer_merge WHERE kept_customer = $1", keep["id"])
    assert await erasure.erase(actor_of(account), keep["id"], force=True)
    # the snapshot held both people's details: it went with the erasure
    rows = await db.fetch("SELECT id FROM customer_merge WHERE account = $1 AND (kept_customer "
                          "= $2 OR merged_customer = $3)", account.id, keep["id"], other["id"])
    assert rows == []
