"""The import over real HTTP: multipart upload, analysis, commit, live progress, the
rejected-rows file, undo, permissions, and files that are not what they claim."""

from __future__ import annotations

import json
import uuid

import httpx
import websockets

from clientele.accounts.permissions import ALL, Permission
from clientele.core import db
from tests.conftest import token_for
from tests.http.import_client import JOB_FIELDS, ImportClient
from tests.waiting import eventually


def people_csv(domain: str) -> bytes:
    # phones of this run only: the session's other tests share the default account, and a
    # phone one of them holds would make Anna or Carl a known customer
    digits = f"{uuid.uuid4().int % 10**7:07d}"
    rows = ["Vorname;Nachname;E-Mail-Adresse;Handy;Notizen",
            f"Anna;Müller;anna@{domain};079 {digits[:3]} {digits[3:5]} {digits[5:]};=SUM(A1)",
            f"anna;MÜLLER;ANNA@{domain.upper()};;zweimal",
            "Bea;Beispiel;kaputt@;;",
            f"Carl;Keller;carl@{domain};+41 78 {digits[:3]} {digits[3:5]} {digits[5:]};"]
    return ("\r\n".join(rows) + "\r\n").encode("utf-8-sig")


async def count_domain(domain: str) -> int:
    rows = await db.fetch("SELECT count(*) AS n FROM customer WHERE email LIKE $1",
                          f"%@{domain}")
    return int(rows[0]["n"])


async def test_upload_preview_commit_progress_rejected_file_and_undo(
        live_server: str, admin_token: str) -> None:
    client = ImportClient(live_server, admin_token)
    domain = f"imp-{uuid.uuid4().hex[:8]}.example"
    status, body = await client.upload("Kunden.csv", people_csv(domain))
    assert status == 200 and body["data"]["customerImportPreview"]["userErrors"] == [], body
    job_id = body["data"]["customerImportPreview"]["job"]["id"]
    job = await client.settled(job_id, "READY")
    assert [c["target"] for c in job["columns"]] == [
        "first_name", "last_name", "email", "mobile_phone", "notes"]
    assert job["counts"]["rows"] == 4 and job["counts"]["rejected"] == 1
    assert job["counts"]["duplicatesInFile"] == 1
    assert job["previewRows"][1]["duplicate"]["kind"] == "IN_FILE"
    assert job["previewRows"][2]["errors"][0]["code"] == "INVALID_EMAIL"
    assert await count_domain(domain) == 0

    # the live progress: subscribed (and counted live by the server) before the commit
    ws_url = live_server.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(ws_url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {admin_token}"}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        before = await _subscribers(live_server, admin_token)
        await ws.send(json.dumps({"id": "p", "type": "subscribe", "payload": {
            "query": "subscription($id: ID!) { importProgress(jobId: $id) "
                     "{ status progress { phase fraction } counts { created } } }",
            "variables": {"id": job_id}}}))
        await eventually(lambda: _at_least(live_server, admin_token, before + 1), within=10,
                         what="the progress subscription to be live")
        committed = await client.commit(job_id)
        assert committed["userErrors"] == [], committed
        seen = []
        while not seen or seen[-1]["status"] != "SUCCEEDED":
            message = json.loads(await ws.recv())
            assert message["type"] == "next", message
            seen.append(message["payload"]["data"]["importProgress"])
    assert seen[-1]["counts"]["created"] == 2
    assert any(event["status"] == "RUNNING" for event in seen) or len(seen) >= 1

    job = await client.job(job_id)
    assert job["status"] == "SUCCEEDED" and job["canUndo"]
    assert (job["counts"]["created"], job["counts"]["rejected"]) == (2, 1)
    assert await count_domain(domain) == 2
    rejected = await client.download(job["rejectedRowsUrl"])
    assert rejected.status_code == 200
    assert rejected.headers["content-type"].startswith("text/csv")
    text = rejected.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "Row;Vorname;Nachname;E-Mail-Adresse;Handy;Notizen;Reason" \
        or text.splitlines()[0].startswith("Row,Vorname,Nachname")
    assert "kaputt@" in text and "Invalid email address" in text

    undone = await client.undo(job_id)
    assert undone["userErrors"] == [] and undone["job"]["status"] == "UNDONE"
    assert await count_domain(domain) == 0
    again = await client.undo(job_id)
    assert again["userErrors"][0]["code"] == "NOT_UNDOABLE"


async def _subscribers(base: str, token: str) -> int:
    async with httpx.AsyncClient(headers={"authorization": f"Bearer {token}"}) as client:
        return (await client.get(f"{base}/healthz")).json()["live"]["subscribers"]


async def _at_least(base: str, token: str, wanted: int) -> bool:
    return await _subscribers(base, token) >= wanted


async def test_files_that_are_not_spreadsheets_are_user_errors(live_server: str,
                                                                admin_token: str) -> None:
    client = ImportClient(live_server, admin_token)
    cases = {
        "empty.csv": (b"", "EMPTY_FILE"),
        "photo.csv": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "NOT_A_SPREADSHEET"),
        "headless.csv": (b"a@b.example;079 123 45 67\r\nc@d.example;079 765 43 21\r\n",
                         "NO_HEADER"),
    }
    for name, (data, code) in cases.items():
        status, body = await client.upload(name, data)
        assert status == 200, body
        errors = body["data"]["customerImportPreview"]["userErrors"]
        assert [e["code"] for e in errors] == [code], (name, body)
        assert body["data"]["customerImportPreview"]["job"] is None


