"""Email and SMS transports (issue 15) against real servers on 127.0.0.1: aiosmtpd for SMTP
(plain, STARTTLS with AUTH, implicit TLS, refusals), http.server for the SMS provider.

TLS uses the self-signed certificate aiosmtpd ships for its own tests (CN "aes", valid to 2119;
the `cryptography` package is not installed to make one): the client trusts it through
`tls_context` (its name is not checked, the chain is); without that context the same server
is refused, which shows certificates are verified by default.
"""

from __future__ import annotations

import collections
import contextlib
import email
import http.server
import importlib.resources
import json
import socket
import ssl
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from clientele.communications.transports import (
    Delivered,
    DeliveryError,
    Email,
    PermanentFailure,
    Sms,
    TemporaryFailure,
    email_transport,
    sms_parts,
    sms_transport,
)
from tests.security import local_http

CERTS = importlib.resources.files("aiosmtpd.tests.certs")
MAIL_FROM = '"Clientele" <noreply@example.com>'
LOGIN, PASSWORD = "info@praxis.ch", "p@ss:wört/1"
LOGIN_URL = "info%40praxis.ch:p%40ss%3Aw%C3%B6rt%2F1"  # the same, percent-encoded


# --- a real SMTP server -------------------------------------------------------------------

@dataclass
class Received:
    session: int
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    tls: bool
    login: bytes | None

    def parsed(self) -> email.message.EmailMessage:
        message = email.message_from_bytes(self.content, policy=policy.default)
        assert isinstance(message, email.message.EmailMessage)
        return message


@dataclass
class Recorder:
    """aiosmtpd handler: refuses busy…@ (451) and unknown…@ (550), keeps everything else."""

    messages: list[Received] = field(default_factory=list)
    sessions: list[Any] = field(default_factory=list)  # kept so their ids stay distinct

    def _session(self, session: Any) -> int:
        if not any(seen is session for seen in self.sessions):
            self.sessions.append(session)
        return id(session)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        self._session(session)
        if address.startswith("busy"):
            return "451 4.3.0 Mailbox busy, try later"
        if address.startswith("unknown"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(Received(
            self._session(session), envelope.mail_from, list(envelope.rcpt_tos),
            envelope.content, session.ssl is not None, session.auth_data))
        return "250 2.0.0 Ok: queued as 4711"

    def message_ids(self) -> collections.Counter[str]:
        return collections.Counter(str(m.parsed()["Message-ID"]) for m in self.messages)


@dataclass
class SmtpServer:
    port: int
    recorder: Recorder
    controller: Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def smtp_server(port: int | None = None, recorder: Recorder | None = None,
                **options: Any) -> Iterator[SmtpServer]:
    recorder = recorder or Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=port or free_port(),
                            **options)
    controller.start()
    try:
        yield SmtpServer(controller.port, recorder, controller)
    finally:
        controller.stop()


def server_tls() -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(CERTS / "server.crt"), str(CERTS / "server.key"))
    return context


def client_tls() -> ssl.SSLContext:
    """Trusts the test certificate (a private CA would be handed over the same way)."""
    context = ssl.create_default_context(cafile=str(CERTS / "server.crt"))
    context.check_hostname = False  # issued to "aes", served on 127.0.0.1
    return context


def authenticator(server: Any, session: Any, envelope: Any, mechanism: str,
                  auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == LOGIN.encode() \
        and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)


def an_email(to: str = "anna.mueller@example.com", **changes: Any) -> Email:
    values: dict[str, Any] = {
        "to": to,
        "subject": "Ihr Termin am Montag, 9:00 – Frau Müller",
        "text": "Guten Tag Frau Müller\n\nIhr Termin bei Herrn Yılmaz: Montag, 9:00.\n",
        "html": "<p>Guten Tag Frau Müller</p>\n<p>Ihr Termin bei Herrn <b>Yılmaz</b>: Montag,"
                " 9:00.</p>\n",
        "sender_name": "Praxis Yılmaz & Müller",
        "message_id": f"<{uuid.uuid4()}@clientele.example>",
        "headers": {"List-Unsubscribe": "<https://clientele.example/preferences/abc>"},
    }
    return Email(**(values | changes))


