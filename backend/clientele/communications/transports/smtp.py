"""Email over SMTP (aiosmtplib) through a small pool of reused connections.

At most `concurrency` connections, each carrying one message at a time: a send takes an idle
connection (or opens one while fewer than `concurrency` exist), sends, and hands it back. A
refusal the server answered (a 4xx or 5xx to one recipient, the sender or the data) leaves the
connection usable: aiosmtplib resets the envelope (RSET) and the next message goes out on it.
Anything else (lost connection, timeout, TLS trouble) closes it and the next send opens a new
one. A connection the server closed while idle is noticed when it is taken (or, at the latest,
by its first command: then the message is tried once on a new connection)."""

from __future__ import annotations

import asyncio
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

import aiosmtplib

from clientele.communications.transports.base import (
    Delivered,
    DeliveryError,
    Email,
    PermanentFailure,
    TemporaryFailure,
    cause_of,
    one_line,
)
from clientele.communications.transports.message import build

DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    implicit_tls: bool  # smtps://
    starttls: bool  # smtp://…?starttls=1
    username: str | None
    password: str | None
    timeout: float = DEFAULT_TIMEOUT

    @property
    def secure(self) -> bool:
        return self.implicit_tls or self.starttls

    def __repr__(self) -> str:  # never the password
        return (f"SmtpSettings(host={self.host!r}, port={self.port}, "
                f"implicit_tls={self.implicit_tls}, starttls={self.starttls}, "
                f"username={self.username!r}, timeout={self.timeout})")


class SmtpTransport:
    def __init__(self, settings: SmtpSettings, from_name: str | None, from_address: str, *,
                 concurrency: int = 8, tls_context: ssl.SSLContext | None = None) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        self.settings = settings
        self.from_name = from_name
        self.from_address = from_address
        self.concurrency = concurrency
        self.tls_context = tls_context
        self._slots = asyncio.Semaphore(concurrency)
        self._idle: list[aiosmtplib.SMTP] = []
        self._closed = False
        self._local_hostname: str | None = None

    async def send(self, email: Email) -> Delivered:
        if self._closed:
            raise TemporaryFailure("Email sending is shutting down; the message is sent later.",
                                   "transport closed")
        async with self._slots:  # built here: only `concurrency` messages exist at once
            message = build(email, self.from_name, self.from_address)
            client = self._take_idle()
            if client is not None:
                try:
                    return await self._send_on(client, message, email.to)
                except _Disconnected:
                    pass  # closed by the server while idle: once more, on a new connection
            client = await self._connect()
            try:
                return await self._send_on(client, message, email.to)
            except _Disconnected as lost:
                raise lost.failure from lost.__cause__

    async def probe(self) -> None:
        """Connect, EHLO, STARTTLS and sign in as a send would, then QUIT: no message is sent
        (`clientele doctor`). Raises the DeliveryError a send would have met."""
        await _quit(await self._connect())

    async def close(self) -> None:
        self._closed = True
        idle, self._idle = self._idle, []
        await asyncio.gather(*(_quit(client) for client in idle))

    # --- the pool ---------------------------------------------------------------------------

    def _take_idle(self) -> aiosmtplib.SMTP | None:
        while self._idle:
            client = self._idle.pop()
            if client.is_connected:
                return client
        return None

    def _give_back(self, client: aiosmtplib.SMTP) -> None:
        if self._closed or not client.is_connected:
            client.close()
        else:
            self._idle.append(client)

    async def _send_on(self, client: aiosmtplib.SMTP, message: EmailMessage,
                       to: str) -> Delivered:
        try:
            _, answer = await client.send_message(
                message, sender=self.from_address, recipients=[to],
                timeout=self.settings.timeout)
        except (aiosmtplib.SMTPRecipientsRefused, aiosmtplib.SMTPResponseException) as error:
            # the server answered: aiosmtplib has reset the envelope, the connection goes on
            # (unless the server is closing it: 421, or it is gone)
            failure = _refused(error, to, self.from_address)
            if _code(error) == 421:
                client.close()
            else:
                self._give_back(client)
            raise failure from error
        except aiosmtplib.SMTPServerDisconnected as error:
            client.close()
            raise _Disconnected(_failure(error, self.settings)) from error
        except BaseException as error:
            client.close()
            if isinstance(error, DeliveryError) or not isinstance(error, Exception):
                raise
            raise _failure(error, self.settings) from error
        self._give_back(client)
        return Delivered(provider_id=one_line(answer) or None)

    async def _connect(self) -> aiosmtplib.SMTP:
        settings = self.settings
        if self._local_hostname is None:
            self._local_hostname = await asyncio.to_thread(socket.getfqdn)
        client = aiosmtplib.SMTP(
            hostname=settings.host, port=settings.port, use_tls=settings.implicit_tls,
            start_tls=False, timeout=settings.timeout, tls_context=self.tls_context,
            local_hostname=self._local_hostname)
        try:
            await client.connect()
            await client.ehlo()
            if settings.starttls:
                if not client.supports_extension("starttls"):
                    raise PermanentFailure(
                        "The mail server does not offer a secure connection (STARTTLS); "
                        "SMTP_URL asks for one.",
                        f"{_where(settings)} does not advertise STARTTLS")
                await client.starttls()
                await client.ehlo()
            if settings.username is not None:
                if not client.supports_extension("auth"):
                    hint = "" if settings.secure else " without a secure connection"
                    raise PermanentFailure(
                        f"The mail server does not offer to sign in{hint}; SMTP_URL has a user "
                        "and password.", f"{_where(settings)} does not advertise AUTH"
                        + ("" if settings.secure else " on a plain connection"))
                await client.login(settings.username, settings.password or "")
        except BaseException as error:
            client.close()
            if isinstance(error, DeliveryError) or not isinstance(error, Exception):
                raise
            raise _failure(error, settings) from error
        return client


