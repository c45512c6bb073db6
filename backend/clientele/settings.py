"""Every setting comes from the environment, with a default that is safe on a laptop."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def _networks(name: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Comma-separated CIDR networks (`10.0.0.0/8, 192.168.1.5`); a wrong one stops the start
    with its name rather than being skipped."""
    networks = []
    for part in _env(name, "").split(","):
        if part.strip():
            try:
                networks.append(ipaddress.ip_network(part.strip(), strict=False))
            except ValueError as exc:
                raise ValueError(f"{name}: {part.strip()!r} is not a network ({exc})") from None
    return tuple(networks)


def _refresh_seconds(seconds: float) -> float | None:
    """0 (or less): off; otherwise at least a second."""
    return None if seconds <= 0 else max(1.0, seconds)


def _positive_or_none(name: str) -> float | None:
    """A positive number, or None when unset; anything else stops the start with its name."""
    value = _env(name, "")
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0 or number == float("inf"):
        raise ValueError(f"{name}: {value!r} is not a positive number")
    return number


@dataclass(frozen=True)
class Settings:
    database_url: str | None = None
    """PostgreSQL URL. Unset: an embedded PostgreSQL under `data_dir` is started."""
    broadcast_url: str = "memory://"
    host: str = "127.0.0.1"
    port: int = 8000
    default_phone_region: str = "CH"
    app_env: str = "development"
    data_dir: Path = field(default_factory=lambda: PROJECT_ROOT / ".data")
    frontend_dist: Path = field(default_factory=lambda: PROJECT_ROOT / "frontend" / "dist")
    seed_demo_data: bool = True
    max_body_bytes: int = 2_000_000
    max_upload_bytes: int = 257 * 1024 * 1024  # an import file (256 MB) and its envelope
    access_log: bool = True
    workers: int = 1
    token_rate_per_minute: int = 1200
    booking_rate_per_minute: int = 10
    login_rate_per_minute: int = 10
    login_failures_before_delay: int = 5
    login_max_delay_seconds: int = 900
    trusted_proxies: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    """Reverse proxies whose X-Forwarded-For names the client; empty: the peer is the client."""
    calendar_polling: bool = True
    live_recheck_seconds: float = 30.0
    """How often open WebSockets/SSE streams are re-checked against the database (revocations
    arrive as events at once; this catches those no event announced). 0: never."""
    hsts_seconds: int = 0
    """Strict-Transport-Security max-age; 0 (off) unless the app is only reached over TLS."""
    fetch_allow_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    """Non-public networks that outbound fetches (calendar URLs) may reach anyway."""
    password_hash_threads: int = 2
    calendar_parse_processes: int = 1
    public_url: str = "http://127.0.0.1:8000"
    """The address customers reach the app at (links in messages: the preferences page)."""
    smtp_url: str | None = None
    """smtp://user:pass@host:587?starttls=1, smtps://…, or outbox:// (development default)."""
    mail_from: str | None = None
    """The sender address of emails (the account's name is the display name)."""
    sms_url: str | None = None
    """https://:TOKEN@provider/path (JSON {from, to, text}) or outbox:// (development)."""
    sms_from: str | None = None
    messages: bool = True
    """Send due messages from this instance (every instance may; each message goes once)."""
    message_concurrency: int = 8
    webhooks: bool = True
    """Send due webhook deliveries from this instance (every instance may; each attempt goes
    once)."""
    webhook_concurrency: int = 8
    duplicates_refresh_seconds: float | None = 300.0
    """How often duplicate candidates are recomputed for accounts whose customers changed;
    None (DUPLICATES_REFRESH_SECONDS=0): no refresher in this process (another instance runs
    it, or the suite's shared server, whose tests check that nothing is written)."""
    message_lease_seconds: float = 120.0
    graphiql: bool | None = None
    """GraphiQL at GET /graphql (text/html); None: on in development, off in production."""
    trusted_documents: tuple[Path, ...] = ()
    """Manifests of trusted documents ({"sha256:<hex>": text}) besides the SPA's (which the
    build writes to frontend_dist/trusted-documents.json): the mobile apps'."""
    trusted_documents_only: bool = False
    """Refuse document text from cookie sessions and anonymous callers: documentId only."""
    metrics_token: str | None = None
    """Bearer token a Prometheus scraper sends to GET /metrics (api/metrics_endpoint.py)."""
    metrics_allow_networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()
    """Without a token: networks whose direct requests may read /metrics (development: and
    loopback)."""
    search_memory_mb: float | None = None
    """Memory for search indexes per process (least recently searched accounts evicted);
    unset: no limit (every account searched stays loaded)."""

    @property
    def production(self) -> bool:
        return self.app_env == "production"

    @property
    def graphiql_enabled(self) -> bool:
        return self.graphiql if self.graphiql is not None else not self.production

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            database_url=os.environ.get("DATABASE_URL") or None,
            broadcast_url=_env("BROADCAST_URL", "memory://"),
            host=_env("HOST", "127.0.0.1"),
            port=int(_env("PORT", "8000")),
            default_phone_region=_env("DEFAULT_PHONE_REGION", "CH").upper(),
            app_env=_env("APP_ENV", "development").lower(),
            data_dir=Path(_env("CLIENTELE_DATA_DIR", str(PROJECT_ROOT / ".data"))),
            frontend_dist=Path(
                _env("CLIENTELE_FRONTEND_DIST", str(PROJECT_ROOT / "frontend" / "dist"))
            ),
            seed_demo_data=_env("CLIENTELE_SEED", "1") not in ("0", "false", "no"),
            max_body_bytes=int(_env("MAX_BODY_BYTES", "2000000")),
            max_upload_bytes=int(_env("MAX_UPLOAD_BYTES", str(257 * 1024 * 1024))),
            access_log=_env("ACCESS_LOG", "1") not in ("0", "false", "no"),
            workers=max(1, int(_env("WEB_CONCURRENCY", "1"))),
            token_rate_per_minute=int(_env("RATE_LIMIT_TOKEN_PER_MINUTE", "1200")),
            booking_rate_per_minute=int(_env("RATE_LIMIT_BOOKING_PER_MINUTE", "10")),
            login_rate_per_minute=int(_env("RATE_LIMIT_LOGIN_PER_MINUTE", "10")),
            login_failures_before_delay=int(_env("LOGIN_FAILURES_BEFORE_DELAY", "5")),
            login_max_delay_seconds=int(_env("LOGIN_MAX_DELAY_SECONDS", "900")),
            trusted_proxies=_networks("TRUSTED_PROXIES"),
            calendar_polling=_env("CALENDAR_POLLING", "1") not in ("0", "false", "no"),
            live_recheck_seconds=max(0.0, float(_env("LIVE_RECHECK_SECONDS", "30"))),
            hsts_seconds=max(0, int(_env("HSTS_SECONDS", "0"))),
            fetch_allow_networks=_networks("FETCH_ALLOW_NETWORKS"),
            password_hash_threads=max(1, int(_env("PASSWORD_HASH_THREADS", "2"))),
            calendar_parse_processes=max(1, int(_env("CALENDAR_PARSE_PROCESSES", "1"))),
            public_url=_env("PUBLIC_URL", f"http://{_env('HOST', '127.0.0.1')}:"
                                          f"{_env('PORT', '8000')}"),
            smtp_url=os.environ.get("SMTP_URL") or None,
            mail_from=os.environ.get("MAIL_FROM") or None,
            sms_url=os.environ.get("SMS_URL") or None,
            sms_from=os.environ.get("SMS_FROM") or None,
            messages=_env("MESSAGES", "1") not in ("0", "false", "no"),
            search_memory_mb=_positive_or_none("SEARCH_MEMORY_MB"),
            message_concurrency=max(1, int(_env("MESSAGE_CONCURRENCY", "8"))),
            webhooks=_env("WEBHOOKS", "1") not in ("0", "false", "no"),
            webhook_concurrency=max(1, int(_env("WEBHOOK_CONCURRENCY", "8"))),
            message_lease_seconds=max(1.0, float(_env("MESSAGE_LEASE_SECONDS", "120"))),
            metrics_token=os.environ.get("METRICS_TOKEN", "").strip() or None,
            metrics_allow_networks=_networks("METRICS_ALLOW_NETWORKS"),
            duplicates_refresh_seconds=_refresh_seconds(
                float(_env("DUPLICATES_REFRESH_SECONDS", "300"))),
            graphiql=(_env("GRAPHIQL", "") not in ("0", "false", "no")
                      if _env("GRAPHIQL", "") else None),
            trusted_documents=tuple(Path(part.strip()) for part in
                                    _env("TRUSTED_DOCUMENTS", "").split(",") if part.strip()),
            trusted_documents_only=_env("TRUSTED_DOCUMENTS_ONLY", "0")
            not in ("0", "false", "no"),
        )
