"""Relay global IDs: base64 of "TypeName:uuid". Decoding never trusts its input."""

from __future__ import annotations

import base64
import binascii
import uuid


class InvalidGlobalId(ValueError):
    """The string is not a global ID of the expected type."""


def encode(type_name: str, pk: uuid.UUID | str) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode("ascii")


def decode(global_id: str) -> tuple[str, uuid.UUID]:
    """Return (type name, uuid) or raise InvalidGlobalId with a readable message."""
    if not isinstance(global_id, str) or not global_id or len(global_id) > 200:
        raise InvalidGlobalId("Malformed ID: expected a global ID string.")
    try:
        raw = base64.b64decode(global_id.encode("ascii"), validate=True).decode("utf-8")
        type_name, _, pk = raw.partition(":")
        return type_name, uuid.UUID(pk)
    except (binascii.Error, UnicodeError, ValueError) as exc:
        raise InvalidGlobalId(f"Malformed ID {global_id!r}: not a global ID.") from exc


def decode_as(global_id: str, type_name: str) -> uuid.UUID:
    found, pk = decode(global_id)
    if found != type_name:
        raise InvalidGlobalId(f"ID {global_id!r} is a {found} ID, expected a {type_name} ID.")
    return pk
