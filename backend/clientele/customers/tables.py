from piccolo.columns import (
    JSONB,
    UUID,
    Boolean,
    Date,
    ForeignKey,
    OnDelete,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from clientele.accounts.tables import Account
from clientele.customers.limits import MAX_LENGTH


class Customer(Table, tablename="customer"):
    """A person who books with the business. Email is unique per account when present;
    phones are E.164. Every way in (calendar, booking, import, manual) goes through identity."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False, index=True,
                         help_text="The account (tenant) the customer belongs to.")
    salutation = Varchar(length=MAX_LENGTH["salutation"], null=True, default=None,
                         help_text="Salutation such as Mr, Ms, Dr.")
    first_name = Varchar(length=MAX_LENGTH["first_name"], null=True, default=None,
                         help_text="Given name.")
    last_name = Varchar(length=MAX_LENGTH["last_name"], null=True, default=None,
                        help_text="Family name.")
    sort_name = Varchar(length=210, default="", help_text="lower(last first), for sorting.")
    email = Varchar(length=MAX_LENGTH["email"], null=True, default=None,
                    help_text="Normalised (lower-cased) email address.")
    mobile_phone = Varchar(length=20, null=True, default=None, index=True,
                           help_text="Mobile phone in E.164.")
    landline_phone = Varchar(length=20, null=True, default=None, index=True,
                             help_text="Landline phone in E.164.")
    date_of_birth = Date(null=True, default=None, help_text="Date of birth.")
    street = Varchar(length=MAX_LENGTH["street"], null=True, default=None, help_text="Street.")
    postcode = Varchar(length=MAX_LENGTH["postcode"], null=True, default=None,
                       help_text="Postcode.")
    city = Varchar(length=MAX_LENGTH["city"], null=True, default=None, help_text="City.")
    country = Varchar(length=2, null=True, default=None, help_text="ISO 3166-1 alpha-2 code.")
    company = Varchar(length=MAX_LENGTH["company"], null=True, default=None,
                      help_text="Company or organisation.")
    notes = Text(null=True, default=None, help_text="Internal notes, never shown to the customer.")
    custom = JSONB(default="{}", help_text="Custom field values keyed by definition key.")
    preferred_medium = Varchar(length=10, null=True, default=None,
                               help_text="Preferred medium: EMAIL or SMS.")
    preferred_language = Varchar(length=MAX_LENGTH["preferred_language"], null=True,
                                 default=None, help_text="Preferred language (BCP 47).")
    communication_status = Varchar(length=10, default="ALLOWED",
                                   help_text="ALLOWED or BLOCKED.")
    email_enabled = Boolean(default=True, help_text="Email notifications enabled.")
    sms_enabled = Boolean(default=True, help_text="SMS notifications enabled.")
    name_from_email = Boolean(default=False, help_text="The name was guessed from the email "
                              "address (no one wrote it); cleared when the name changes.")
    source = Varchar(length=10, default="MANUAL",
                     help_text="How the customer entered: CALENDAR, BOOKING, IMPORT, MANUAL.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")
    updated_at = Timestamptz(default=TimestamptzNow(), help_text="Last changed.")
    archived_at = Timestamptz(null=True, default=None, help_text="Archived (hidden by default).")


class CustomFieldDefinition(Table, tablename="custom_field_definition"):
    """An account's custom customer field (text, dropdown, date, checkbox, number)."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False, index=True,
                         help_text="Owning account.")
    key = Varchar(length=64, help_text="Stable key used in customer.custom.")
    label = Varchar(length=200, help_text="Label shown to staff.")
    field_type = Varchar(length=10, help_text="TEXT, DROPDOWN, DATE, CHECKBOX or NUMBER.")
    options = JSONB(default="[]", help_text="Allowed values of a DROPDOWN field.")
    required = Boolean(default=False, help_text="Must every customer have a value.")
    in_booking_form = Boolean(default=False, help_text="Asked in the booking form.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")
    archived_at = Timestamptz(null=True, default=None,
                              help_text="Archived definitions keep their stored values.")
