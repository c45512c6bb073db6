from piccolo.columns import (
    UUID,
    Array,
    Boolean,
    ForeignKey,
    Integer,
    OnDelete,
    Timestamptz,
    Varchar,
)
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from clientele.accounts.tables import Account
from clientele.customers.tables import Customer


class Appointment(Table, tablename="appointment"):
    """A booking or calendar event. The customer is null until matched (or after anonymising).
    (account, event_uid, recurrence_id) identifies a synced calendar instance, whichever
    source carries it (calendar_source_id: the source whose copy it shows)."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    customer = ForeignKey(Customer, on_delete=OnDelete.set_null, null=True, default=None,
                          help_text="The customer, when known.")
    calendar_source_id = UUID(null=True, default=None, help_text="Calendar source, if synced.")
    event_uid = Varchar(length=500, null=True, default=None, help_text="iCalendar UID.")
    recurrence_id = Varchar(length=64, default="", help_text="Recurrence instance ('' if none).")
    source_stamp = Timestamptz(null=True, default=None,
                               help_text="LAST-MODIFIED (else DTSTAMP) of the copy shown.")
    title = Varchar(length=500, default="", help_text="Title of the appointment.")
    services = Array(base_column=Varchar(length=200), default=list,
                     help_text="Services booked.")
    starts_at = Timestamptz(help_text="Start (for all-day events: midnight UTC of the day).")
    ends_at = Timestamptz(help_text="End (exclusive).")
    all_day = Boolean(default=False, help_text="An all-day event.")
    location = Varchar(length=500, null=True, default=None, help_text="Location.")
    status = Varchar(length=10, default="SCHEDULED",
                     help_text="SCHEDULED, CANCELLED, COMPLETED or NO_SHOW.")
    sequence = Integer(default=0, help_text="iCalendar SEQUENCE of the synced event.")
    sync_hash = Varchar(length=64, null=True, default=None,
                        help_text="Digest of the synced content; unchanged events write nothing.")
    removed_from_source_at = Timestamptz(
        null=True, default=None,
        help_text="When the event disappeared from its calendar (kept, marked cancelled).")
    anonymised_at = Timestamptz(null=True, default=None,
                                help_text="Set when the customer was erased but history kept.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")
    updated_at = Timestamptz(default=TimestamptzNow(), help_text="Last changed.")
