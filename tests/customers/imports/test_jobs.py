"""Import jobs end to end in the domain: analysis, commit under each duplicate strategy and
error policy, in-file and database duplicates, undo. Files are written by the tests."""

from __future__ import annotations

import io
import uuid

import pytest

from clientele.core import db
from clientele.customers import custom_fields, services
from clientele.customers.enums import CustomerSource, CustomFieldType
from clientele.customers.imports import jobs
from clientele.customers.imports.jobs import Duplicates, ErrorPolicy
from tests.conftest import actor_of

pytestmark = pytest.mark.asyncio

HEADER = "First name;Last name;E-Mail;Mobile;Notes\r\n"


def csv_file(*rows: str, header: str = HEADER) -> io.BytesIO:
    return io.BytesIO((header + "".join(r + "\r\n" for r in rows)).encode("utf-8"))


async def analysed(actor, data: io.BytesIO, name: str = "people.csv") -> dict:
    job_id = await jobs.create(actor, name, data)
    await jobs.run_pending()
    job = await jobs.get(actor.account_id, job_id)
    assert job["status"] == "READY", job
    return job


async def imported(actor, job: dict, duplicates=Duplicates.FILL,
                   policy=ErrorPolicy.IMPORT_VALID) -> dict:
    await jobs.commit(actor, job["id"], duplicates, policy)
    await jobs.run_pending()
    return await jobs.get(actor.account_id, job["id"])


async def customers(account_id: uuid.UUID) -> list[dict]:
    return await db.fetch(
        "SELECT * FROM customer WHERE account = $1 ORDER BY sort_name, email", account_id)


async def test_analysis_counts_previews_and_suggests(account) -> None:
    actor = actor_of(account)
    job = await analysed(actor, csv_file(
        "Anna;Muster;anna@example.com;079 123 45 67;first",
        "anna;MUSTER;ANNA@Example.com;;again, other case",
        "Bea;Beispiel;not-an-email;;",
        "Carl;Klein;;+41 79 765 43 21;",
        ";;;;only notes",
    ))
    assert [c["target"] for c in job["columns"]] == [
        "first_name", "last_name", "email", "mobile_phone", "notes"]
    assert job["counts"] == {"rows": 5, "valid": 3, "rejected": 2, "duplicates_in_file": 1,
                             "existing": 0, "created": 0, "updated": 0, "skipped": 0}
    preview = {row["row"]: row for row in job["preview"]}
    assert preview[3]["duplicate"] == {"kind": "IN_FILE", "row": 2}
    assert preview[4]["errors"][0]["code"] == "INVALID_EMAIL"
    # a row with errors shows its cells as read, so staff see what is wrong
    assert ["email", "not-an-email"] in preview[4]["values"]
    assert ["mobile_phone", "+41791234567"] in preview[2]["values"]
    assert job["columns"][0]["samples"] == ["Anna", "anna", "Bea"]
    assert await customers(account.id) == []  # analysis writes no customer


async def test_commit_creates_merges_in_file_and_rejects_with_reasons(account) -> None:
    actor = actor_of(account)
    job = await imported(actor, await analysed(actor, csv_file(
        "Anna;Muster;anna@example.com;079 123 45 67;first",
        "anna;MUSTER;ANNA@Example.com;;again",
        "Bea;Beispiel;not-an-email;;",
        ";;;+41 79 765 43 21;no name",
        "Dora;Dreier;;0791234567;same phone as Anna",
    )))
    assert job["status"] == "SUCCEEDED", job
    counts = job["counts"]
    # rows 2, 3 and 6 are one person (email in other case, then the same phone); row 4 has a
    # bad email; row 5 no name for a new customer
    assert (counts["created"], counts["rejected"], counts["duplicates_in_file"]) == (1, 2, 2)
    [anna] = await customers(account.id)
    assert (anna["first_name"], anna["last_name"], anna["email"], anna["mobile_phone"],
            anna["notes"], anna["source"]) == (
        "Anna", "Muster", "anna@example.com", "+41791234567", "first", "IMPORT")
    text = "".join(await jobs.rejected_csv(account.id, job["id"]))
    assert "not-an-email" in text and "Invalid email address" in text
    assert "no name" in text and "first or last name is required" in text


