"""Traces leave through OTLP/HTTP to a collector (here a local HTTP server that decodes what it
receives with the protobuf classes the exporter ships): request → GraphQL operation →
resolver → SQL, with the operation's name and the account's id, and no personal data."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from clientele.accounts.permissions import ALL
from clientele.core import tracing
from tests.conftest import token_for
from tests.security.in_process import in_process
from tests.security.local_http import serving

NAME, SURNAME, EMAIL = "Zebulon", "Quaxleyfield", "zebulon.quaxleyfield@example.org"
CREATE = """mutation TracedCreate($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { id } userErrors { code } } }"""
LIST = """query TracedList($q: String) {
  customers(first: 5, search: $q) { edges { node { firstName lastName email } } } }"""


@pytest.fixture
def collector(monkeypatch) -> Iterator[list[tuple[str, bytes]]]:
    received: list[tuple[str, bytes]] = []
    lock = threading.Lock()

    class Collector(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["content-length"]))
            with lock:
                received.append((self.path, body))
            self.send_response(200)
            self.send_header("content-type", "application/x-protobuf")
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with serving(Collector) as port:
        monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", f"http://127.0.0.1:{port}")
        monkeypatch.delenv("OTEL_SDK_DISABLED", raising=False)
        monkeypatch.delenv("OTEL_TRACES_EXPORTER", raising=False)
        monkeypatch.delenv("OTEL_SERVICE_NAME", raising=False)
        monkeypatch.delenv("OTEL_RESOURCE_ATTRIBUTES", raising=False)
        try:
            yield received
        finally:
            tracing.shutdown()


def attributes(span: Span) -> dict[str, object]:
    out: dict[str, object] = {}
    for pair in span.attributes:
        kind = pair.value.WhichOneof("value")
        out[pair.key] = getattr(pair.value, kind) if kind else None
    return out


async def test_a_request_is_traced_to_its_sql_without_personal_data(collector, account,
                                                                    monkeypatch) -> None:
    token = await token_for(account.slug, ALL)
    bearer = {"authorization": f"Bearer {token}"}
    async with in_process() as client:
        assert tracing.enabled()
        created = await client.post("/graphql", headers=bearer, json={
            "query": CREATE, "operationName": "TracedCreate",
            "variables": {"input": {"firstName": NAME, "lastName": SURNAME, "email": EMAIL}}})
        assert created.json()["data"]["customerCreate"]["userErrors"] == [], created.text
        listed = await client.post("/graphql", headers=bearer, json={
            "query": LIST, "operationName": "TracedList", "variables": {"q": SURNAME}})
        assert EMAIL in listed.text  # the answer holds the person; the trace must not
    tracing.shutdown()  # exports what the batch processor holds

    assert collector and all(path == "/v1/traces" for path, _ in collector)
    for _, body in collector:
        for secret in (NAME, SURNAME, EMAIL, token):
            assert secret.encode() not in body
    spans: list[Span] = []
    for _, body in collector:
        request = ExportTraceServiceRequest.FromString(body)
        for resource in request.resource_spans:
            service = {a.key: a.value.string_value for a in resource.resource.attributes}
            assert service["service.name"] == "clientele"
            for scope in resource.scope_spans:
                spans.extend(scope.spans)
    by_id = {span.span_id: span for span in spans}

    def parent(span: Span) -> Span | None:
        return by_id.get(span.parent_span_id)

    operation = next(s for s in spans if s.name == "query TracedList")
    facts = attributes(operation)
    assert facts["graphql.operation.name"] == "TracedList"
    assert facts["graphql.operation.type"] == "query"
    assert facts["clientele.account"] == str(account.id)

    request = parent(operation)
    assert request is not None and request.kind == Span.SPAN_KIND_SERVER
    assert request.name == "POST /graphql"
    assert attributes(request)["http.route"] == "/graphql"
    assert attributes(request)["http.response.status_code"] == 200
    assert attributes(request)["clientele.account"] == str(account.id)
    assert request.trace_id == operation.trace_id

    resolvers = [s for s in spans if s.name.startswith("resolve ")
                 and parent(s) is operation]
    assert resolvers, [s.name for s in spans]
    sql_under_resolver = [s for s in spans if attributes(s).get("db.system") == "postgresql"
                          and parent(s) in resolvers]
    assert sql_under_resolver
    for span in sql_under_resolver:
        statement = str(attributes(span)["db.statement"])
        assert "$1" in statement or "SELECT" in statement.upper()

    mutation = next(s for s in spans if s.name == "mutation TracedCreate")
    assert attributes(mutation)["graphql.operation.type"] == "mutation"
    inserts = [s for s in spans if s.trace_id == mutation.trace_id and s.name == "INSERT"]
    assert inserts  # the customer's row went in as $n parameters (checked above: no values)