def plain(error: DeliveryError) -> str:
    """The sentence, after checking it is one (no reprs, error numbers, escapes or secrets);
    the technical part is there, apart."""
    message = str(error)
    for junk in ("Errno", "errno", "Traceback", "Error(", "Exception", "_ssl", "[SSL", "b'",
                 "\\x", "SMTP", "None", PASSWORD, "p%40ss"):
        if junk == "SMTP" and ("SMTP_URL" in message or "SMTPUTF8" in message):
            continue
        assert junk not in message, (junk, message)
    assert message[0].isupper() and message.endswith("."), message
    assert error.detail, message
    assert PASSWORD not in error.detail
    return message


async def failure(transport: Any, message: Any) -> DeliveryError:
    with pytest.raises(DeliveryError) as raised:
        await transport.send(message)
    return raised.value


# --- email ----------------------------------------------------------------------------------

async def test_an_email_arrives_whole() -> None:
    sent = an_email()
    with smtp_server() as server:
        transport = email_transport(f"smtp://127.0.0.1:{server.port}", MAIL_FROM,
                                    production=True)
        try:
            delivered = await transport.send(sent)
        finally:
            await transport.close()
    assert delivered == Delivered(provider_id="2.0.0 Ok: queued as 4711", parts=1)
    [received] = server.recorder.messages
    assert received.mail_from == "noreply@example.com"
    assert received.rcpt_tos == ["anna.mueller@example.com"]
    message = received.parsed()
    assert message.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in message.iter_parts()] == \
        ["text/plain", "text/html"]
    assert all(part.get_content_charset() == "utf-8" for part in message.iter_parts())
    assert message["Subject"] == sent.subject
    assert message["From"].addresses[0].display_name == "Praxis Yılmaz & Müller"
    assert message["From"].addresses[0].addr_spec == "noreply@example.com"
    assert message["To"] == "anna.mueller@example.com"
    assert message["Message-ID"] == sent.message_id
    assert message["Date"].datetime is not None
    assert message["List-Unsubscribe"] == "<https://clientele.example/preferences/abc>"
    text, html = (message.get_body((kind,)) for kind in ("plain", "html"))
    assert text is not None and html is not None
    assert text.get_content().replace("\r\n", "\n") == sent.text
    assert html.get_content().replace("\r\n", "\n") == sent.html


async def test_mail_from_names_the_sender_when_the_business_has_no_name() -> None:
    with smtp_server() as server:
        transport = email_transport(f"smtp://127.0.0.1:{server.port}",
                                    '"Praxis Muster" <noreply@example.com>', production=True)
        try:
            await transport.send(an_email(sender_name=None))
        finally:
            await transport.close()
    assert str(server.recorder.messages[0].parsed()["From"]) == \
        "Praxis Muster <noreply@example.com>"


async def test_starttls_and_sign_in() -> None:
    with smtp_server(tls_context=server_tls(), require_starttls=True,
                     authenticator=authenticator, auth_require_tls=True) as server:
        transport = email_transport(
            f"smtp://{LOGIN_URL}@127.0.0.1:{server.port}?starttls=1&timeout=10", MAIL_FROM,
            production=True, tls_context=client_tls())
        try:
            await transport.send(an_email())
        finally:
            await transport.close()
    [received] = server.recorder.messages
    assert received.tls and received.login == LOGIN.encode()


async def test_a_wrong_password_is_permanent() -> None:
    with smtp_server(tls_context=server_tls(), require_starttls=True,
                     authenticator=authenticator, auth_require_tls=True) as server:
        transport = email_transport(f"smtp://{LOGIN_URL}x@127.0.0.1:{server.port}?starttls=1",
                                    MAIL_FROM, production=True, tls_context=client_tls())
        try:
            error = await failure(transport, an_email())
        finally:
            await transport.close()
    assert isinstance(error, PermanentFailure)
    assert plain(error).startswith("The mail server refused the sign-in (535 ")
    assert plain(error).endswith("check the user and password in SMTP_URL.")
    assert server.recorder.messages == []