class _Disconnected(Exception):
    """The connection was lost under a send; `failure` is what to report if no retry helps."""

    def __init__(self, failure: DeliveryError) -> None:
        super().__init__(str(failure))
        self.failure = failure


async def _quit(client: aiosmtplib.SMTP) -> None:
    try:
        await asyncio.wait_for(client.quit(), timeout=2)
    except (Exception, asyncio.CancelledError):
        client.close()


def _where(settings: SmtpSettings) -> str:
    return f"{settings.host}:{settings.port}"


def _code(error: BaseException) -> int:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return error.recipients[0].code if error.recipients else 550
    return int(getattr(error, "code", 0) or 0)


def _answer(code: int, text: str) -> str:
    return f"{code} {one_line(text, 120)}".strip()


def _refused(error: aiosmtplib.SMTPRecipientsRefused | aiosmtplib.SMTPResponseException,
             to: str, sender: str) -> DeliveryError:
    """A refusal the server answered: 4xx temporary, 5xx permanent."""
    code = _code(error)
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        first = error.recipients[0] if error.recipients else None
        text = first.message if first else ""
        detail = f"RCPT TO:<{to}> answered {code} {text}"
        if code < 500:
            return TemporaryFailure(f"The mail server does not accept the address {to} for now "
                                    f"({_answer(code, text)}); we try again.", detail)
        return PermanentFailure(f"The mail server refused the address {to} "
                                f"({_answer(code, text)}).", detail)
    text = error.message
    if isinstance(error, aiosmtplib.SMTPSenderRefused):
        what, detail = f"the sender address {sender}", f"MAIL FROM:<{sender}> answered"
    elif isinstance(error, aiosmtplib.SMTPDataError):
        what, detail = "the message", "DATA answered"
    else:
        what, detail = "the message", "the server answered"
    detail = f"{detail} {code} {text}"
    if code == 421:
        return TemporaryFailure(f"The mail server is not taking messages now "
                                f"({_answer(code, text)}); we try again.", detail)
    if code < 500:
        return TemporaryFailure(f"The mail server did not take {what} for now "
                                f"({_answer(code, text)}); we try again.", detail)
    return PermanentFailure(f"The mail server refused {what} ({_answer(code, text)}).", detail)


def _failure(error: Exception, settings: SmtpSettings) -> DeliveryError:
    """Any other error from connecting, securing, signing in or sending, in words."""
    where = _where(settings)
    detail = f"{type(error).__name__} with {where}: {error}"
    certificate = cause_of(error, ssl.SSLCertVerificationError)
    if isinstance(certificate, ssl.SSLCertVerificationError):
        reason = one_line(certificate.verify_message or "not trusted", 120)
        return PermanentFailure(f"The mail server's certificate could not be verified "
                                f"({reason}).", detail)
    if cause_of(error, ssl.SSLError) is not None:
        how = "implicit TLS (smtps://)" if settings.implicit_tls else "STARTTLS"
        return PermanentFailure(f"A secure connection to the mail server failed; check that "
                                f"it speaks {how} on port {settings.port}.", detail)
    if isinstance(error, aiosmtplib.SMTPAuthenticationError):
        answer = _answer(error.code, error.message)
        if error.code < 500:
            return TemporaryFailure(f"The mail server could not check the sign-in now "
                                    f"({answer}); we try again.", detail)
        return PermanentFailure(f"The mail server refused the sign-in ({answer}); check the "
                                "user and password in SMTP_URL.", detail)
    if isinstance(error, aiosmtplib.SMTPTimeoutError | asyncio.TimeoutError):
        return TemporaryFailure(f"The mail server did not answer within "
                                f"{settings.timeout:g} seconds.", detail)
    if isinstance(error, aiosmtplib.SMTPResponseException):  # greeting, EHLO, STARTTLS refused
        answer = _answer(error.code, error.message)
        if error.code < 500:
            return TemporaryFailure(f"The mail server is not taking messages now ({answer}); "
                                    "we try again.", detail)
        return PermanentFailure(f"The mail server refused to talk to us ({answer}).", detail)
    if isinstance(error, aiosmtplib.SMTPNotSupported):
        return PermanentFailure("The mail server does not support what this message needs "
                                "(an address with non-English letters needs SMTPUTF8).", detail)
    if isinstance(error, aiosmtplib.SMTPServerDisconnected):
        return TemporaryFailure("The mail server closed the connection; we try again.",
                                detail)
    if isinstance(cause_of(error, ConnectionRefusedError), ConnectionRefusedError):
        return TemporaryFailure("The mail server could not be reached (connection refused).",
                                f"connect to {where} refused")
    if isinstance(cause_of(error, socket.gaierror), socket.gaierror):
        return TemporaryFailure(f"The mail server could not be reached (the name "
                                f"{settings.host} could not be found).",
                                f"DNS lookup failed for {settings.host}: {error}")
    if isinstance(error, aiosmtplib.SMTPConnectError | OSError):
        return TemporaryFailure("The mail server could not be reached (the connection "
                                "failed).", detail)
    if isinstance(error, ValueError):  # aiosmtplib refused an address before sending
        return PermanentFailure("The email address is not one mail can be sent to.", detail)
    if isinstance(error, aiosmtplib.SMTPException):
        return PermanentFailure("The mail server and this mail setup do not agree "
                                "(see the details).", detail)
    return TemporaryFailure("Sending the email failed unexpectedly; we try again.", detail)
