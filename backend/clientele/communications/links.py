"""Signed, expiring links to a customer's preferences page (`/preferences/<token>`).

A token names the account and the customer, carries the time it was made and is signed with
the account's own secret (itsdangerous, salt "preferences"): a token changed by one character,
one signed with another account's secret, or one older than 180 days is refused. The account
is readable without the secret (`account_of`), only to find whose secret checks the signature.

The two ids travel as their 32 raw bytes rather than as JSON text: the token is about 80
characters instead of about 140, which matters in an SMS (a part holds 153)."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from typing import Any

from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer

SALT = "preferences"
MAX_AGE = dt.timedelta(days=180)
MAX_TOKEN_LENGTH = 500  # a real token is ~80 characters; anything far longer is not ours


class LinkInvalid(Exception):
    """The token is malformed, was changed, or is not signed by this account's secret."""


class LinkExpired(Exception):
    """The token was genuine, and is older than it may be."""


class _Ids:
    """itsdangerous payload serializer: (account id, customer id) as 32 bytes."""

    @staticmethod
    def dumps(obj: Any, /) -> bytes:
        if obj == {}:
            return b""  # itsdangerous calls dumps({}) once to learn that we give bytes
        account_id, customer_id = obj
        return uuid.UUID(str(account_id)).bytes + uuid.UUID(str(customer_id)).bytes

    @staticmethod
    def loads(payload: bytes, /) -> tuple[uuid.UUID, uuid.UUID]:
        if len(payload) != 32:
            raise ValueError("a preferences token holds two ids")
        return uuid.UUID(bytes=payload[:16]), uuid.UUID(bytes=payload[16:])


def _serializer(secret: bytes) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=SALT, serializer=_Ids)


def new_secret() -> bytes:
    """A new account's signing secret: 32 random bytes."""
    return secrets.token_bytes(32)


def make_token(secret: bytes, account_id: uuid.UUID, customer_id: uuid.UUID) -> str:
    """The signed token for this customer's preferences page, valid from now."""
    token = _serializer(secret).dumps((account_id, customer_id))
    return token.decode("ascii") if isinstance(token, bytes) else token


def account_of(token: str) -> uuid.UUID | None:
    """The account a token claims to belong to, NOT verified: only to look up the secret that
    `read_token` then checks it with. None for anything that is no token of ours."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        _, ids = _serializer(b"unverified").loads_unsafe(token)
    except (BadData, ValueError, TypeError):
        return None
    if not isinstance(ids, tuple):
        return None
    return ids[0]


def read_token(secret: bytes, token: str, max_age: dt.timedelta = MAX_AGE
               ) -> tuple[uuid.UUID, uuid.UUID]:
    """(account id, customer id) of a genuine token signed with `secret` and not older than
    `max_age`; LinkInvalid for a malformed, changed or foreign token, LinkExpired for an old
    one."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        raise LinkInvalid("This link is not valid.")
    try:
        account_id, customer_id = _serializer(secret).loads(
            token, max_age=int(max_age.total_seconds()))
    except SignatureExpired as exc:  # before BadData: it is one
        raise LinkExpired("This link has expired.") from exc
    except (BadData, ValueError, TypeError) as exc:
        raise LinkInvalid("This link is not valid.") from exc
    return account_id, customer_id