async def test_sign_in_on_a_plain_connection() -> None:
    with smtp_server(authenticator=authenticator, auth_require_tls=False) as server:
        transport = email_transport(f"smtp://{LOGIN_URL}@127.0.0.1:{server.port}", MAIL_FROM,
                                    production=True)
        try:
            await transport.send(an_email())
        finally:
            await transport.close()
    [received] = server.recorder.messages
    assert not received.tls and received.login == LOGIN.encode()


async def test_implicit_tls() -> None:
    with smtp_server(ssl_context=server_tls()) as server:
        transport = email_transport(f"smtps://127.0.0.1:{server.port}", MAIL_FROM,
                                    production=True, tls_context=client_tls())
        try:
            await transport.send(an_email())
        finally:
            await transport.close()
    assert len(server.recorder.messages) == 1


@pytest.mark.parametrize("scheme", ["smtps", "smtp"])
async def test_an_untrusted_certificate_is_refused(scheme: str) -> None:
    options = {"ssl_context": server_tls()} if scheme == "smtps" else \
        {"tls_context": server_tls(), "require_starttls": True}
    query = "?starttls=1" if scheme == "smtp" else ""
    with smtp_server(**options) as server:
        transport = email_transport(f"{scheme}://127.0.0.1:{server.port}{query}", MAIL_FROM,
                                    production=True)  # the system's trust: no self-signed
        error = await failure(transport, an_email())
        await transport.close()
    assert isinstance(error, PermanentFailure)
    assert plain(error) == ("The mail server's certificate could not be verified "
                            "(self-signed certificate).")
    assert "CERTIFICATE_VERIFY_FAILED" in (error.detail or "")
    assert server.recorder.messages == []


async def test_starttls_asked_for_but_not_offered() -> None:
    with smtp_server() as server:
        transport = email_transport(f"smtp://127.0.0.1:{server.port}?starttls=1", MAIL_FROM,
                                    production=True)
        error = await failure(transport, an_email())
        await transport.close()
    assert isinstance(error, PermanentFailure)
    assert plain(error) == ("The mail server does not offer a secure connection (STARTTLS); "
                            "SMTP_URL asks for one.")
    assert error.detail == f"127.0.0.1:{server.port} does not advertise STARTTLS"
    assert server.recorder.messages == []


async def test_refusals_leave_the_connection_to_the_others() -> None:
    """451 is temporary, 550 permanent, each with the server's words; the connection goes on
    (one connection: concurrency 1) and the next message goes out on it."""
    with smtp_server() as server:
        transport = email_transport(f"smtp://127.0.0.1:{server.port}", MAIL_FROM,
                                    production=True, concurrency=1)
        try:
            busy = await failure(transport, an_email("busy@example.com"))
            unknown = await failure(transport, an_email("unknown@example.com"))
            await transport.send(an_email("anna@example.com"))
        finally:
            await transport.close()
    assert isinstance(busy, TemporaryFailure)
    assert plain(busy) == ("The mail server does not accept the address busy@example.com for "
                           "now (451 4.3.0 Mailbox busy, try later); we try again.")
    assert busy.detail == "RCPT TO:<busy@example.com> answered 451 4.3.0 Mailbox busy, try later"
    assert isinstance(unknown, PermanentFailure)
    assert plain(unknown) == ("The mail server refused the address unknown@example.com "
                              "(550 5.1.1 Mailbox unavailable).")
    assert [m.rcpt_tos for m in server.recorder.messages] == [["anna@example.com"]]
    assert len(server.recorder.sessions) == 1


