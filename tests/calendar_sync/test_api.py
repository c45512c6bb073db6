"""Calendar sources through the API: feed URLs with conditional GET, failures, uploads,
unmatched appointments."""

from __future__ import annotations

import email.utils
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clientele.calendar_sync.fetch import FetchError, fetch_feed

FEEDS = Path(__file__).parent / "feeds"
SYNC = """mutation($id: ID!) { calendarSourceSync(id: $id) {
  syncRun { eventsSeen appointmentsCreated appointmentsUpdated customersCreated error }
  userErrors { code message } } }"""
CREATE = """mutation($url: String!) { calendarSourceCreate(input: {name: "Praxis",
  url: $url, ownDomains: ["praxis-muster.ch"], windowPastDays: 3650,
  windowFutureDays: 3650}) { calendarSource { id } userErrors { field code } } }"""


SLOW_FEED_RELEASED = threading.Event()  # set at teardown: the slow feed's handler returns


class FeedHandler(http.server.BaseHTTPRequestHandler):
    """Serves tests/calendar_sync/feeds with Last-Modified; /slow never answers in time."""

    stamp = email.utils.formatdate(1_700_000_000, usegmt=True)

    def do_GET(self) -> None:
        if self.path == "/slow.ics":
            SLOW_FEED_RELEASED.wait(3)  # answers after the fetch's time limit (or at teardown)
        path = FEEDS / self.path.lstrip("/")
        if not path.is_file():
            self.send_response(404)
            self.end_headers()
            return
        if self.headers.get("if-modified-since") == self.stamp:
            self.send_response(304)
            self.end_headers()
            return
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("content-type", "text/calendar")
        self.send_header("last-modified", self.stamp)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def feed_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    SLOW_FEED_RELEASED.set()
    server.shutdown()


async def _source(gql, url: str) -> str:
    data = await gql.data(CREATE, url=url)
    assert data["calendarSourceCreate"]["userErrors"] == []
    return data["calendarSourceCreate"]["calendarSource"]["id"]


async def test_feed_url_sync_then_not_modified(gql, feed_server) -> None:
    source = await _source(gql, f"{feed_server}/google.ics")
    first = (await gql.data(SYNC, id=source))["calendarSourceSync"]
    assert first["userErrors"] == []
    assert first["syncRun"] == {"eventsSeen": 7, "appointmentsCreated": 7,
                                "appointmentsUpdated": 0, "customersCreated": 4, "error": None}
    second = (await gql.data(SYNC, id=source))["calendarSourceSync"]  # 304 Not Modified
    # nothing done, and the run still says what the calendar holds (never a silent 0)
    assert second["syncRun"] == {"eventsSeen": 7, "appointmentsCreated": 0,
                                 "appointmentsUpdated": 0, "customersCreated": 0, "error": None}
    runs = await gql.data("query($id: ID!) { syncRuns(sourceId: $id) { totalCount } "
                          "calendarSources { name lastSyncedAt } }", id=source)
    assert runs["syncRuns"]["totalCount"] == 2
    assert runs["calendarSources"][0]["lastSyncedAt"] is not None

    unmatched = await gql.data("{ unmatchedAppointments { totalCount edges { node { id title "
                               "} } } customers(first: 1) { edges { node { id } } } }")
    assert unmatched["unmatchedAppointments"]["totalCount"] == 1  # the all-day offsite
    appointment = unmatched["unmatchedAppointments"]["edges"][0]["node"]
    customer = unmatched["customers"]["edges"][0]["node"]["id"]
    linked = await gql.data("""mutation($a: ID!, $c: ID!) { appointmentLinkCustomer(
        appointmentId: $a, customerId: $c) { appointment { customer { id } } userErrors { code }
        } }""", a=appointment["id"], c=customer)
    assert linked["appointmentLinkCustomer"]["appointment"]["customer"]["id"] == customer
    after = await gql.data("{ unmatchedAppointments { totalCount } }")
    assert after["unmatchedAppointments"]["totalCount"] == 0


async def test_unreachable_feeds_fail_the_run_readably(gql, feed_server) -> None:
    ok = await _source(gql, f"{feed_server}/outlook.ics")
    await gql.data(SYNC, id=ok)
    missing = await _source(gql, f"{feed_server}/missing.ics")
    failed = (await gql.data(SYNC, id=missing))["calendarSourceSync"]
    assert "404" in failed["syncRun"]["error"]
    assert failed["userErrors"][0]["code"] == "SYNC_FAILED"
    count = await gql.data('{ upcomingAppointments(from: "2026-01-01T00:00:00Z") '
                           "{ totalCount } }")
    assert count["upcomingAppointments"]["totalCount"] == 3  # the good source is intact


async def test_fetch_limits(feed_server) -> None:
    with pytest.raises(FetchError, match="did not answer"):
        await fetch_feed(f"{feed_server}/slow.ics", timeout=0.5)
    with pytest.raises(FetchError, match="larger than"):
        await fetch_feed(f"{feed_server}/google.ics", max_bytes=1024)


async def test_bad_source_input(gql) -> None:
    data = await gql.data("""mutation { calendarSourceCreate(input: {name: "", url: "ftp://x",
        pollMinutes: 1}) { calendarSource { id } userErrors { field code } } }""")
    assert {e["field"] for e in data["calendarSourceCreate"]["userErrors"]} == {
        "name", "url", "pollMinutes"}


async def test_upload_over_http_multipart(account) -> None:
    from clientele.accounts.permissions import ALL
    from clientele.app import create_app
    from tests.conftest import token_for

    token = await token_for(account.slug, ALL)
    app = create_app()
    app.state.account = account
    operations = ('{"query": "mutation($f: Upload!) { calendarUpload(file: $f) { syncRun { '
                  'appointmentsCreated } userErrors { code } } }", "variables": {"f": null}}')
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t",
                                 headers={"authorization": f"Bearer {token}"}) as client:
        response = await client.post("/graphql", data={
            "operations": operations, "map": '{"0": ["variables.f"]}'},
            files={"0": ("outlook.ics", (FEEDS / "outlook.ics").read_bytes(), "text/calendar")})
        payload = response.json()["data"]["calendarUpload"]
        assert payload == {"syncRun": {"appointmentsCreated": 3}, "userErrors": []}
        bad = await client.post("/graphql", data={
            "operations": operations, "map": '{"0": ["variables.f"]}'},
            files={"0": ("x.ics", b"garbage", "text/calendar")})
        # not a calendar at all: refused before a source or run is written (issue 10, class 7)
        assert bad.json()["data"]["calendarUpload"]["userErrors"][0]["code"] == "INVALID"
