from piccolo.columns import UUID, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table


class Account(Table, tablename="account"):
    """A business using Clientele (a tenant). Every other row belongs to exactly one account."""

    id = UUID(primary_key=True, help_text="Primary key.")
    name = Varchar(length=200, help_text="The business's name.")
    slug = Varchar(length=80, unique=True, help_text="Short unique handle of the account.")
    default_phone_region = Varchar(
        length=2,
        default="CH",
        help_text="ISO 3166 region used to read phone numbers written without a country code.",
    )
    default_language = Varchar(length=16, default="en", help_text="BCP 47 language tag.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="When the account was created.")
