"""Email addresses: syntax-validated (no DNS) and normalised with email-validator."""

from __future__ import annotations

import functools
import re

from email_validator import EmailNotValidError, validate_email

# A plain ASCII address: dot-atom local part (email-validator's DOT_ATOM_TEXT, which it accepts
# as it is) and an ASCII domain. Only the domain then needs email-validator's (slow) checks,
# and domains repeat: they are validated once each (see `_domain`). Anything else, and any
# address whose domain fails, goes through validate_email whole, so results and messages are
# email-validator's either way (tests/core/test_normalise.py compares the two paths).
_ATEXT = r"[A-Za-z0-9_!#$%&'*+\-/=?^`{|}~]+"
_SIMPLE = re.compile(rf"({_ATEXT}(?:\.{_ATEXT})*)@([A-Za-z0-9.-]+)")
_MAX_LENGTH = 254  # email-validator's EMAIL_MAX_LENGTH


class InvalidEmail(ValueError):
    pass


def normalise_email(raw: str) -> str:
    """Return the normalised, lower-cased address or raise InvalidEmail."""
    text = raw.strip()
    simple = _SIMPLE.fullmatch(text)
    if simple is not None and len(text) <= _MAX_LENGTH:
        try:
            domain = _domain(simple[2])
        except InvalidEmail:
            pass  # the whole address again, for email-validator's own message
        else:
            address = f"{simple[1]}@{domain}"
            if len(address) <= _MAX_LENGTH:
                return address.lower()
    return _validated(text)


@functools.lru_cache(maxsize=4096)
def _domain(domain: str) -> str:
    """The normalised form of an ASCII domain, validated as email-validator does."""
    return _validated(f"a@{domain}").split("@", 1)[1]


def _validated(text: str) -> str:
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise InvalidEmail(str(exc)) from exc
    return result.normalized.lower()
