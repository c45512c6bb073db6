"""Email addresses: syntax-validated (no DNS) and normalised with email-validator."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email


class InvalidEmail(ValueError):
    pass


def normalise_email(raw: str) -> str:
    """Return the normalised, lower-cased address or raise InvalidEmail."""
    try:
        result = validate_email(raw.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise InvalidEmail(str(exc)) from exc
    return result.normalized.lower()
