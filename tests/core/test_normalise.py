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


@pytest.mark.parametrize("raw", [
    "anna@example.com", " Anna.Muster+tag@Example.COM ", "x@localhost", "x@test", "x@a.b",
    "x@-bad.ch", "x@bad-.ch", "x@bad..ch", "x@.ch", "x@ch.", "x@123.456", "x@xn--bcher-kva.ch",
    "x@xn--zz.ch", "Postmaster@Example.org", "a.b@c-d.example", "a..b@c.ch", ".a@c.ch",
    "a.@c.ch", "x@" + "a" * 64 + ".ch", "x@" + "a" * 63 + ".ch", "a" * 70 + "@example.com",
    "x@" + ".".join(["a" * 60] * 4) + ".ch", "x@invalid", "x@example.onion", "x@sub.local",
    "o'brien@example.ie", "a/b=c?d^e`f{g|h}i~j@example.com", "x@1.2.3.4", "x@[1.2.3.4]",
    "Anna <anna@example.com>", '"a b"@example.com', "anna@exämple.ch", "ännä@example.ch",
])
def test_the_fast_path_gives_email_validators_result(raw: str) -> None:
    from clientele.core.email import _validated

    try:
        expected: str | Exception = _validated(raw.strip())
    except InvalidEmail as exc:
        expected = exc
    if isinstance(expected, Exception):
        with pytest.raises(InvalidEmail) as refused:
            normalise_email(raw)
        assert str(refused.value) == str(expected)
    else:
        assert normalise_email(raw) == expected
