"""Round trip: export an account's customers (CSV and XLSX), import the file into an empty
account with the same custom fields, and get the same customers and custom values."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from clientele.core import db
from clientele.customers import custom_fields, export, services
from clientele.customers.enums import CustomFieldType
from clientele.customers.imports import jobs
from tests.conftest import actor_of

COMPARED = ("salutation", "first_name", "last_name", "email", "mobile_phone",
            "landline_phone", "date_of_birth", "street", "postcode", "city", "country",
            "company", "notes", "preferred_language")
FIELDS = (("member", "Member", CustomFieldType.CHECKBOX, []),
          ("visits", "Visits", CustomFieldType.NUMBER, []),
          ("since", "Customer since", CustomFieldType.DATE, []),
          ("tier", "Tier", CustomFieldType.DROPDOWN, ["Gold", "Silver"]),
          ("remark", "Remark", CustomFieldType.TEXT, []))


async def _define(account_id) -> None:
    for key, label, kind, options in FIELDS:
        await custom_fields.define(account_id, key, label, kind, options, False, False)


async def _people(account_id) -> list[dict]:
    rows = await db.fetch(f"SELECT {', '.join(COMPARED)}, custom FROM customer "
                          "WHERE account = $1 ORDER BY email", account_id)
    for row in rows:
        row["custom"] = json.loads(row["custom"]) if isinstance(row["custom"], str) \
            else row["custom"]
    return rows


@pytest.mark.parametrize("fmt", [export.Format.CSV, export.Format.XLSX])
async def test_export_then_import_gives_the_same_customers(account, other_account,
                                                           fmt) -> None:
    source, target = actor_of(account), actor_of(other_account)
    await _define(account.id)
    await _define(other_account.id)
    await services.create(source, {
        "salutation": "Dr.", "first_name": "Anna", "last_name": "Müller-Lüdenscheidt",
        "email": "anna@round.example", "mobile_phone": "+41 79 123 45 67",
        "landline_phone": "+41 44 555 66 77", "date_of_birth": dt.date(1984, 2, 29),
        "street": "Bahnhofstrasse 1", "postcode": "8001", "city": "Zürich", "country": "CH",
        "company": "=HYPERLINK(\"x\")", "notes": "Line one\nline two; with \"quotes\"",
        "preferred_language": "de-CH"},
        {"member": True, "visits": 3.5, "since": "2020-01-31", "tier": "Gold",
         "remark": "+ plus first"})
    await services.create(source, {"first_name": "Bob", "email": "bob@round.example"},
                          {"member": False, "visits": 12})
    await services.create(source, {"last_name": "Çelik", "mobile_phone": "+49 151 23456789",
                                   "email": "celik@round.example"}, {"tier": "Silver"})
    out = io.BytesIO()
    await export.write(await export.prepare(account.id), fmt, out)
    out.seek(0)

    job_id = await jobs.create(target, f"export.{fmt.value}", out)
    await jobs.run_pending()
    job = await jobs.get(other_account.id, job_id)
    assert job["status"] == "READY", job
    await jobs.commit(target, job_id, jobs.Duplicates.FILL, jobs.ErrorPolicy.REJECT_FILE)
    await jobs.run_pending()
    job = await jobs.get(other_account.id, job_id)
    assert job["status"] == "SUCCEEDED", (job["error"], job["counts"], job["preview"][:3])
    assert job["counts"]["created"] == 3 and job["counts"]["rejected"] == 0
    assert await _people(other_account.id) == await _people(account.id)
