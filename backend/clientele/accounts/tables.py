from piccolo.columns import (
    JSONB,
    UUID,
    Array,
    Boolean,
    ForeignKey,
    OnDelete,
    Text,
    Timestamptz,
    Varchar,
)
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
    booking_blocked_message = Text(
        default="Online booking is not available for you. Please contact us by phone.",
        help_text="Shown to a blocked customer who tries to book online.")
    own_domains = Array(base_column=Varchar(length=254), default=list,
                        help_text="The business's own email domains: never customers.")
    calendar_conflict_policy = Varchar(
        length=12, default="FILL_BLANKS",
        help_text="When a calendar event's details differ from a known customer's: "
                  "FILL_BLANKS, OVERWRITE or IGNORE.")
    trusted_documents_only = Boolean(
        default=False, help_text="Staff sessions may send only trusted documents (documentId).")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="When the account was created.")


class Role(Table, tablename="role"):
    """A named set of permissions. Built-in roles (admin, manager, staff, read-only) exist in
    every account and cannot be changed; accounts add custom roles."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    name = Varchar(length=80, help_text="Role name, unique in the account.")
    permissions = Array(base_column=Varchar(length=40), default=list,
                        help_text="Permission names such as read:customers.")
    builtin = Boolean(default=False, help_text="A built-in role (read-only).")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")


class StaffUser(Table, tablename="staff_user"):
    """A person who works in the SPA. Emails are unique across accounts (they log in)."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    email = Varchar(length=254, unique=True, help_text="Login email (lower-cased).")
    name = Varchar(length=200, help_text="Display name.")
    password_hash = Varchar(length=200, help_text="argon2id hash.")
    role = ForeignKey(Role, on_delete=OnDelete.restrict, null=False, help_text="The role.")
    is_active = Boolean(default=True, help_text="Deactivated users cannot log in.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")
    last_login_at = Timestamptz(null=True, default=None, help_text="Last successful login.")


class Session(Table, tablename="staff_session"):
    """A browser session (HTTP-only cookie). Only a hash of the cookie value is stored."""

    id = UUID(primary_key=True, help_text="Primary key.")
    user = ForeignKey(StaffUser, on_delete=OnDelete.cascade, null=False, help_text="Owner.")
    token_hash = Varchar(length=64, unique=True, help_text="sha256 of the cookie value.")
    csrf_token = Varchar(length=64, help_text="Sent back in X-CSRF-Token on every write.")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")
    expires_at = Timestamptz(help_text="Expiry.")


class ApiToken(Table, tablename="api_token"):
    """A bearer token for apps and partners, scoped to a subset of its user's permissions.
    Shown once at creation; only its hash is stored."""

    id = UUID(primary_key=True, help_text="Primary key.")
    user = ForeignKey(StaffUser, on_delete=OnDelete.cascade, null=False, help_text="Owner.")
    name = Varchar(length=100, help_text="What the token is for.")
    token_hash = Varchar(length=64, unique=True, help_text="sha256 of the token.")
    prefix = Varchar(length=12, help_text="First characters, to recognise the token.")
    permissions = Array(base_column=Varchar(length=40), default=list,
                        help_text="Scopes (a subset of the user's permissions).")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="Created.")
    last_used_at = Timestamptz(null=True, default=None, help_text="Last used.")
    revoked_at = Timestamptz(null=True, default=None, help_text="Revoked.")


class AuditEvent(Table, tablename="audit_event"):
    """Who changed which customer field from what to what, and when (also imports, merges,
    blocks and deletions). customer_id has no foreign key: history outlives deletion."""

    id = UUID(primary_key=True, help_text="Primary key.")
    account = ForeignKey(Account, on_delete=OnDelete.cascade, null=False,
                         help_text="Owning account.")
    customer_id = UUID(null=True, default=None, index=True, help_text="The customer.")
    actor_user = UUID(null=True, default=None, help_text="The staff user, if a person.")
    actor_label = Varchar(length=200, help_text="Who or what acted (name, 'calendar sync').")
    action = Varchar(length=20, help_text="CREATED, UPDATED, DELETED, BLOCKED, …")
    changes = JSONB(default="[]", help_text="[{field, from, to}]")
    created_at = Timestamptz(default=TimestamptzNow(), help_text="When.")