async def test_duplicates_against_the_database_under_each_strategy(account) -> None:
    actor = actor_of(account)
    results = {}
    for strategy in Duplicates:
        await db.fetch("DELETE FROM customer WHERE account = $1", account.id)
        await services.create(actor, {"first_name": "Anna", "last_name": "Alt",
                                      "email": "anna@example.com", "company": None,
                                      "notes": "kept"})
        job = await imported(actor, await analysed(actor, csv_file(
            "Anna;Neu;anna@example.com;;from file",
            "Ben;Bauer;ben@example.com;;new",
        )), strategy)
        rows = {r["first_name"]: r for r in await customers(account.id)}
        results[strategy] = (job["counts"], rows)
    counts, rows = results[Duplicates.SKIP]
    assert (counts["created"], counts["updated"], counts["skipped"]) == (1, 0, 1)
    assert rows["Anna"]["last_name"] == "Alt"
    counts, rows = results[Duplicates.FILL]
    assert (counts["created"], counts["updated"]) == (1, 0)  # nothing blank to fill
    assert rows["Anna"]["last_name"] == "Alt" and rows["Anna"]["notes"] == "kept"
    counts, rows = results[Duplicates.OVERWRITE]
    assert (counts["created"], counts["updated"]) == (1, 1)
    assert rows["Anna"]["last_name"] == "Neu" and rows["Anna"]["notes"] == "from file"
    counts, rows = results[Duplicates.CREATE]
    assert (counts["created"], counts["rejected"]) == (1, 1)  # the email is taken


async def test_reject_whole_file_writes_nothing(account) -> None:
    actor = actor_of(account)
    job = await imported(actor, await analysed(actor, csv_file(
        "Anna;Muster;anna@example.com;;", "Bea;Beispiel;broken@;;")),
        policy=ErrorPolicy.REJECT_FILE)
    assert job["status"] == "FAILED" and "nothing was" in job["error"]
    assert await customers(account.id) == []


async def test_undo_restores_the_state_before(account) -> None:
    actor = actor_of(account)
    await services.create(actor, {"first_name": "Anna", "last_name": "Alt",
                                  "email": "anna@example.com"})
    before = await customers(account.id)
    job = await imported(actor, await analysed(actor, csv_file(
        "Anna;Neu;anna@example.com;079 123 45 67;imported note",
        "Ben;Bauer;ben@example.com;;",
    )), Duplicates.OVERWRITE)
    assert job["counts"]["created"] == 1 and job["counts"]["updated"] == 1
    summary = await jobs.undo(actor, job["id"])
    assert summary == {"deleted": 1, "kept": 0, "restored": 1}
    after = await customers(account.id)
    keep = ("first_name", "last_name", "email", "mobile_phone", "notes", "custom")
    assert [{k: r[k] for k in keep} for r in after] == [{k: r[k] for k in keep} for r in before]
    assert (await jobs.get(account.id, job["id"]))["status"] == "UNDONE"


async def test_custom_fields_by_type(account) -> None:
    actor = actor_of(account)
    for key, label, kind in (("member", "Member", CustomFieldType.CHECKBOX),
                             ("visits", "Visits", CustomFieldType.NUMBER),
                             ("since", "Since", CustomFieldType.DATE)):
        await custom_fields.define(account.id, key, label, kind, [], False, False)
    job = await imported(actor, await analysed(actor, csv_file(
        "Anna;Muster;anna@example.com;ja;3,5;1.3.2024",
        header="First name;Last name;Email;Member;Visits;Since\r\n")))
    assert job["status"] == "SUCCEEDED", job
    [row] = await customers(account.id)
    import json
    assert json.loads(row["custom"]) == {"member": True, "visits": 3.5, "since": "2024-03-01"}
    assert CustomerSource.IMPORT.value == row["source"]


async def test_the_run_reuses_the_analysed_rows_and_matches_customers_created_since(
        account) -> None:
    actor = actor_of(account)
    job = await analysed(actor, csv_file(
        "Anna;Muster;anna@example.com;;from file",
        "Ben;Bauer;ben@example.com;;first row",
        "Benjamin;;BEN@example.com;079 123 45 67;second row",
        "Élodie;Ärger;elodie@example.com;;new",
    ))
    kept = await db.fetch("SELECT count(*) AS n FROM import_row WHERE job = $1", job["id"])
    assert kept[0]["n"] == 4
    # the file is not read again: without its chunks the run could only fail
    await db.fetch("DELETE FROM import_file_chunk WHERE job = $1", job["id"])
    # created after the analysis: the run still finds it (matching happens in the run)
    await services.create(actor, {"first_name": "Anna", "last_name": "Alt",
                                  "email": "anna@example.com", "notes": None})
    done = await imported(actor, job, Duplicates.FILL)
    assert done["status"] == "SUCCEEDED", done
    counts = done["counts"]
    assert (counts["created"], counts["updated"], counts["existing"],
            counts["duplicates_in_file"]) == (2, 1, 1, 1)
    rows = {r["email"]: r for r in await customers(account.id)}
    assert rows["anna@example.com"]["last_name"] == "Alt"
    assert rows["anna@example.com"]["notes"] == "from file"  # filled
    # sort names as Python gives them: staged for one-row people, fixed up for combined ones
    assert rows["elodie@example.com"]["sort_name"] == "ärger élodie"
    assert rows["ben@example.com"]["sort_name"] == "bauer ben"
    assert rows["ben@example.com"]["mobile_phone"] == "+41791234567"
    history = await db.fetch(
        "SELECT changes FROM audit_event WHERE customer_id = $1 AND action = 'CREATED'",
        rows["elodie@example.com"]["id"])
    assert [h["changes"] for h in history] in (
        ['[{"to": "people.csv", "from": null, "field": "import"}]'],
        [[{"to": "people.csv", "from": None, "field": "import"}]])
    left = await db.fetch("SELECT count(*) AS n FROM import_row WHERE job = $1", job["id"])
    assert left[0]["n"] == 0  # deleted with the run


