"""The messages API: staff's messages and sending one again, a customer's messages as a
connection, the account's templates with their preview, and reminder hours and time zone."""

from __future__ import annotations

import datetime as dt
import uuid

from clientele.core import db, ids
from tests.api.helpers import create_customer

SEND = """
mutation($c: ID!, $m: Medium!, $s: String, $b: String!, $a: ID) {
  messageSend(customerId: $c, medium: $m, subject: $s, body: $b, appointmentId: $a) {
    communication { id kind medium status subject body createdAt }
    userErrors { field code message }
  }
}
"""
RESEND = """
mutation($id: ID!) { communicationResend(id: $id) {
  communication { id kind medium status subject body }
  userErrors { field code message } } }
"""
MESSAGES = """
query($id: ID!, $first: Int!, $after: String, $m: Medium, $s: DeliveryStatus) {
  customer(id: $id) { communications(first: $first, after: $after, medium: $m, status: $s) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind medium status subject body error dueAt updatedAt } } } }
}
"""
UPDATE = """
mutation($k: MessageKind!, $l: String!, $s: String!, $b: String!, $t: String!) {
  messageTemplateUpdate(kind: $k, language: $l, subject: $s, body: $b, sms: $t) {
    template { kind language subject body sms custom updatedAt }
    userErrors { field code message }
  }
}
"""
PREVIEW = """
query($k: MessageKind!, $l: String!, $s: String, $b: String, $t: String) {
  messageTemplatePreview(kind: $k, language: $l, subject: $s, body: $b, sms: $t) {
    subject text html sms variables problems { field message }
  }
}
"""
RESET = """
mutation($k: MessageKind!, $l: String!) { messageTemplateReset(kind: $k, language: $l) {
  template { kind language subject body sms custom } userErrors { field code } } }
"""
SETTINGS = """
mutation($h: [Int!], $z: String) { accountSettingsUpdate(reminderHours: $h, timeZone: $z) {
  account { reminderHours timeZone } userErrors { field code message } } }
"""


def _email() -> str:
    return f"m-{uuid.uuid4().hex[:10]}@example.com"


async def _row(global_id: str):
    rows = await db.fetch("SELECT * FROM communication WHERE id = $1",
                          ids.decode_as(global_id, "Communication"))
    return rows[0]


async def _insert(account, customer: str, *, medium: str = "EMAIL", status: str = "SENT",
                  kind: str = "MANUAL", ago: int = 0, subject: str | None = "Hello",
                  body: str = "Text") -> uuid.UUID:
    """A message row as the dispatcher leaves it, `ago` minutes old; a PENDING one is due
    tomorrow, so no dispatcher anywhere takes it meanwhile."""
    at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=ago)
    due = at + dt.timedelta(days=1) if status == "PENDING" else at
    rows = await db.fetch(
        """INSERT INTO communication (id, account, customer, medium, kind, subject, body,
               status, error, attempts, due_at, created_at, updated_at)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $10)
           RETURNING id""",
        account.id, ids.decode_as(customer, "Customer"), medium, kind, subject, body, status,
        "Mailbox unavailable" if status == "FAILED" else None, due, at)
    return rows[0]["id"]


async def test_a_message_staff_write_is_queued_pending_as_written(gql) -> None:
    customer = await create_customer(gql, firstName="Mia", email=_email(),
                                     mobilePhone="079 123 45 67")
    sent = (await gql.data(SEND, c=customer, m="EMAIL", s="  Your   results ",
                           b="\nThey are ready.\n\nBest regards\n"))["messageSend"]
    assert sent["userErrors"] == []
    message = sent["communication"]
    assert (message["kind"], message["medium"], message["status"]) == ("MANUAL", "EMAIL",
                                                                       "PENDING")
    assert message["subject"] == "Your results"  # on one line
    assert message["body"] == "They are ready.\n\nBest regards"
    row = await _row(message["id"])
    assert (row["kind"], row["medium"], row["subject"]) == ("MANUAL", "EMAIL", "Your results")
    # (a live server's dispatcher in this test session may have sent it meanwhile: then the
    # body is as sent, with the preferences link below)
    assert row["body"].startswith("They are ready.\n\nBest regards")
    assert row["customer"] == ids.decode_as(customer, "Customer")

    sms = (await gql.data(SEND, c=customer, m="SMS", s="ignored", b="See you at 10"))[
        "messageSend"]
    assert sms["userErrors"] == []
    assert (sms["communication"]["medium"], sms["communication"]["subject"]) == ("SMS", None)


