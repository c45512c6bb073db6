"""kill -9 of the server in the middle of an import: nothing of the file is visible, the job
is run again by the next process (or instance), nothing is doubled, and undo restores the
state before the job. On a database of its own, so that no other server's runner takes the job.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import httpx

from tests.conftest import ROOT, scratch_database, server_process
from tests.http.import_client import JOB_FIELDS
from tests.waiting import eventually_sync

ROWS = 40_000
PASSWORD = "crash-test-password-1"


def _admin(database_url: str) -> str:
    email = f"crash-{uuid.uuid4().hex[:6]}@example.com"
    subprocess.run([sys.executable, "-m", "clientele", "user", "create", "--email", email,
                    "--admin"], env={**os.environ, "DATABASE_URL": database_url,
                                     "CLIENTELE_PASSWORD": PASSWORD},
                   cwd=ROOT, check=True, capture_output=True, timeout=120)
    return email


class Session:
    def __init__(self, base: str, email: str) -> None:
        self.client = httpx.Client(base_url=base, timeout=120)
        answer = self.client.post("/graphql", json={
            "query": "mutation($e: String!, $p: String!) { login(email: $e, password: $p) "
                     "{ me { csrfToken } userErrors { code } } }",
            "variables": {"e": email, "p": PASSWORD}}).json()
        self.client.headers["x-csrf-token"] = answer["data"]["login"]["me"]["csrfToken"]

    def graphql(self, query: str, **variables: object) -> dict:
        answer = self.client.post("/graphql", json={"query": query, "variables": variables})
        return answer.json()

    def job(self, job_id: str) -> dict:
        answer = self.graphql(f"query($id: ID!) {{ importJob(id: $id) {{ {JOB_FIELDS} }} }}",
                              id=job_id)
        return answer["data"]["importJob"]


def _file(domain: str) -> bytes:
    lines = ["First name,Last name,Email,Mobile"]
    lines += [f"P{i},Crash{i},p{i}@{domain},+4179{i:07d}" for i in range(ROWS)]
    return ("\r\n".join(lines) + "\r\n").encode()


def _count(database_url: str, domain: str) -> int:
    code = ("import asyncio, asyncpg, sys\n"
            "async def m():\n"
            "    c = await asyncpg.connect(sys.argv[1])\n"
            "    print(await c.fetchval(\"SELECT count(*) FROM customer WHERE email LIKE $1\","
            " sys.argv[2]))\n"
            "asyncio.run(m())\n")
    done = subprocess.run([sys.executable, "-c", code, database_url, f"%@{domain}"],
                          capture_output=True, text=True, check=True, timeout=60)
    return int(done.stdout)


def test_kill_9_mid_import_leaves_nothing_and_the_retry_completes(database_url: str,
                                                                    tmp_path: Path) -> None:
    domain = f"crash-{uuid.uuid4().hex[:6]}.example"
    with scratch_database(database_url, "crash") as url:
        email = _admin(url)
        with server_process(url, str(tmp_path / "first.log")) as (base, process):
            session = Session(base, email)
            operations = {"query": "mutation($f: Upload!) { customerImportPreview(input: "
                                   "{file: $f}) { job { id } userErrors { code } } }",
                          "variables": {"f": None}}
            answer = session.client.post("/graphql", data={
                "operations": json.dumps(operations), "map": '{"0": ["variables.f"]}'},
                files={"0": ("crash.csv", _file(domain), "text/csv")}).json()
            job_id = answer["data"]["customerImportPreview"]["job"]["id"]
            eventually_sync(lambda: session.job(job_id)["status"] == "READY", within=120,
                            what="the analysis")
            committed = session.graphql(
                "mutation($id: ID!) { customerImportCommit(input: {jobId: $id, "
                "duplicates: FILL, errorPolicy: IMPORT_VALID}) { userErrors { code } } }",
                id=job_id)
            assert committed["data"]["customerImportCommit"]["userErrors"] == []
            # the fact: the run has read rows (its heartbeat is live), and has not finished
            running = eventually_sync(
                lambda: (job := session.job(job_id))["status"] == "RUNNING"
                and job["progress"]["processedRows"] > 0 and job, within=120,
                what="the import to be running")
            assert running["progress"]["phase"] in ("reading", "matching", "writing")
            process.kill()  # SIGKILL: no shutdown, the transaction is cut off
            process.wait(30)
        assert _count(url, domain) == 0  # nothing partial is visible

        with server_process(url, str(tmp_path / "second.log")) as (base, _):
            session = Session(base, email)
            done = eventually_sync(
                lambda: (job := session.job(job_id))["status"] in ("SUCCEEDED", "FAILED")
                and job, within=180, what="the job to be run again and finish")
            assert done["status"] == "SUCCEEDED", done
            assert done["counts"]["created"] == ROWS
            assert _count(url, domain) == ROWS  # nothing doubled
            undone = session.graphql(
                "mutation($id: ID!) { customerImportUndo(jobId: $id) "
                "{ job { status } userErrors { code } } }", id=job_id)
            assert undone["data"]["customerImportUndo"]["job"]["status"] == "UNDONE", undone
            assert _count(url, domain) == 0