async def test_permissions_and_upload_size(live_server: str, admin_token: str) -> None:
    reader = await token_for("default", frozenset({Permission.READ_CUSTOMERS}), "read-only")
    client = ImportClient(live_server, reader)
    status, body = await client.upload("people.csv", b"Name;Email\r\nAnna;a@example.com\r\n")
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
    assert (await client.download("/import/template.csv")).status_code == 403
    big = b"Name;Email\r\n" + b"Anna;a@example.com\r\n" * 150_000  # 3 MB
    status, body = await client.upload("big.csv", big)
    assert status == 413 and body["errors"][0]["extensions"]["code"] == "BODY_TOO_LARGE"
    importer = ImportClient(live_server, await token_for("default", ALL, "admin"))
    status, body = await importer.upload("big.csv", big)
    assert status == 200 and body["data"]["customerImportPreview"]["job"]["id"], body
    template = await importer.download("/import/template.csv")
    assert template.status_code == 200 and "Email" in template.content.decode("utf-8-sig")


async def test_mapping_again_and_mapping_errors(live_server: str, admin_token: str) -> None:
    client = ImportClient(live_server, admin_token)
    _, body = await client.upload("x.csv", b"Name;Mail;Comment\r\nAnna;a@x.example;hi\r\n")
    job_id = body["data"]["customerImportPreview"]["job"]["id"]
    await client.settled(job_id, "READY")
    answer = await client.graphql(
        """mutation($id: ID!) { customerImportPreview(input: {jobId: $id, mapping: [
              {column: 0, target: "email"}, {column: 1, target: "email"}]})
              { job { id } userErrors { field code } } }""", id=job_id)
    errors = answer["data"]["customerImportPreview"]["userErrors"]
    assert {"field": "mapping.1", "code": "TARGET_TWICE"} in errors, answer
    answer = await client.graphql(
        f"""mutation($id: ID!) {{ customerImportPreview(input: {{jobId: $id, mapping: [
              {{column: 0, target: "last_name"}}, {{column: 1, target: "email"}},
              {{column: 2, target: null}}]}})
              {{ job {{ {JOB_FIELDS} }} userErrors {{ code }} }} }}""",
        id=job_id)
    assert answer["data"]["customerImportPreview"]["userErrors"] == [], answer
    job = await client.settled(job_id, "READY")
    assert [c["target"] for c in job["columns"]] == ["last_name", "email", None]
    assert job["previewRows"][0]["values"] == [{"target": "last_name", "value": "Anna"},
                                               {"target": "email", "value": "a@x.example"}]