async def test_an_address_that_cannot_be_written_is_permanent() -> None:
    with smtp_server() as server:
        transport = email_transport(f"smtp://127.0.0.1:{server.port}", MAIL_FROM,
                                    production=True)
        try:
            no_domain = await failure(transport, an_email("anna"))
            injected = await failure(transport, an_email("anna@example.com\r\nBcc: x@evil.test"))
            header = await failure(transport, an_email(headers={"X-Note": "a\r\nBcc: x@e.test"}))
        finally:
            await transport.close()
    assert plain(no_domain) == "The email address anna is not an address mail can be sent to."
    assert isinstance(injected, PermanentFailure) and isinstance(header, PermanentFailure)
    assert plain(header) == "The message could not be written as an email."
    assert server.recorder.messages == []


async def test_a_closed_port_is_temporary() -> None:
    with socket.socket() as closed:  # bound, never listening: the port refuses connections
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        transport = email_transport(f"smtp://127.0.0.1:{port}", MAIL_FROM, production=True)
        error = await failure(transport, an_email())
        await transport.close()
    assert isinstance(error, TemporaryFailure)
    assert plain(error) == "The mail server could not be reached (connection refused)."
    assert error.detail == f"connect to 127.0.0.1:{port} refused"


async def test_a_server_that_never_greets_is_temporary() -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:  # connects, never answers
        port = silent.getsockname()[1]
        transport = email_transport(f"smtp://127.0.0.1:{port}?timeout=0.3", MAIL_FROM,
                                    production=True)
        error = await failure(transport, an_email())
        await transport.close()
    assert isinstance(error, TemporaryFailure)
    assert plain(error) == "The mail server did not answer within 0.3 seconds."


async def test_pooled_concurrent_sends_arrive_exactly_once() -> None:
    import asyncio

    batch = [an_email(f"customer{n}@example.com") for n in range(300)]
    with smtp_server() as server:
        transport = email_transport(f"smtp://127.0.0.1:{server.port}", MAIL_FROM,
                                    production=True, concurrency=4)
        try:
            results = await asyncio.gather(*(transport.send(e) for e in batch))
        finally:
            await transport.close()
    assert all(isinstance(result, Delivered) for result in results)
    assert server.recorder.message_ids() == collections.Counter(e.message_id for e in batch)
    assert 1 <= len(server.recorder.sessions) <= 4  # connections reused, never more than 4


async def test_a_restarted_server_gets_a_new_connection() -> None:
    with smtp_server() as first:
        port, recorder = first.port, first.recorder
        transport = email_transport(f"smtp://127.0.0.1:{port}", MAIL_FROM, production=True,
                                    concurrency=1)
        await transport.send(an_email("before@example.com"))
    try:
        with smtp_server(port=port, recorder=recorder):  # the pooled connection is dead
            await transport.send(an_email("after@example.com"))
    finally:
        await transport.close()
    assert [m.rcpt_tos for m in recorder.messages] == [["before@example.com"],
                                                       ["after@example.com"]]
    assert len({m.session for m in recorder.messages}) == 2


# --- choosing by URL, the outbox, a channel not set up ---------------------------------------

async def test_the_email_outbox_keeps_the_last_messages() -> None:
    outbox = email_transport("outbox://?keep=3", MAIL_FROM, production=True)
    sent = [an_email(f"c{n}@example.com") for n in range(5)]
    for message in sent:
        assert (await outbox.send(message)).provider_id
    assert outbox.sent == sent[2:]  # type: ignore[attr-defined]
    error = await failure(outbox, an_email("not an address"))
    assert isinstance(error, PermanentFailure)


async def test_unset_urls_are_the_outbox_in_development_and_fail_in_production() -> None:
    email_outbox = email_transport(None, None, production=False)
    sms_outbox = sms_transport("", None, production=False)
    await email_outbox.send(an_email())
    assert (await sms_outbox.send(Sms("+41791234567", "€" * 81))).parts == 2
    assert len(email_outbox.sent) == len(sms_outbox.sent) == 1  # type: ignore[attr-defined]

    for transport, message, sentence in (
            (email_transport(None, MAIL_FROM, production=True), an_email(),
             "Email is not set up: set SMTP_URL."),
            (sms_transport(None, "Praxis", production=True), Sms("+41791234567", "Hi"),
             "SMS is not set up: set SMS_URL.")):
        error = await failure(transport, message)
        assert isinstance(error, PermanentFailure)
        assert plain(error) == sentence


