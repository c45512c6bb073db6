"""Maximum lengths of customer fields, enforced by the services and quoted in the API docs."""

MAX_LENGTH: dict[str, int] = {
    "salutation": 40,
    "first_name": 100,
    "last_name": 100,
    "email": 254,
    "mobile_phone": 40,
    "landline_phone": 40,
    "company": 200,
    "street": 200,
    "postcode": 20,
    "city": 100,
    "country": 2,
    "notes": 10_000,
    "preferred_language": 16,
}
