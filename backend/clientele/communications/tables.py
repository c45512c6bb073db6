from piccolo.columns import UUID, ForeignKey, Integer, OnDelete, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from clientele.accounts.tables import Account
from clientele.appointments.tables import Appointment
from clientele.customers.tables import Customer


class Communication(Table, tablename="communication"):
    """A message sent (or attempted) to a customer, usually about an appointment."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    appointment = ForeignKey(Appointment, on_delete=OnDelete.cascade, null=True, default=None,
                             help_text="The appointment the message is about.")
    customer = ForeignKey(Customer, on_delete=OnDelete.set_null, null=True, default=None,
                          help_text="The recipient customer (null once anonymised).")
    medium = Varchar(length=10, help_text="EMAIL or SMS.")
    recipient = Varchar(length=254, null=True, default=None, help_text="Address or number.")
    subject = Varchar(length=500, null=True, default=None, help_text="Subject (email).")
    body = Text(null=True, default=None, help_text="Full message body.")
    status = Varchar(length=10, default="PENDING", help_text="PENDING, SENT or FAILED.")
    error = Text(null=True, default=None, help_text="Delivery error, if failed.")
    attempts = Integer(default=0, help_text="Delivery attempts.")
    sent_at = Timestamptz(null=True, default=None, help_text="When delivered.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")