async def test_what_could_not_be_sent_is_refused_at_once(gql) -> None:
    blocked = await create_customer(gql, firstName="Bo", email=_email(),
                                    communicationStatus="BLOCKED")
    no_email = await create_customer(gql, firstName="Em", email=_email(), emailEnabled=False)
    no_phone = await create_customer(gql, firstName="Ph", email=_email())
    ok = await create_customer(gql, firstName="Ok", email=_email())
    cases = [
        (dict(c=blocked, m="EMAIL", s="Hi", b="Text"), [(None, "COMMUNICATION_BLOCKED")]),
        (dict(c=no_email, m="EMAIL", s="Hi", b="Text"), [("medium", "CHANNEL_UNAVAILABLE")]),
        (dict(c=no_phone, m="SMS", b="Text"), [("medium", "CHANNEL_UNAVAILABLE")]),
        (dict(c=ok, m="EMAIL", b="Text"), [("subject", "REQUIRED")]),
        (dict(c=ok, m="EMAIL", s="x" * 201, b=" "), [("subject", "TOO_LONG"),
                                                      ("body", "REQUIRED")]),
        (dict(c=ok, m="EMAIL", s="Hi", b="x" * 5001), [("body", "TOO_LONG")]),
        (dict(c=ok, m="SMS", b="x" * 1001), [("body", "TOO_LONG")]),
        (dict(c=ids.encode("Customer", uuid.uuid4()), m="EMAIL", s="Hi", b="Text"),
         [("customerId", "NOT_FOUND")]),
        (dict(c=ok, m="EMAIL", s="Hi", b="Text", a=ids.encode("Appointment", uuid.uuid4())),
         [("appointmentId", "NOT_FOUND")]),
    ]
    for variables, expected in cases:
        result = (await gql.data(SEND, **variables))["messageSend"]
        assert result["communication"] is None, variables
        assert [(e["field"], e["code"]) for e in result["userErrors"]] == expected, variables
        assert all(e["message"] for e in result["userErrors"])
    rows = await db.fetch("SELECT count(*) AS n FROM communication WHERE account = $1",
                          gql.account.id)
    assert rows[0]["n"] == 0
    # the full lengths are accepted
    long = (await gql.data(SEND, c=ok, m="EMAIL", s="x" * 200, b="y" * 5000))["messageSend"]
    assert long["userErrors"] == []


async def test_a_failed_message_is_sent_again_as_a_new_one_and_stays(gql) -> None:
    customer = await create_customer(gql, firstName="Re", email=_email())
    failed = await _insert(gql.account, customer, status="FAILED", subject="Invoice",
                           body="Attached.")
    result = (await gql.data(RESEND, id=ids.encode("Communication", failed)))[
        "communicationResend"]
    assert result["userErrors"] == []
    new = result["communication"]
    assert (new["status"], new["kind"], new["subject"], new["body"]) == (
        "PENDING", "MANUAL", "Invoice", "Attached.")
    assert new["id"] != ids.encode("Communication", failed)
    old = await db.fetch("SELECT status, error FROM communication WHERE id = $1", failed)
    assert old == [{"status": "FAILED", "error": "Mailbox unavailable"}]

    sent = await _insert(gql.account, customer, status="SENT")
    for global_id, code in ((ids.encode("Communication", sent), "INVALID_STATE"),
                            (ids.encode("Communication", uuid.uuid4()), "NOT_FOUND"),
                            (customer, "INVALID")):
        refused = (await gql.data(RESEND, id=global_id))["communicationResend"]
        assert refused["communication"] is None
        assert [e["code"] for e in refused["userErrors"]] == [code]
    # the customer blocked meanwhile: staff hear it now, not from a SKIPPED row later
    await db.fetch("UPDATE customer SET communication_status = 'BLOCKED' WHERE id = $1",
                   ids.decode_as(customer, "Customer"))
    blocked = (await gql.data(RESEND, id=ids.encode("Communication", failed)))[
        "communicationResend"]
    assert [e["code"] for e in blocked["userErrors"]] == ["COMMUNICATION_BLOCKED"]


