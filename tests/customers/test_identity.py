"""The identity rules: normalisation, and matching by email first, then phone."""

from clientele.accounts.services import AccountInfo
from clientele.customers import identity, services
from tests.conftest import actor_of


async def test_match_prefers_email_over_phone(account: AccountInfo) -> None:
    by_email = await services.create(actor_of(account), {"first_name": "Eva",
                                                        "email": "eva@example.com"})
    by_phone = await services.create(actor_of(account), {"first_name": "Max",
                                                        "mobile_phone": "079 555 11 22"})
    found = await identity.match(account.id, "eva@example.com", ["+41795551122"])
    assert found is not None
    assert (found.customer_id, found.matched_on) == (by_email["id"], "email")

    found = await identity.match(account.id, "nobody@example.com", ["+41795551122"])
    assert found is not None
    assert (found.customer_id, found.matched_on, found.field) == (by_phone["id"], "phone",
                                                                 "mobile_phone")


async def test_match_finds_landline_and_ignores_other_accounts(
    account: AccountInfo, other_account: AccountInfo
) -> None:
    mine = await services.create(actor_of(account), {"last_name": "Fix",
                                                    "landline_phone": "044 200 00 01"})
    await services.create(actor_of(other_account), {"last_name": "Other",
                                                  "email": "shared@example.com"})
    found = await identity.match(account.id, None, ["+41442000001"])
    assert found is not None and found.customer_id == mine["id"]
    assert found.field == "landline_phone"
    assert await identity.match(account.id, "shared@example.com") is None


async def test_match_can_exclude_the_customer_itself(account: AccountInfo) -> None:
    row = await services.create(actor_of(account), {"first_name": "Self",
                                                  "email": "self@example.com"})
    assert await identity.match(account.id, "self@example.com", exclude=row["id"]) is None


async def test_normalisation_uses_the_accounts_region(account: AccountInfo,
                                                      other_account: AccountInfo) -> None:
    ch = await services.create(actor_of(account),
                               {"first_name": "A", "mobile_phone": "079 123 45 67"})
    de = await services.create(actor_of(other_account),
                               {"first_name": "B", "mobile_phone": "0791 234567"})
    assert ch["mobile_phone"] == "+41791234567"
    assert de["mobile_phone"] == "+49791234567"
