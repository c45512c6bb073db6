"""Customer lifecycle rules (issue 16): the archive rule archives exactly the inactive customers
(no appointment begun for N months, none upcoming, created more than N months ago), retention
erases exactly the inactive ones and skips (and counts) those erasure refuses, every run is
reported, and two runs of one account at once do not both work (the advisory lock)."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

from clientele.accounts.services import update_settings
from clientele.appointments import writes as appointment_writes
from clientele.blocking import services as blocking
from clientele.core import db
from clientele.customers import lifecycle, services
from clientele.customers.lifecycle import RunKind
from tests.conftest import actor_of

NOW = dt.datetime.now(dt.UTC)
DAY = dt.timedelta(days=1)


async def _customer(account, name: str, created_days_ago: int,
                    appointments_days_ago: tuple[int, ...] = ()) -> uuid.UUID:
    """A customer created that many days ago with appointments that began that many days ago
    (negative: upcoming)."""
    tag = uuid.uuid4().hex[:8]
    row = await services.create(actor_of(account), {
        "first_name": name, "last_name": f"Lifecycle{tag}", "email": f"{name}.{tag}@example.org"})
    for days in appointments_days_ago:
        starts = NOW - days * DAY
        await appointment_writes.insert_one(
            account.id, row["id"], title="Cut", services=["Cut"], starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1), location=None)
    # test set-up: the customer is older than the test
    await db.fetch("UPDATE customer SET created_at = $2 WHERE id = $1", row["id"],
                   NOW - created_days_ago * DAY)
    return row["id"]


async def _archived(account) -> set[uuid.UUID]:
    rows = await db.fetch("SELECT id FROM customer WHERE account = $1 AND archived_at IS NOT NULL",
                          account.id)
    return {row["id"] for row in rows}


async def _existing(account) -> set[uuid.UUID]:
    rows = await db.fetch("SELECT id FROM customer WHERE account = $1", account.id)
    return {row["id"] for row in rows}


async def _history(customer_id: uuid.UUID) -> list[dict]:
    return await db.fetch("""SELECT action, actor_label, changes FROM audit_event
                             WHERE customer_id = $1 AND actor_label = $2""",
                          customer_id, lifecycle.ARCHIVE_LABEL)


async def test_archive_rule_archives_exactly_the_inactive(account) -> None:
    await update_settings(account.id, None, None, archive_after_months=12)
    old_appointment = await _customer(account, "old", 900, (500,))
    never_came = await _customer(account, "never", 700)
    recent = await _customer(account, "recent", 900, (500, 60))
    upcoming = await _customer(account, "upcoming", 900, (500, -10))
    new = await _customer(account, "new", 30)

    runs = await lifecycle.run_rules(account.id)

    assert await _archived(account) == {old_appointment, never_came}
    assert runs is not None and [(r.kind, r.months, r.done, r.skipped, r.error) for r in runs] \
        == [(RunKind.ARCHIVE, 12, 2, 0, None)]
    assert runs[0].finished_at is not None
    history = await _history(old_appointment)
    assert [(h["action"], db.json_value(h["changes"])[0]["field"]) for h in history] \
        == [("UPDATED", "archived_at")]
    for untouched in (recent, upcoming, new):
        assert await _history(untouched) == []
    # the next run finds nothing more, and says so
    again = await lifecycle.run_rules(account.id)
    assert again is not None and [(r.kind, r.done) for r in again] == [(RunKind.ARCHIVE, 0)]
    page = await lifecycle.runs(account.id, 1, None)
    assert [r.id for r in page.runs] == [again[0].id] and page.has_next_page
    older = await lifecycle.runs(account.id, 5, page.runs[0].cursor)
    assert [r.id for r in older.runs] == [runs[0].id] and not older.has_next_page


async def test_retention_erases_exactly_the_inactive_and_counts_the_refused(account) -> None:
    await update_settings(account.id, None, None, erase_after_months=24)
    inactive = await _customer(account, "gone", 1500, (1000,))
    never_came = await _customer(account, "never", 1000)
    blocked = await _customer(account, "blocked", 1500, (1000,))
    await blocking.block_customer(actor_of(account), await services.get(account.id, blocked),
                                  "no-shows")
    recent = await _customer(account, "recent", 1500, (1000, 200))
    upcoming = await _customer(account, "upcoming", 1500, (1000, -3))
    new = await _customer(account, "new", 10)

    runs = await lifecycle.run_rules(account.id)

    assert await _existing(account) == {blocked, recent, upcoming, new}
    assert runs is not None and [(r.kind, r.months, r.done, r.skipped, r.error) for r in runs] \
        == [(RunKind.ERASE, 24, 2, 1, None)]
    erased = await db.fetch("""SELECT customer_id FROM audit_event WHERE account = $1
                               AND action = 'ERASED' AND actor_label = $2""",
                            account.id, lifecycle.ERASE_LABEL)
    assert {row["customer_id"] for row in erased} == {inactive, never_came}


async def test_both_rules_report_erasure_first(account) -> None:
    await update_settings(account.id, None, None, archive_after_months=6, erase_after_months=36)
    very_old = await _customer(account, "veryold", 2000, (1500,))
    old = await _customer(account, "old", 2000, (400,))
    runs = await lifecycle.run_rules(account.id)
    assert runs is not None and [(r.kind, r.done) for r in runs] \
        == [(RunKind.ERASE, 1), (RunKind.ARCHIVE, 1)]
    assert await _existing(account) == {old} and await _archived(account) == {old}
    assert very_old not in await _existing(account)


async def test_rules_off_write_no_report(account) -> None:
    await _customer(account, "old", 2000, (1500,))
    assert await lifecycle.run_rules(account.id) == []
    assert (await lifecycle.runs(account.id, 10, None)).runs == []


async def test_a_run_holding_the_account_lock_keeps_others_out(account) -> None:
    await update_settings(account.id, None, None, archive_after_months=12)
    inactive = {await _customer(account, f"old{i}", 900, (500,)) for i in range(5)}
    async with db.transaction():  # another instance is running the account's rules
        await db.fetch("SELECT pg_advisory_xact_lock($1)",
                       db.advisory_key("lifecycle", str(account.id)))
        async with db.apart():
            assert await lifecycle.run_rules(account.id) is None
            assert await _archived(account) == set()
    # two at once: every customer archived once, by one run
    results = await asyncio.gather(lifecycle.run_rules(account.id),
                                   lifecycle.run_rules(account.id))
    assert await _archived(account) == inactive
    assert sum(r.done for runs in results if runs for r in runs) == 5
    for customer_id in inactive:
        assert len(await _history(customer_id)) == 1


async def test_the_hourly_loop_skips_an_account_run_recently(account) -> None:
    await update_settings(account.id, None, None, archive_after_months=12)
    assert await lifecycle.run_rules(account.id) is not None
    assert await lifecycle.run_rules(account.id,
                                     skip_if_run_within=lifecycle.RUN_INTERVAL) is None


SETTINGS = """mutation($a: Int, $e: Int) { accountSettingsUpdate(archiveAfterMonths: $a,
  eraseAfterMonths: $e) { account { archiveAfterMonths eraseAfterMonths }
  userErrors { field code } } }"""
RUNS = """{ lifecycleRuns(first: 10) { edges { node { kind months count skippedCount
  startedAt finishedAt error } } pageInfo { hasNextPage } } }"""


async def test_settings_and_report_through_the_api(account, gql) -> None:
    data = await gql.data(SETTINGS, a=12, e=60)
    assert data["accountSettingsUpdate"]["account"] == {"archiveAfterMonths": 12,
                                                        "eraseAfterMonths": 60}
    refused = await gql.data(SETTINGS, a=0, e=3)
    assert refused["accountSettingsUpdate"]["userErrors"] == [
        {"field": "archiveAfterMonths", "code": "INVALID"}]
    refused = await gql.data(SETTINGS, a=12, e=3)
    assert refused["accountSettingsUpdate"]["userErrors"] == [
        {"field": "eraseAfterMonths", "code": "INVALID"}]
    # omitted: unchanged; null: off
    data = await gql.data("""mutation { accountSettingsUpdate(eraseAfterMonths: null) {
        account { archiveAfterMonths eraseAfterMonths } } }""")
    assert data["accountSettingsUpdate"]["account"] == {"archiveAfterMonths": 12,
                                                        "eraseAfterMonths": None}
    await _customer(account, "old", 900, (500,))
    await lifecycle.run_rules(account.id)
    data = await gql.data(RUNS)
    [edge] = data["lifecycleRuns"]["edges"]
    assert {k: v for k, v in edge["node"].items() if k not in ("startedAt", "finishedAt")} == {
        "kind": "ARCHIVE", "months": 12, "count": 1, "skippedCount": 0, "error": None}
    assert edge["node"]["finishedAt"] >= edge["node"]["startedAt"]
