"""Email and SMS transports, chosen by URL (docs/messaging.md, "Transports").

    email_transport(SMTP_URL, MAIL_FROM, production=…)
        smtp://user:pass@host:587?starttls=1   STARTTLS (required: no upgrade, no send)
        smtps://user:pass@host:465             implicit TLS
        smtp://host:25                          plain, e.g. a local relay
        outbox://[?keep=1000]                   nothing leaves; the last messages in `.sent`
        (user and password percent-decoded; `?timeout=10` seconds, default 30)
    sms_transport(SMS_URL, SMS_FROM, production=…)
        https://:TOKEN@provider.example/v1/messages   (http:// too, for a local test server)
        outbox://[?keep=1000]

Unset, a channel is the outbox in development and, in production, a transport whose every
send fails with "Email is not set up: set SMTP_URL." (or the SMS sentence). A URL that cannot
be understood is a ValueError here, at start-up, whose message never repeats the password.
"""

from __future__ import annotations

import ssl
from urllib.parse import parse_qs, unquote, urlsplit, urlunsplit

from clientele.communications.transports.base import (
    Delivered,
    DeliveryError,
    Email,
    EmailTransport,
    PermanentFailure,
    Sms,
    SmsTransport,
    TemporaryFailure,
)
from clientele.communications.transports.segments import sms_parts

__all__ = [
    "Delivered",
    "DeliveryError",
    "Email",
    "EmailTransport",
    "PermanentFailure",
    "Sms",
    "SmsTransport",
    "TemporaryFailure",
    "email_transport",
    "sms_parts",
    "sms_transport",
]

TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off", "")


def _options(query: str, setting: str, known: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, values in parse_qs(query, keep_blank_values=True).items():
        if key not in known:
            raise ValueError(f"{setting} has an unknown option {key!r} "
                             f"(known: {', '.join(known)})")
        found[key] = values[-1]
    return found


def _seconds(options: dict[str, str], setting: str, default: float) -> float:
    if "timeout" not in options:
        return default
    try:
        value = float(options["timeout"])
    except ValueError:
        value = 0.0
    if not 0 < value <= 600:
        raise ValueError(f"{setting}: timeout must be a number of seconds between 0 and 600")
    return value


def _keep(options: dict[str, str], setting: str) -> int:
    from clientele.communications.transports.outbox import DEFAULT_KEEP

    try:
        keep = int(options.get("keep", DEFAULT_KEEP))
    except ValueError:
        keep = 0
    if keep < 1:
        raise ValueError(f"{setting}: keep must be a positive whole number")
    return keep


def email_transport(url: str | None, mail_from: str | None, *, production: bool,
                    concurrency: int = 8,
                    tls_context: ssl.SSLContext | None = None) -> EmailTransport:
    """The transport SMTP_URL names. `tls_context` replaces the system's trust (a private CA;
    the tests' self-signed server)."""
    from clientele.communications.transports.message import sender
    from clientele.communications.transports.outbox import EmailOutbox, NotSetUp
    from clientele.communications.transports.smtp import SmtpSettings, SmtpTransport

    if not url:
        if production:
            return NotSetUp("Email", "SMTP_URL")
        return EmailOutbox(*sender(mail_from or "noreply@localhost"))
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "outbox":
        options = _options(parts.query, "SMTP_URL", ("keep",))
        return EmailOutbox(*sender(mail_from or "noreply@localhost"),
                           keep=_keep(options, "SMTP_URL"))
    if scheme not in ("smtp", "smtps"):
        raise ValueError("SMTP_URL must start with smtp://, smtps:// or outbox://")
    options = _options(parts.query, "SMTP_URL", ("starttls", "timeout"))
    starttls = options.get("starttls", "0").lower()
    if starttls not in TRUE + FALSE:
        raise ValueError("SMTP_URL: starttls must be 1 or 0")
    implicit_tls, upgrade = scheme == "smtps", starttls in TRUE
    if implicit_tls and upgrade:
        raise ValueError("SMTP_URL: smtps:// is already encrypted; starttls=1 is for smtp://")
    try:
        port = parts.port
    except ValueError as error:
        raise ValueError("SMTP_URL has an invalid port") from error
    if not parts.hostname:
        raise ValueError("SMTP_URL has no host name")
    if not mail_from:
        if production:
            raise ValueError("MAIL_FROM must be set with SMTP_URL (the sender address)")
        mail_from = f"noreply@{parts.hostname}"
    settings = SmtpSettings(
        host=parts.hostname,
        port=port or (465 if implicit_tls else 587 if upgrade else 25),
        implicit_tls=implicit_tls,
        starttls=upgrade,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password is not None else None,
        timeout=_seconds(options, "SMTP_URL", 30.0),
    )
    from_name, from_address = sender(mail_from)
    return SmtpTransport(settings, from_name, from_address, concurrency=concurrency,
                         tls_context=tls_context)


def sms_transport(url: str | None, sms_from: str | None, *,
                  production: bool) -> SmsTransport:
    """The transport SMS_URL names."""
    from clientele.communications.transports.outbox import NotSetUp, SmsOutbox
    from clientele.communications.transports.sms import HttpSms

    if not url:
        return NotSetUp("SMS", "SMS_URL") if production else SmsOutbox()
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme == "outbox":
        return SmsOutbox(keep=_keep(_options(parts.query, "SMS_URL", ("keep",)), "SMS_URL"))
    if scheme not in ("https", "http"):
        raise ValueError("SMS_URL must start with https:// or outbox://")
    if not parts.hostname:
        raise ValueError("SMS_URL has no host name")
    try:
        parts.port  # noqa: B018 - validates it
    except ValueError as error:
        raise ValueError("SMS_URL has an invalid port") from error
    token = parts.password if parts.password is not None else parts.username
    host = parts.netloc.rpartition("@")[2]
    endpoint = urlunsplit((scheme, host, parts.path or "/", parts.query, ""))
    return HttpSms(endpoint, unquote(token) if token else None, sms_from)
