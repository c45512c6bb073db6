from piccolo.columns import UUID, ForeignKey, OnDelete, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from clientele.accounts.tables import Account


class BlockRule(Table, tablename="block_rule"):
    """Keeps matching people from booking online: by email, name, email domain, IP or phone.
    `value` is normalised (lower-cased email/domain/name, E.164 phone)."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    kind = Varchar(length=10, help_text="EMAIL, NAME, DOMAIN, IP or PHONE.")
    value = Varchar(length=254, help_text="The normalised value to match.")
    reason = Text(default="", help_text="Why (shown to staff only).")
    author_user = UUID(null=True, default=None, help_text="Who created it.")
    author_label = Varchar(length=200, default="", help_text="Their name at the time.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")


class BlockedBookingAttempt(Table, tablename="blocked_booking_attempt"):
    """An online booking refused because a block rule matched."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    rule = ForeignKey(BlockRule, on_delete=OnDelete.set_null, null=True, default=None,
                      help_text="The rule that matched.")
    email = Varchar(length=254, null=True, default=None, help_text="Email given.")
    name = Varchar(length=210, null=True, default=None, help_text="Name given.")
    phone = Varchar(length=40, null=True, default=None, help_text="Phone given.")
    ip = Varchar(length=45, null=True, default=None, help_text="Client IP address.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="When.")
