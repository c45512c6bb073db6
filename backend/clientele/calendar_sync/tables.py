from piccolo.columns import (
    UUID,
    Array,
    Boolean,
    ForeignKey,
    Integer,
    OnDelete,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from clientele.accounts.tables import Account


class CalendarSource(Table, tablename="calendar_source"):
    """An iCalendar feed (polled URL) or an uploaded .ics file of an account."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    name = Varchar(length=200, help_text="Shown to staff.")
    kind = Varchar(length=10, help_text="URL or UPLOAD.")
    url = Text(null=True, default=None, help_text="Feed URL (kind URL).")
    etag = Text(null=True, default=None, help_text="ETag of the last fetched feed.")
    last_modified = Text(null=True, default=None, help_text="Last-Modified of the last fetch.")
    poll_minutes = Integer(default=15, help_text="Polling interval.")
    window_past_days = Integer(default=90, help_text="Days back to sync.")
    window_future_days = Integer(default=365, help_text="Days ahead to sync.")
    own_domains = Array(base_column=Varchar(length=254), default=list,
                        help_text="The business's own email domains (never customers).")
    all_dates = Boolean(default=False,
                        help_text="Sync every date of the file (uploads), not the window.")
    cancel_missing = Boolean(default=True, help_text="The source lists every event: one "
                             "missing from it was removed (cancelled when no source has it).")
    seen_domains = Array(base_column=Varchar(length=254), default=list,
                         help_text="Organisers' business domains seen in the feed.")
    content_hash = Varchar(length=64, null=True, default=None,
                           help_text="sha256 of the feed and window last synced successfully.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")
    last_synced_at = Timestamptz(null=True, default=None, help_text="Last finished sync.")


class SyncRun(Table, tablename="sync_run"):
    """One synchronisation of a source, with what it did or why it failed."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    source = ForeignKey(CalendarSource, on_delete=OnDelete.cascade, null=False,
                        help_text="The source.")
    started_at = Timestamptz(help_text="Start.")
    finished_at = Timestamptz(null=True, default=None, help_text="End.")
    events_seen = Integer(default=0, help_text="Event instances in the window.")
    appointments_created = Integer(default=0, help_text="New appointments.")
    appointments_updated = Integer(default=0, help_text="Changed appointments.")
    appointments_cancelled = Integer(default=0, help_text="Cancelled or removed.")
    customers_created = Integer(default=0, help_text="New customers.")
    customers_matched = Integer(default=0, help_text="Existing customers matched.")
    events_outside = Integer(default=0, help_text="Events with no instance in the window.")
    events_ignored = Integer(default=0, help_text="Events left out by an ignore rule.")
    window_start = Timestamptz(null=True, default=None,
                               help_text="First moment synced (null: all the file's dates).")
    window_end = Timestamptz(null=True, default=None, help_text="End of the dates synced.")
    error = Text(null=True, default=None, help_text="Why the run failed.")
    error_detail = Text(null=True, default=None, help_text="The technical reason behind it.")