async def test_the_run_reads_the_file_again_when_the_analysed_rows_are_gone(account) -> None:
    actor = actor_of(account)
    job = await analysed(actor, csv_file(
        "Anna;Muster;anna@example.com;;", "Ben;Bauer;ben@example.com;;"))
    await db.fetch("DELETE FROM import_row WHERE job = $1", job["id"])  # a database restart
    done = await imported(actor, job)
    assert done["status"] == "SUCCEEDED", done
    assert done["counts"]["created"] == 2
    assert {r["sort_name"] for r in await customers(account.id)} == {"muster anna", "bauer ben"}


async def test_the_run_reads_the_file_again_after_the_definitions_changed(account) -> None:
    actor = actor_of(account)
    await custom_fields.define(account.id, "size", "Size", CustomFieldType.TEXT, [], False,
                               False)
    job = await analysed(actor, csv_file("Anna;Muster;anna@example.com;;7",
                                         header="First name;Last name;E-Mail;Mobile;Size\r\n"))
    assert job["columns"][4]["target"] == "custom.size"
    await db.fetch("UPDATE custom_field_definition SET field_type = 'NUMBER' "
                   "WHERE account = $1 AND key = 'size'", account.id)
    done = await imported(actor, job)
    assert done["status"] == "SUCCEEDED", done
    [anna] = await customers(account.id)
    custom = anna["custom"]
    assert custom in ({"size": 7}, '{"size": 7}')  # read again as a number, not the text "7"


async def test_worker_processes_clean_a_large_files_rows_in_order(account, monkeypatch) -> None:
    monkeypatch.setattr(jobs, "STAGE_POOL_FROM_BYTES", 0)  # every file is large
    monkeypatch.setattr(jobs, "BATCH_ROWS", 7)  # many batches, in flight at once
    actor = actor_of(account)
    rows = [f"P{i};Muster;p{i}@example.com;;" for i in range(60)]
    rows[41] = "Bad;Row;not-an-email;;"
    rows[50] = "P3;Again;P3@Example.com;;same as row 5"
    job = await analysed(actor, csv_file(*rows))
    assert job["counts"]["rows"] == 60 and job["counts"]["rejected"] == 1
    assert job["counts"]["duplicates_in_file"] == 1
    done = await imported(actor, job)
    assert done["counts"]["created"] == 58
    found = await db.fetch("SELECT email FROM customer WHERE account = $1", account.id)
    assert {r["email"] for r in found} == {f"p{i}@example.com" for i in range(60)} - {
        "p41@example.com", "p50@example.com"}


async def test_live_events_for_a_few_changed_customers_none_for_many(account,
                                                                    monkeypatch) -> None:
    from clientele.customers import events as customer_events

    published: list[tuple[uuid.UUID, str]] = []

    async def publish(account_id: uuid.UUID, customer_id: uuid.UUID, kind: str) -> None:
        published.append((customer_id, kind))

    monkeypatch.setattr(customer_events, "publish", publish)
    actor = actor_of(account)
    await services.create(actor, {"first_name": "Anna", "last_name": "Alt",
                                  "email": "anna@example.com", "notes": None})
    published.clear()
    job = await imported(actor, await analysed(actor, csv_file(
        "Anna;Muster;anna@example.com;;filled", "Ben;Bauer;ben@example.com;;new")))
    assert sorted(kind for _, kind in published) == ["created", "updated"]
    ids = {r["email"]: r["id"] for r in await customers(account.id)}
    assert dict((kind, i) for i, kind in published) == {
        "created": ids["ben@example.com"], "updated": ids["anna@example.com"]}
    published.clear()
    monkeypatch.setattr(jobs, "LIVE_EVENTS_UP_TO", 2)  # three changed: too many to list
    job = await imported(actor, await analysed(actor, csv_file(
        "Anna;Muster;anna@example.com;079 123 45 67;", "Cleo;C;cleo@example.com;;",
        "Dan;D;dan@example.com;;")))
    assert (job["counts"]["created"], job["counts"]["updated"]) == (2, 1)
    assert published == []