async def test_a_customers_messages_newest_first_filtered_by_medium_and_status(gql) -> None:
    customer = await create_customer(gql, firstName="Co", email=_email())
    other = await create_customer(gql, firstName="Other", email=_email())
    made = {
        "email-sent": await _insert(gql.account, customer, ago=50),
        "sms-failed": await _insert(gql.account, customer, medium="SMS", status="FAILED",
                                    subject=None, ago=40),
        "email-failed": await _insert(gql.account, customer, status="FAILED", ago=30),
        "email-skipped": await _insert(gql.account, customer, status="SKIPPED", ago=20),
        "sms-pending": await _insert(gql.account, customer, medium="SMS", status="PENDING",
                                     subject=None, ago=10),
    }
    await _insert(gql.account, other, ago=5)
    names = {ids.encode("Communication", v): k for k, v in made.items()}

    async def listed(**filters) -> list[str]:
        data = await gql.data(MESSAGES, id=customer, first=10, **filters)
        connection = data["customer"]["communications"]
        found = [names[e["node"]["id"]] for e in connection["edges"]]
        assert connection["totalCount"] == len(found)
        return found

    assert await listed() == ["sms-pending", "email-skipped", "email-failed", "sms-failed",
                              "email-sent"]
    assert await listed(m="SMS") == ["sms-pending", "sms-failed"]
    assert await listed(s="FAILED") == ["email-failed", "sms-failed"]
    assert await listed(m="EMAIL", s="FAILED") == ["email-failed"]
    assert await listed(s="PENDING") == ["sms-pending"]
    # a message being sent is listed as it is, and among the PENDING ones
    await db.fetch("UPDATE communication SET status = 'SENDING' WHERE id = $1",
                   made["sms-pending"])
    assert await listed(s="PENDING") == ["sms-pending"]
    data = await gql.data(MESSAGES, id=customer, first=1, s="SENDING")
    assert data["customer"]["communications"]["edges"][0]["node"]["status"] == "SENDING"
    # pages follow on
    first = (await gql.data(MESSAGES, id=customer, first=2))["customer"]["communications"]
    assert first["pageInfo"]["hasNextPage"] and first["totalCount"] == 5
    rest = (await gql.data(MESSAGES, id=customer, first=10,
                           after=first["pageInfo"]["endCursor"]))["customer"]["communications"]
    assert [names[e["node"]["id"]] for e in rest["edges"]] == [
        "email-failed", "sms-failed", "email-sent"]
    bad = await gql.execute(MESSAGES, id=customer, first=1, after="nonsense")
    assert bad.errors and bad.errors[0].extensions["code"] == "INVALID_CURSOR"


