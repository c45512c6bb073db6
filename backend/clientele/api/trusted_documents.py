"""Trusted documents: first-party clients send `documentId` instead of the document's text.

The build extracts every operation the SPA sends (graphql-codegen's client preset,
`persistedDocuments`) into a manifest `{"sha256:<hex>": text}`, shipped with the build as
frontend_dist/trusted-documents.json; the mobile apps' manifests, same format, are named by the
TRUSTED_DOCUMENTS setting (comma-separated paths). Each key must be the SHA-256 of its text: a
manifest that disagrees is refused whole (logged), so an id always means the text it hashes.

A request (GET query string, JSON body, each item of a batch, a multipart `operations`, a
WebSocket `subscribe`/`start` payload) may carry `documentId` (`sha256:<hex>`, or the bare hex)
in place of `query`; the server puts the text in before Strawberry reads the request. Over a
WebSocket `query` may be "" beside the id (graphql-ws clients must send a string), and a
refusal is the protocol's `error` message for that operation, with the same code
(api/ws_handlers.py). Refusals, coded like every HTTP error here:
- an id no manifest has: 400 PERSISTED_QUERY_NOT_FOUND (400, not 404: a CDN must not keep a
  miss that the next deploy's manifest may turn into a hit);
- `documentId` and `query` both, or an id that is not a string: 400 BAD_REQUEST;
- document text from a cookie session or an anonymous caller (the SPA's pages) while
  TRUSTED_DOCUMENTS_ONLY=1, or from a cookie session of an account set to trusted documents
  only (accountSettingsUpdate): 403 TRUSTED_DOCUMENTS_ONLY. API tokens (partners) may still
  send text, within the usual limits.

Caching (GET): a trusted document whose root fields are all public reads (PUBLIC_ROOT_FIELDS)
asked for anonymously and answered without errors is `Cache-Control: public, max-age=60` (a CDN
may keep it for everyone); every other GET answer is `private, no-store`.

GraphQLApp (api/http.py) lists TrustedDocumentRequests before CheckedRequestBody, whose parse
steps it wraps.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from graphql import FieldNode, GraphQLError, OperationDefinitionNode, parse
from starlette.requests import Request
from strawberry.types.unset import UNSET

from clientele.api.input_guard import BAD_REQUEST, InputError

log = logging.getLogger(__name__)

MANIFEST = "trusted-documents.json"  # in the frontend build's output (frontend/vite.config.ts)
PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
TRUSTED_DOCUMENTS_ONLY = "TRUSTED_DOCUMENTS_ONLY"
DOCUMENT_ID = re.compile(r"(?:sha256:)?([0-9a-f]{64})")
MAX_MANIFEST_BYTES = 20_000_000
PUBLIC_ROOT_FIELDS = frozenset({"bookingFormFields", "__typename"})
PUBLIC_CACHE = "public, max-age=60"
PRIVATE_CACHE = "private, no-store"


def read_manifest(path: Path) -> dict[str, str]:
    """{hex: text} of one manifest; ValueError when it is not one or a key is not its text's
    SHA-256."""
    raw = path.read_bytes()
    if len(raw) > MAX_MANIFEST_BYTES:
        raise ValueError(f"{path}: over {MAX_MANIFEST_BYTES} bytes")
    data = orjson.loads(raw)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a JSON object of id → document text")
    documents = {}
    for key, text in data.items():
        match = DOCUMENT_ID.fullmatch(key)
        if match is None or not isinstance(text, str):
            raise ValueError(f"{path}: {key[:80]!r} is not sha256:<hex> → document text")
        if hashlib.sha256(text.encode()).hexdigest() != match[1]:
            raise ValueError(f"{path}: {key[:80]!r} is not the SHA-256 of its text")
        documents[match[1]] = text
    return documents


@functools.lru_cache(maxsize=16)
def _manifest(path: str, modified_ns: int) -> Mapping[str, str]:
    try:
        return read_manifest(Path(path))
    except (OSError, ValueError) as exc:  # orjson's JSONDecodeError is a ValueError
        log.error("trusted documents: %s is left out: %s", path, exc)
        return {}


def manifests(settings: Any) -> list[Mapping[str, str]]:
    """The SPA's manifest (when the build wrote one) and the TRUSTED_DOCUMENTS ones, re-read
    when a file changes (a new build while the server runs)."""
    found = []
    for path in (Path(settings.frontend_dist) / MANIFEST, *settings.trusted_documents):
        try:
            modified = path.stat().st_mtime_ns
        except OSError:
            if path.name != MANIFEST or path.parent != Path(settings.frontend_dist):
                log.error("trusted documents: %s is missing", path)
            continue
        found.append(_manifest(str(path), modified))
    return found


def document_text(settings: Any, document_id: str) -> str | None:
    match = DOCUMENT_ID.fullmatch(document_id)
    if match is None:
        return None
    for documents in manifests(settings):
        if (text := documents.get(match[1])) is not None:
            return text
    return None


def trusted_only(settings: Any, principal: Any) -> bool:
    """Whether this caller must send ids: cookie sessions and anonymous callers (first-party
    pages) when the server says so, and cookie sessions of an account that says so."""
    if principal is None or principal.via not in ("session", "anonymous"):
        return False
    if settings.trusted_documents_only:
        return True
    return principal.via == "session" and bool(
        getattr(principal.account, "trusted_documents_only", False))


@functools.lru_cache(maxsize=512)
def _root_fields(text: str, operation_name: str | None) -> frozenset[str] | None:
    """The root field names of the operation run, None when it is not a plain query."""
    try:
        document = parse(text)
    except GraphQLError:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [o for o in operations if operation_name is None
              or (o.name is not None and o.name.value == operation_name)]
    if len(chosen) != 1 or chosen[0].operation.value != "query":
        return None
    selections = chosen[0].selection_set.selections
    if not all(isinstance(s, FieldNode) for s in selections):
        return None
    return frozenset(s.name.value for s in selections if isinstance(s, FieldNode))


@dataclass
class _Seen:
    """What this request sent: read by the response's Cache-Control."""

    request: Request
    documents: list[tuple[str, str | None]] = field(default_factory=list)  # (text, operation)
    raw_text: bool = False