@pytest.mark.parametrize(("url", "words"), [
    ("smtpx://host", "must start with smtp://, smtps:// or outbox://"),
    ("smtp://u:secret@host:25?startls=1", "unknown option 'startls'"),
    ("smtps://u:secret@host?starttls=1", "smtps:// is already encrypted"),
    ("smtp://u:secret@host?timeout=soon", "timeout must be a number of seconds"),
    ("smtp://u:secret@host:port", "invalid port"),
    ("smtp://u:secret@:25", "no host name"),
])
def test_an_smtp_url_that_cannot_be_understood(url: str, words: str) -> None:
    with pytest.raises(ValueError) as raised:
        email_transport(url, MAIL_FROM, production=True)
    assert words in str(raised.value)
    assert "secret" not in str(raised.value)


def test_production_smtp_needs_mail_from() -> None:
    with pytest.raises(ValueError, match="MAIL_FROM must be set"):
        email_transport("smtp://relay:25", None, production=True)


# --- SMS over HTTP ---------------------------------------------------------------------------

@dataclass
class Provider:
    port: int
    requests: list[tuple[str, dict[str, str], Any]]

    def url(self, path: str, token: str = "tok%2Fen%3D") -> str:
        return f"http://:{token}@127.0.0.1:{self.port}{path}"


