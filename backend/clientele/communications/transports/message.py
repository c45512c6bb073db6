"""An `Email` as the MIME message that goes on the wire (stdlib `email`): multipart/alternative
with the text and the HTML, UTF-8, From with the business's display name, Message-ID as
given. The outbox builds it too, so development refuses what a mail server would be handed."""

from __future__ import annotations

import datetime as dt
import functools
import re
from email import policy
from email.errors import HeaderDefect, MessageError
from email.headerregistry import Address, BaseHeader, HeaderRegistry
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime, parseaddr

from clientele.communications.transports.base import Email, PermanentFailure, one_line

LINE_BREAKS = re.compile(r"[\r\n]+\s*")
OWN_HEADERS = ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
               "Content-Transfer-Encoding")


class _OneClassPerHeader(HeaderRegistry):
    """The stdlib's registry makes a new class, with type(), for every header it parses
    (slow, and garbage for the cycle collector); one class per header name does the same."""

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type[BaseHeader]] = {}

    def __getitem__(self, name: str) -> type[BaseHeader]:
        key = name.lower()
        found = self._classes.get(key)
        if found is None:
            found = self._classes[key] = super().__getitem__(name)
        return found


POLICY = policy.default.clone(header_factory=_OneClassPerHeader())
_MIME_VERSION = POLICY.header_factory("MIME-Version", "1.0")


@functools.lru_cache(maxsize=512)
def _from_header(display_name: str, address: str) -> object:
    """The From header, parsed once per business (headers are immutable: the email package
    takes a header object as it is, so every message of a business shares one)."""
    return POLICY.header_factory("From", Address(display_name=display_name, addr_spec=address))


@functools.lru_cache(maxsize=4)
def _date_header(second: int) -> object:
    """The Date header, parsed once per second."""
    stamp = dt.datetime.fromtimestamp(second, dt.UTC)
    return POLICY.header_factory("Date", format_datetime(stamp))


def sender(mail_from: str) -> tuple[str | None, str]:
    """MAIL_FROM (`"Praxis Muster" <noreply@example.com>` or the bare address) as its display
    name and address; ValueError if there is no usable address."""
    name, address = parseaddr(mail_from)
    try:
        Address(addr_spec=address)
    except (HeaderDefect, MessageError, ValueError, IndexError) as error:
        raise ValueError(f"MAIL_FROM is not an email address: {mail_from!r}") from error
    return (name or None), address


def recipient(address: str) -> Address:
    try:
        return Address(addr_spec=address.strip())
    except (HeaderDefect, MessageError, ValueError, IndexError) as error:
        raise PermanentFailure(
            f"The email address {one_line(address, 100)} is not an address mail can be sent to.",
            f"invalid recipient {address!r}: {error}",
        ) from error


def build(email: Email, from_name: str | None, from_address: str,
          now: dt.datetime | None = None) -> EmailMessage:
    """The message; PermanentFailure if the address or a header cannot be written."""
    to = recipient(email.to)
    message = EmailMessage(policy=POLICY)
    try:
        message["From"] = _from_header(email.sender_name or from_name or "", from_address)
        message["To"] = to
        message["Subject"] = LINE_BREAKS.sub(" ", email.subject).strip()
        message["Date"] = _date_header(int((now or dt.datetime.now(dt.UTC)).timestamp()))
        message["Message-ID"] = email.message_id
        for name, value in email.headers.items():
            if name.title() in (own.title() for own in OWN_HEADERS):
                raise ValueError(f"header {name} is set by the transport")
            message[name] = value
        message["MIME-Version"] = _MIME_VERSION
        message.make_alternative()
        for body, subtype in ((email.text, "plain"), (email.html, "html")):
            part = MIMEPart(policy=POLICY)
            part.set_content(body, subtype=subtype, charset="utf-8")
            message.attach(part)  # type: ignore[arg-type]  # typeshed: Self; any part works
    except (HeaderDefect, MessageError, ValueError) as error:
        raise PermanentFailure("The message could not be written as an email.",
                               f"building the MIME message failed: {error}") from error
    return message
