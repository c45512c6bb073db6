import pytest

from clientele.core.email import InvalidEmail, normalise_email
from clientele.core.phone import InvalidPhone, normalise_phone


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("079 123 45 67", "CH", "+41791234567"),
        ("+41 (0)79 123 45 67", "CH", "+41791234567"),
        ("0041791234567", "CH", "+41791234567"),
        ("030 1234567", "DE", "+49301234567"),
        ("+1 (650) 253-0000", "CH", "+16502530000"),
    ],
)
def test_phones_become_e164(raw: str, region: str, expected: str) -> None:
    assert normalise_phone(raw, region) == expected


@pytest.mark.parametrize("raw", ["12", "hello", "+41 79", "079 123 45 67 89 01"])
def test_bad_phones_are_refused(raw: str) -> None:
    with pytest.raises(InvalidPhone):
        normalise_phone(raw, "CH")


def test_emails_are_lower_cased() -> None:
    assert normalise_email("  Anna.Muster@Example.COM ") == "anna.muster@example.com"


@pytest.mark.parametrize("raw", ["anna", "anna@", "@example.com", "anna@@example.com", "a b@c.ch"])
def test_bad_emails_are_refused(raw: str) -> None:
    with pytest.raises(InvalidEmail):
        normalise_email(raw)