async def test_templates_are_checked_previewed_used_and_reset(gql) -> None:
    listed = (await gql.data("{ messageTemplates { kind language custom subject } }"))[
        "messageTemplates"]
    assert len(listed) == 6 * 4 and not any(t["custom"] for t in listed)
    builtin = next(t for t in listed if (t["kind"], t["language"]) == ("REMINDER", "de"))

    broken = (await gql.data(UPDATE, k="REMINDER", l="de", s="Termin {{ appointment.date",
                             b="{{ customer.shoe_size }}", t="ok"))["messageTemplateUpdate"]
    assert broken["template"] is None
    fields = {e["field"] for e in broken["userErrors"]}
    assert fields == {"subject", "body"}
    assert all(e["code"] == "INVALID" and e["message"] for e in broken["userErrors"])
    assert "customer.shoe_size" in next(e["message"] for e in broken["userErrors"]
                                        if e["field"] == "body")
    problems = (await gql.data(PREVIEW, k="REMINDER", l="de", s="{% for x in y %}{% endfor %}"))[
        "messageTemplatePreview"]
    assert problems["subject"] is None and [p["field"] for p in problems["problems"]] == [
        "subject"]

    saved = (await gql.data(UPDATE, k="REMINDER", l="de",
                            s="Bis bald, {{ customer.first_name }}",
                            b="{{ greeting }}\n\nAm {{ appointment.date }} bei "
                              "{{ business.name }}.",
                            t="Erinnerung: {{ appointment.date }}"))["messageTemplateUpdate"]
    assert saved["userErrors"] == []
    assert saved["template"]["custom"] and saved["template"]["updatedAt"]
    preview = (await gql.data(PREVIEW, k="REMINDER", l="de"))["messageTemplatePreview"]
    assert preview["problems"] == []
    assert preview["subject"] == "Bis bald, Anna"
    assert gql.account.name in preview["text"] and "Guten Tag Frau Müller," in preview["text"]
    assert "<html" in preview["html"] and preview["sms"].startswith("Erinnerung: ")
    assert "appointment.date" in preview["variables"]
    assert "message.body" not in preview["variables"]
    stored = await db.fetch("SELECT subject FROM message_template WHERE account = $1",
                            gql.account.id)
    assert stored == [{"subject": "Bis bald, {{ customer.first_name }}"}]
    again = (await gql.data(UPDATE, k="REMINDER", l="de", s="Zweite Fassung", b="Text",
                            t="SMS"))["messageTemplateUpdate"]
    assert again["template"]["subject"] == "Zweite Fassung"
    listed = (await gql.data("{ messageTemplates { kind language custom subject } }"))[
        "messageTemplates"]
    assert [(t["kind"], t["language"], t["subject"]) for t in listed if t["custom"]] == [
        ("REMINDER", "de", "Zweite Fassung")]

    reset = (await gql.data(RESET, k="REMINDER", l="de"))["messageTemplateReset"]
    assert reset["userErrors"] == [] and reset["template"]["custom"] is False
    assert reset["template"]["subject"] == builtin["subject"]
    assert await db.fetch("SELECT 1 FROM message_template WHERE account = $1",
                          gql.account.id) == []
    unknown = (await gql.data(RESET, k="REMINDER", l="es"))["messageTemplateReset"]
    assert [(e["field"], e["code"]) for e in unknown["userErrors"]] == [("language", "INVALID")]


async def test_a_manual_template_previews_with_a_message_of_staff(gql) -> None:
    preview = (await gql.data(PREVIEW, k="MANUAL", l="fr"))["messageTemplatePreview"]
    assert preview["problems"] == [] and preview["subject"] == "Your question"
    assert "Thank you for your message." in preview["text"]
    assert "message.body" in preview["variables"]
    assert not any(v.startswith("appointment.") for v in preview["variables"])


async def test_reminder_hours_and_time_zone(gql) -> None:
    ok = (await gql.data(SETTINGS, h=[48, 2], z="America/New_York"))["accountSettingsUpdate"]
    assert ok["userErrors"] == []
    assert ok["account"] == {"reminderHours": [48, 2], "timeZone": "America/New_York"}
    for hours, zone in (([0], None), ([337], None), ([24, 24], None), ([1, 2, 3], None),
                        (None, "Mars/Olympus"), (None, "../etc/passwd"), (None, "x" * 100)):
        refused = (await gql.data(SETTINGS, h=hours, z=zone))["accountSettingsUpdate"]
        assert refused["account"] is None
        [error] = refused["userErrors"]
        assert error["code"] == "INVALID" and error["message"]
        assert error["field"] == ("reminderHours" if hours is not None else "timeZone")
    none = (await gql.data(SETTINGS, h=[]))["accountSettingsUpdate"]
    assert none["account"] == {"reminderHours": [], "timeZone": "America/New_York"}
    rows = await db.fetch("SELECT reminder_hours, time_zone FROM account WHERE id = $1",
                          gql.account.id)
    assert rows == [{"reminder_hours": [], "time_zone": "America/New_York"}]