_seen: ContextVar[_Seen | None] = ContextVar("trusted_documents_seen", default=None)


def resolve_item(item: dict[str, Any], settings: Any, principal: Any, *,
                 empty_query: bool = False) -> tuple[dict[str, Any], str | None]:
    """One operation's request (`query` or `documentId`, …) with its id turned into text, and
    that text (None when the caller sent text). `empty_query`: `query: ""` beside an id counts
    as none (graphql-ws clients must send a string)."""
    document_id = item.get("documentId")
    query = item.get("query")
    if document_id is None:
        if query is not None and trusted_only(settings, principal):
            raise InputError(403, TRUSTED_DOCUMENTS_ONLY, "This server accepts only trusted "
                             "documents from this client: send `documentId` instead of "
                             "`query`.")
        return item, None
    if query is not None and not (empty_query and query == ""):
        raise InputError(400, BAD_REQUEST, "Send `documentId` or `query`, not both.")
    if not isinstance(document_id, str):
        raise InputError(400, BAD_REQUEST, "`documentId` must be a string (sha256:<hex>).")
    text = document_text(settings, document_id)
    if text is None:
        raise InputError(400, PERSISTED_QUERY_NOT_FOUND,
                         f"No trusted document has the id {document_id[:80]!r}.")
    resolved = {name: value for name, value in item.items() if name != "documentId"}
    resolved["query"] = text
    return resolved, text


def _resolve(item: Any, seen: _Seen) -> Any:
    if not isinstance(item, dict):
        return item  # input_guard refuses the shape
    resolved, text = resolve_item(item, seen.request.app.state.settings,
                                  getattr(seen.request.state, "principal", None))
    if text is not None:
        operation = item.get("operationName")
        seen.documents.append((text, operation if isinstance(operation, str) else None))
    elif item.get("query") is not None:
        seen.raw_text = True
    return resolved


def resolve(data: Any) -> Any:
    """A decoded request (one operation or a batch) with every documentId turned into text."""
    seen = _seen.get()
    if seen is None:
        return data
    if isinstance(data, list):
        return [_resolve(item, seen) for item in data]
    return _resolve(data, seen)


def cache_control(seen: _Seen, response_data: Any) -> str | None:
    if seen.request.method != "GET":
        return None
    principal = getattr(seen.request.state, "principal", None)
    public = (
        not seen.raw_text and len(seen.documents) == 1
        and principal is not None and principal.via == "anonymous"
        and isinstance(response_data, dict) and not response_data.get("errors")
        and (fields := _root_fields(*seen.documents[0])) is not None
        and fields <= PUBLIC_ROOT_FIELDS)
    return PUBLIC_CACHE if public else PRIVATE_CACHE


class TrustedDocumentRequests:
    """Mixin for GraphQLApp, listed before CheckedRequestBody (api/request_body.py)."""

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        token = _seen.set(_Seen(request) if isinstance(request, Request) else None)
        try:
            return await super().run(request, context, root_value)  # type: ignore[misc]
        finally:
            _seen.reset(token)

    def should_render_graphql_ide(self, request: Any) -> bool:
        """GET /graphql?documentId=… is a query, whatever the Accept header (a CDN's */*)."""
        return request.query_params.get("documentId") is None and \
            super().should_render_graphql_ide(request)  # type: ignore[misc]

    def parse_json(self, data: str | bytes) -> Any:
        return resolve(super().parse_json(data))  # type: ignore[misc]

    def parse_query_params(self, params: Any) -> dict[str, Any]:
        return resolve(super().parse_query_params(params))  # type: ignore[misc]

    async def parse_multipart(self, request: Any) -> Any:
        return resolve(await super().parse_multipart(request))  # type: ignore[misc]

    def create_response(self, response_data: Any, sub_response: Any) -> Any:
        response = super().create_response(response_data, sub_response)  # type: ignore[misc]
        seen = _seen.get()
        if seen is not None and (value := cache_control(seen, response_data)) is not None:
            response.headers["Cache-Control"] = value
            if value == PUBLIC_CACHE:
                response.headers["Vary"] = "Accept, Accept-Encoding"
        return response
