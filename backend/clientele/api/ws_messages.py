"""The shape of the messages a client may send over a WebSocket, checked before they are used.

graphql-transport-ws (github.com/enisdenjo/graphql-ws, PROTOCOL.md): "Receiving a message of a
type or format which is not specified in this document will result in an immediate socket
closure with the event `4400: <error-message>`." Strawberry's handler indexes into whatever JSON
arrives, so an array, a scalar, `null`, an unhashable id or a payload that is not an object
raised in the handler and the socket dropped without a close code. These checks follow the
reference implementation's `validateMessage`: the message is an object with a string `type`;
`connection_init`, `ping` and `pong` have an optional object (or null) payload; `subscribe` has a
non-empty string `id` and a payload object whose `query` (or, for a trusted document,
`documentId`: api/trusted_documents.py) is a string and whose `variables`,
`operationName` and `extensions` are absent, null, or of their type; `complete` has a non-empty
string `id`. Anything else a client sends (including server-only types such as `next`) is
refused.

The legacy graphql-ws protocol (subscriptions-transport-ws) says nothing about malformed
messages; the same rule is applied to its message types (`start`, `stop`, …) so that hostile
input ends with 4400 there too, while unknown string types stay ignored, as they were.

Close reasons must fit a close frame (123 bytes): values echoed in them are shortened.
"""

from __future__ import annotations

from typing import Any

INVALID = 4400
MAX_REASON_BYTES = 123


def reason(text: str) -> str:
    """`text` cut to fit a WebSocket close frame (whole characters)."""
    data = text.encode()
    if len(data) <= MAX_REASON_BYTES:
        return text
    return data[:MAX_REASON_BYTES - 3].decode(errors="ignore") + "..."


def _optional(value: Any, kind: type) -> bool:
    return value is None or isinstance(value, kind)


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and value != ""


def _operation_problem(kind: str, payload: Any) -> str | None:
    if not isinstance(payload, dict):
        return f"'{kind}' payload must be an object"
    if not isinstance(payload.get("query"), str) \
            and not isinstance(payload.get("documentId"), str):
        return f"'{kind}' payload.query (or documentId) must be a string"
    for field, expected, name in (("variables", dict, "an object"),
                                  ("extensions", dict, "an object"),
                                  ("operationName", str, "a string")):
        if not _optional(payload.get(field), expected):
            return f"'{kind}' payload.{field} must be {name} or null"
    return None


def _envelope_problem(message: Any) -> str | None:
    if not isinstance(message, dict):
        return "Message must be a JSON object"
    if not isinstance(message.get("type"), str):
        return "Message must have a string 'type'"
    return None


def transport_ws_problem(message: Any) -> str | None:
    """Why `message` is not a valid graphql-transport-ws client message (None if it is)."""
    if problem := _envelope_problem(message):
        return problem
    kind = message["type"]
    if kind in ("connection_init", "ping", "pong"):
        if not _optional(message.get("payload"), dict):
            return f"'{kind}' payload must be an object or null"
    elif kind == "subscribe":
        if not _is_id(message.get("id")):
            return "'subscribe' id must be a non-empty string"
        return _operation_problem(kind, message.get("payload"))
    elif kind == "complete":
        if not _is_id(message.get("id")):
            return "'complete' id must be a non-empty string"
    else:
        return reason(f"Unknown message type: {kind}")
    return None


def graphql_ws_problem(message: Any) -> str | None:
    """Why `message` is not a valid legacy graphql-ws client message (None if it is, or if its
    type is unknown: the legacy protocol ignores those)."""
    if problem := _envelope_problem(message):
        return problem
    kind = message["type"]
    if kind == "connection_init":
        if not _optional(message.get("payload"), dict):
            return "'connection_init' payload must be an object or null"
    elif kind == "start":
        if not _is_id(message.get("id")):
            return "'start' id must be a non-empty string"
        return _operation_problem(kind, message.get("payload"))
    elif kind == "stop" and not _is_id(message.get("id")):
        return "'stop' id must be a non-empty string"
    return None
