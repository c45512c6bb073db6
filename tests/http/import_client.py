"""A small client of the import API over real HTTP, for the import tests."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.waiting import eventually

JOB_FIELDS = """id status fileName sheet sheets headerRow error canUndo rejectedRowsUrl
  columns { index header target suggested samples }
  counts { rows valid rejected duplicatesInFile existing created updated skipped }
  progress { phase processedRows fraction }
  previewRows { rowNumber values { target value } errors { field code message }
                duplicate { kind rowNumber customerId } }"""
PAYLOAD = f"job {{ {JOB_FIELDS} }} userErrors {{ field message code }}"


class ImportClient:
    def __init__(self, base: str, token: str) -> None:
        self.base = base
        self.headers = {"authorization": f"Bearer {token}"}

    async def graphql(self, query: str, **variables: Any) -> dict[str, Any]:
        async with httpx.AsyncClient(headers=self.headers, timeout=60) as client:
            response = await client.post(f"{self.base}/graphql",
                                         json={"query": query, "variables": variables})
        return response.json()

    async def upload(self, name: str, data: bytes) -> tuple[int, dict[str, Any]]:
        operations = {"query": "mutation($f: Upload!) { customerImportPreview("
                               f"input: {{file: $f}}) {{ {PAYLOAD} }} }}",
                      "variables": {"f": None}}
        async with httpx.AsyncClient(headers=self.headers, timeout=120) as client:
            response = await client.post(
                f"{self.base}/graphql",
                data={"operations": json.dumps(operations), "map": '{"0": ["variables.f"]}'},
                files={"0": (name, data, "application/octet-stream")})
        body = response.json()
        return response.status_code, body

    async def job(self, job_id: str) -> dict[str, Any]:
        answer = await self.graphql(f"query($id: ID!) {{ importJob(id: $id) {{ {JOB_FIELDS} }} }}",
                                    id=job_id)
        assert "errors" not in answer, answer
        return answer["data"]["importJob"]

    async def settled(self, job_id: str, *statuses: str, within: float = 60) -> dict[str, Any]:
        async def arrived() -> dict[str, Any] | None:
            job = await self.job(job_id)
            return job if job["status"] in statuses else None

        return await eventually(arrived, within=within, what=f"the job to be {statuses}")

    async def commit(self, job_id: str, duplicates: str = "FILL",
                     policy: str = "IMPORT_VALID") -> dict[str, Any]:
        answer = await self.graphql(
            f"""mutation($id: ID!, $d: ImportDuplicateStrategy!, $p: ImportErrorPolicy!) {{
                  customerImportCommit(input: {{jobId: $id, duplicates: $d, errorPolicy: $p}})
                  {{ {PAYLOAD} }} }}""", id=job_id, d=duplicates, p=policy)
        return answer["data"]["customerImportCommit"]

    async def undo(self, job_id: str) -> dict[str, Any]:
        answer = await self.graphql(
            f"mutation($id: ID!) {{ customerImportUndo(jobId: $id) {{ {PAYLOAD} }} }}",
            id=job_id)
        return answer["data"]["customerImportUndo"]

    async def download(self, path: str) -> httpx.Response:
        async with httpx.AsyncClient(headers=self.headers, timeout=60) as client:
            return await client.get(f"{self.base}{path}")
