"""Staff users, roles, API tokens, the signed-in user and audit entries as GraphQL types."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON

from clientele.accounts.permissions import Permission, parse
from clientele.api.context import Info
from clientele.api.enums import (
    AuditActionEnum,
    ConflictPolicyEnum,
    PermissionEnum,
)
from clientele.calendar_sync.sources import domain_suggestions
from clientele.core import db, ids

RoleId = Annotated[strawberry.ID, strawberry.argument(description="The role's ID.")]


def permission_list(names: Any) -> list[Any]:
    return [PermissionEnum[p.name] for p in sorted(parse(list(names)), key=lambda p: p.value)]


def permission_set(values: list[Any]) -> frozenset[Permission]:
    return frozenset(Permission[v.name] for v in values)


@strawberry.type(description="A named set of permissions.")
class Role:
    id: strawberry.ID = strawberry.field(description="Global ID of the role.")
    name: str = strawberry.field(description="Role name.")
    permissions: list[PermissionEnum] = strawberry.field(description="What it allows.")
    builtin: bool = strawberry.field(description="Built-in roles cannot be changed.")

    @classmethod
    def from_row(cls, row: Any) -> Role:
        return cls(id=strawberry.ID(ids.encode("Role", row["id"])), name=row["name"],
                   permissions=permission_list(row["permissions"]), builtin=row["builtin"])


@strawberry.type(description="A member of staff who signs in to the SPA.")
class StaffUser:
    id: strawberry.ID = strawberry.field(description="Global ID of the user.")
    email: str = strawberry.field(description="Login email.")
    name: str = strawberry.field(description="Display name.")
    role: Role = strawberry.field(description="The user's role.")
    is_active: bool = strawberry.field(description="Deactivated users cannot sign in.")
    created_at: dt.datetime = strawberry.field(description="Created.")
    last_login_at: dt.datetime | None = strawberry.field(description="Last sign-in.")

    @classmethod
    def from_row(cls, row: Any, role: Any) -> StaffUser:
        return cls(id=strawberry.ID(ids.encode("StaffUser", row["id"])), email=row["email"],
                   name=row["name"], role=Role.from_row(role), is_active=row["is_active"],
                   created_at=row["created_at"], last_login_at=row["last_login_at"])

    @classmethod
    async def load_role(cls, account_id: Any, row: Any) -> StaffUser:
        """The user of `row` with its role read from the database."""
        from clientele.accounts import roles

        role = (await roles.get_many(account_id, [row["role"]]))[row["role"]]
        return cls.from_row(row, role)


@strawberry.type(description="A bearer token for an app or partner. The secret is shown once, "
                             "when created.")
class ApiToken:
    id: strawberry.ID = strawberry.field(description="Global ID of the token.")
    name: str = strawberry.field(description="What it is for.")
    prefix: str = strawberry.field(description="Its first characters, to recognise it.")
    permissions: list[PermissionEnum] = strawberry.field(
        description="Scopes; effective permissions never exceed the owner's current role.")
    created_at: dt.datetime = strawberry.field(description="Created.")
    last_used_at: dt.datetime | None = strawberry.field(description="Last used.")
    revoked_at: dt.datetime | None = strawberry.field(description="Revoked (no longer valid).")

    @classmethod
    def from_row(cls, row: Any) -> ApiToken:
        return cls(id=strawberry.ID(ids.encode("ApiToken", row["id"])), name=row["name"],
                   prefix=row["prefix"], permissions=permission_list(row["permissions"]),
                   created_at=row["created_at"], last_used_at=row["last_used_at"],
                   revoked_at=row["revoked_at"])


@strawberry.type(description="The business the caller works for.")
class AccountSettings:
    name: str = strawberry.field(description="Business name.")
    slug: str = strawberry.field(description="Public handle, used by the booking form.")
    default_phone_region: str = strawberry.field(
        description="Region for phone numbers without country code.")
    booking_blocked_message: str = strawberry.field(
        description="Shown to blocked customers who try to book online.")
    calendar_conflict_policy: ConflictPolicyEnum = strawberry.field(
        description="What calendar events do with details that differ from a known "
                    "customer's.")
    own_domains: list[str] = strawberry.field(
        description="The business's own email domains: people at them are staff, never "
                    "customers, in every calendar.")
    reminder_hours: list[int] = strawberry.field(
        description="Reminders are sent this many hours before an appointment's start (none, "
                    "one or two values; the default is one, 24 hours before).")
    time_zone: str = strawberry.field(
        description="The IANA time zone (Europe/Zurich) of the dates and times in messages.")
    archive_after_months: int | None = strawberry.field(
        default=None, description="Customers inactive this many months (created that long "
                                  "ago, no appointment since, none upcoming) are archived "
                                  "automatically; null: off.")
    erase_after_months: int | None = strawberry.field(
        default=None, description="Customers inactive this many months have their personal "
                                  "data erased automatically (blocked ones are skipped); "
                                  "null: off.")
    trusted_documents_only: bool = strawberry.field(
        default=False, description="Staff signed in with the browser (cookie sessions) may "
                                   "send only trusted documents (documentId), not document "
                                   "text; API tokens may still send text.")

    @strawberry.field(description="Business domains the calendars showed as organisers' "
                                  "that are not among ownDomains yet: proposals to add.")
    async def own_domain_suggestions(self, info: Info) -> list[str]:
        return await domain_suggestions(info.context.account.id, self.own_domains)


def settings_of(account: Any) -> AccountSettings:
    return AccountSettings(name=account.name, slug=account.slug,
                           default_phone_region=account.default_phone_region,
                           booking_blocked_message=account.booking_blocked_message,
                           calendar_conflict_policy=ConflictPolicyEnum[
                               account.calendar_conflict_policy],
                           own_domains=list(account.own_domains),
                           reminder_hours=list(account.reminder_hours),
                           time_zone=account.time_zone,
                           archive_after_months=account.archive_after_months,
                           erase_after_months=account.erase_after_months,
                           trusted_documents_only=account.trusted_documents_only)


@strawberry.type(description="Who is signed in (or which token is used), and what they may do.")
class Me:
    user_id: strawberry.ID | None = strawberry.field(description="The staff user's ID.")
    name: str = strawberry.field(description="Display name.")
    via: str = strawberry.field(description="session or token.")
    permissions: list[PermissionEnum] = strawberry.field(description="Effective permissions.")
    csrf_token: str | None = strawberry.field(
        description="For cookie sessions: send it as X-CSRF-Token on every POST.")
    account: AccountSettings = strawberry.field(description="The account.")


@strawberry.type(description="One field's change.")
class FieldChange:
    field: str = strawberry.field(description="The field (API spelling).")
    from_value: JSON | None = strawberry.field(name="from", description="Value before.")
    to_value: JSON | None = strawberry.field(name="to", description="Value after.")


@strawberry.type(description="An entry of a customer's history.")
class AuditEntry:
    id: strawberry.ID = strawberry.field(description="Global ID of the entry.")
    at: dt.datetime = strawberry.field(description="When.")
    actor_name: str = strawberry.field(
        description="Who or what acted: a staff member's name, 'online booking', …")
    action: AuditActionEnum = strawberry.field(description="What happened.")
    changes: list[FieldChange] = strawberry.field(description="Fields before and after.")

    @classmethod
    def from_row(cls, row: Any) -> AuditEntry:
        from clientele.api.errors import api_field

        changes = row["changes"]
        changes = db.json_value(changes)
        return cls(id=strawberry.ID(ids.encode("AuditEntry", row["id"])), at=row["created_at"],
                   actor_name=row["actor_label"], action=AuditActionEnum[row["action"]],
                   changes=[FieldChange(field=api_field(c["field"]) or "", from_value=c["from"],
                                        to_value=c["to"]) for c in changes])