ANSWERS: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/v1/messages": (201, {"content-type": "application/json"}, b'{"id": "sms-4711"}'),
    "/no-id": (200, {"content-type": "text/plain"}, b"queued"),
    "/broken": (500, {"content-type": "text/plain"}, b"upstream gateway failed"),
    "/busy": (429, {"retry-after": "30"}, b""),
    "/bad": (400, {"content-type": "application/json"},
             b'{"error": {"code": 21211, "message": "invalid number"}}'),
    "/private": (401, {"content-type": "application/json"}, b'{"message": "bad token"}'),
}


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    requests: list[tuple[str, dict[str, str], Any]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            requests.append((self.path, {k.lower(): v for k, v in self.headers.items()},
                             json.loads(body)))
            status, headers, answer = ANSWERS.get(self.path, (404, {}, b"no such path"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    with local_http.serving(Handler) as port:
        yield Provider(port, requests)


async def test_an_sms_is_posted_as_json_with_the_token(provider: Provider) -> None:
    transport = sms_transport(provider.url("/v1/messages"), "Praxis", production=True)
    text = "Grüezi Frau Müller, Ihr Termin: Mo 9:00. " * 5  # 205 GSM-7 characters
    try:
        delivered = await transport.send(Sms("+41791234567", text))
    finally:
        await transport.close()
    assert delivered == Delivered(provider_id="sms-4711", parts=2)
    path, headers, body = provider.requests[-1]
    assert path == "/v1/messages"
    assert headers["authorization"] == "Bearer tok/en="
    assert headers["content-type"] == "application/json"
    assert body == {"from": "Praxis", "to": "+41791234567", "text": text}


async def test_an_answer_without_an_id_is_still_delivered(provider: Provider) -> None:
    transport = sms_transport(provider.url("/no-id"), None, production=True)
    try:
        assert await transport.send(Sms("+41791234567", "Hi")) == Delivered(None, 1)
    finally:
        await transport.close()
    assert provider.requests[-1][2] == {"to": "+41791234567", "text": "Hi"}  # no SMS_FROM


@pytest.mark.parametrize(("path", "kind", "sentence"), [
    ("/broken", TemporaryFailure,
     "The SMS provider has a problem (HTTP 500: upstream gateway failed); we try again."),
    ("/busy", TemporaryFailure,
     "The SMS provider asks us to send more slowly (HTTP 429); we try again."),
    ("/bad", PermanentFailure, "The SMS provider refused the message (HTTP 400: invalid number)."),
    ("/private", PermanentFailure,
     "The SMS provider refused the sign-in (HTTP 401: bad token); check the token in SMS_URL."),
])
async def test_sms_provider_errors(provider: Provider, path: str, kind: type[DeliveryError],
                                   sentence: str) -> None:
    transport = sms_transport(provider.url(path), "Praxis", production=True)
    try:
        error = await failure(transport, Sms("+41791234567", "Hi"))
    finally:
        await transport.close()
    assert type(error) is kind
    assert plain(error) == sentence
    assert (error.detail or "").startswith(f"HTTP {sentence.split('HTTP ')[1][:3]} ")
    assert f"POST http://127.0.0.1:{provider.port}{path}" in (error.detail or "")
    assert "tok/en" not in (error.detail or "") and "tok%2F" not in (error.detail or "")


async def test_an_invalid_number_is_permanent_and_not_posted(provider: Provider) -> None:
    transport = sms_transport(provider.url("/v1/messages"), "Praxis", production=True)
    before = len(provider.requests)
    try:
        error = await failure(transport, Sms("079 123 45 67", "Hi"))
    finally:
        await transport.close()
    assert isinstance(error, PermanentFailure)
    assert plain(error) == ("The phone number 079 123 45 67 is not a full international number "
                            "(like +41 79 123 45 67); no SMS was sent.")
    assert len(provider.requests) == before


async def test_an_unreachable_provider_is_temporary() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        transport = sms_transport(f"http://:t@127.0.0.1:{port}/v1", None, production=True)
        try:
            error = await failure(transport, Sms("+41791234567", "Hi"))
        finally:
            await transport.close()
    assert isinstance(error, TemporaryFailure)
    assert plain(error) == "The SMS provider could not be reached (connection refused)."


@pytest.mark.parametrize(("url", "words"), [
    ("ftp://:secret@host/x", "must start with https:// or outbox://"),
    ("https://:secret@/v1", "no host name"),
    ("outbox://?keep=0", "keep must be a positive whole number"),
])
def test_an_sms_url_that_cannot_be_understood(url: str, words: str) -> None:
    with pytest.raises(ValueError) as raised:
        sms_transport(url, None, production=True)
    assert words in str(raised.value) and "secret" not in str(raised.value)


# --- SMS parts ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "parts"), [
    ("", 1),
    ("a" * 160, 1),  # GSM-7: 160 in one SMS
    ("a" * 161, 2),  # then 153 per part
    ("a" * 306, 2),
    ("a" * 307, 3),
    ("äöüÄÖÜéè£¥ñ" * 10, 1),  # accented letters of the basic alphabet: 110 septets
    ("€" * 80, 1),  # € is an extension character: two septets each, 160
    ("€" + "a" * 159, 2),  # 161 septets
    ("a" * 152 + "€" + "a" * 8, 2),  # the escape pair is not split: 152 | 2 + 8
    ("a" * 152 + "€" * 77, 3),  # 152 | 76 euros (152) | 1 euro
    ("ł" * 70, 1),  # not GSM-7: UCS-2, 70 in one SMS
    ("ł" * 71, 2),  # then 67 per part
    ("ł" * 134, 2),
    ("ł" * 135, 3),
    ("😀" * 35, 1),  # an emoji is two UTF-16 code units: 70
    ("😀" * 36, 2),  # 72 units: two parts (33 pairs + 3), no pair split
    ("a" * 66 + "😀", 1),  # 68 units, UCS-2 because of the emoji
    ("a" * 66 + "😀" + "a" * 3, 2),  # 71 units: 66 | 2 + 3 (the pair does not fit in 67)
])
def test_sms_parts(text: str, parts: int) -> None:
    assert sms_parts(text) == parts
