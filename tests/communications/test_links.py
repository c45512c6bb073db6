"""Signed preference links: a genuine token reads back, anything changed, foreign, malformed or
too old is refused. The clock is itsdangerous' own (`TimestampSigner.get_timestamp`), moved for
the token's making, never waited for."""

from __future__ import annotations

import datetime as dt
import re
import time
import uuid

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from clientele.communications import links


def _made_ago(monkeypatch: pytest.MonkeyPatch, ago: dt.timedelta, secret: bytes,
              account_id: uuid.UUID, customer_id: uuid.UUID) -> str:
    with monkeypatch.context() as patch:
        patch.setattr(TimestampSigner, "get_timestamp",
                      lambda self: int(time.time() - ago.total_seconds()))
        return links.make_token(secret, account_id, customer_id)


def _changed(token: str, at: int) -> str:
    """The token with one character replaced (inside a base64 run: every bit of it counts)."""
    other = "A" if token[at] != "A" else "B"
    return token[:at] + other + token[at + 1:]


def test_a_token_reads_back_as_its_account_and_customer() -> None:
    secret, account_id, customer_id = links.new_secret(), uuid.uuid4(), uuid.uuid4()
    token = links.make_token(secret, account_id, customer_id)
    assert links.read_token(secret, token) == (account_id, customer_id)
    assert links.account_of(token) == account_id
    # fits a URL path as it is, and an SMS without taking half of it
    assert re.fullmatch(r"[A-Za-z0-9_\-.]+", token)
    assert len(token) <= 100


def test_secrets_are_32_random_bytes() -> None:
    first, second = links.new_secret(), links.new_secret()
    assert len(first) == len(second) == 32
    assert first != second


def test_a_token_changed_by_one_character_is_refused() -> None:
    secret, account_id, customer_id = links.new_secret(), uuid.uuid4(), uuid.uuid4()
    token = links.make_token(secret, account_id, customer_id)
    payload, stamp, _signature = token.split(".")
    for at in (3, len(payload) // 2, len(payload) + 1 + len(stamp) + 5, len(token) - 8):
        tampered = _changed(token, at)
        assert tampered != token
        with pytest.raises(links.LinkInvalid):
            links.read_token(secret, tampered)


def test_a_token_of_another_account_is_refused() -> None:
    ours, theirs = links.new_secret(), links.new_secret()
    token = links.make_token(theirs, uuid.uuid4(), uuid.uuid4())
    with pytest.raises(links.LinkInvalid):
        links.read_token(ours, token)


def test_a_token_naming_another_account_is_refused_by_that_accounts_secret() -> None:
    """account_of reads without checking (only to find the secret): a token whose account part
    was swapped for a victim's is then checked with the victim's secret, and fails."""
    attacker, victim = links.new_secret(), links.new_secret()
    victim_account, customer = uuid.uuid4(), uuid.uuid4()
    own = links.make_token(attacker, uuid.uuid4(), customer)
    forged_payload = links.make_token(attacker, victim_account, customer).split(".")[0]
    forged = ".".join([forged_payload, *own.split(".")[1:]])
    assert links.account_of(forged) == victim_account
    with pytest.raises(links.LinkInvalid):
        links.read_token(victim, forged)


def test_a_signature_made_for_another_purpose_is_refused() -> None:
    secret, account_id, customer_id = links.new_secret(), uuid.uuid4(), uuid.uuid4()
    other = URLSafeTimedSerializer(secret, salt="password-reset").dumps(
        [str(account_id), str(customer_id)])
    with pytest.raises(links.LinkInvalid):
        links.read_token(secret, other)


@pytest.mark.parametrize("token", ["", "abc", "a.b.c", "x" * 501, "ÄÖÜ.ü.ß", "....",
                                   "e30.aw0Z0w.xyz"])
def test_malformed_tokens_are_refused(token: str) -> None:
    with pytest.raises(links.LinkInvalid):
        links.read_token(links.new_secret(), token)
    assert links.account_of(token) is None


def test_a_token_older_than_180_days_has_expired() -> None:
    secret, account_id, customer_id = links.new_secret(), uuid.uuid4(), uuid.uuid4()
    with pytest.MonkeyPatch.context() as monkeypatch:
        old = _made_ago(monkeypatch, dt.timedelta(days=181), secret, account_id, customer_id)
        recent = _made_ago(monkeypatch, dt.timedelta(days=179), secret, account_id,
                           customer_id)
    with pytest.raises(links.LinkExpired):
        links.read_token(secret, old)
    assert links.read_token(secret, recent) == (account_id, customer_id)
    # an expired token still names its account (to say "expired" rather than "invalid")
    assert links.account_of(old) == account_id


def test_max_age_is_the_callers(monkeypatch: pytest.MonkeyPatch) -> None:
    secret, account_id, customer_id = links.new_secret(), uuid.uuid4(), uuid.uuid4()
    token = _made_ago(monkeypatch, dt.timedelta(seconds=10), secret, account_id, customer_id)
    with pytest.raises(links.LinkExpired):
        links.read_token(secret, token, max_age=dt.timedelta(0))
    assert links.read_token(secret, token, max_age=dt.timedelta(minutes=1)) == (
        account_id, customer_id)


def test_an_expired_token_that_was_also_changed_is_invalid() -> None:
    secret = links.new_secret()
    with pytest.MonkeyPatch.context() as monkeypatch:
        old = _made_ago(monkeypatch, dt.timedelta(days=400), secret, uuid.uuid4(),
                        uuid.uuid4())
    with pytest.raises(links.LinkInvalid):
        links.read_token(secret, _changed(old, len(old) - 8))
