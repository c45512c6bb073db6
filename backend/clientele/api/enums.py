"""GraphQL enums built from the domain enums, each value with a description."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from clientele.accounts.audit import AuditAction
from clientele.accounts.errors import AccountErrorCode
from clientele.accounts.permissions import Permission
from clientele.appointments.enums import AppointmentStatus, AppointmentWhen
from clientele.appointments.errors import AppointmentErrorCode
from clientele.blocking.services import BlockErrorCode, BlockKind
from clientele.calendar_sync.errors import CalendarErrorCode
from clientele.communications.enums import DeliveryStatus
from clientele.customers.enums import (
    CommunicationStatus,
    ConflictPolicy,
    CustomerSource,
    CustomFieldType,
    Medium,
)
from clientele.customers.errors import CustomerErrorCode
from clientele.customers.imports.errors import ImportErrorCode
from clientele.customers.listing import CustomerOrderField, SortDirection


def api_enum(domain: type[Enum], name: str, description: str, values: dict[str, str]) -> Any:
    """A Strawberry enum with the domain enum's names and a description for every value."""
    missing = {m.name for m in domain} - values.keys()
    if missing:
        raise ValueError(f"{name}: values without description: {sorted(missing)}")
    members = {m.name: strawberry.enum_value(m.value, description=values[m.name])
               for m in domain}
    return strawberry.enum(Enum(name, members), description=description)  # type: ignore[call-overload]


def to_domain(value: Enum | None, domain: type[Enum]) -> Any:
    return None if value is None else domain[value.name]


def to_api(value: str | None, api: Any) -> Any:
    return None if value is None else api[value]


CommunicationStatusEnum = api_enum(
    CommunicationStatus, "CommunicationStatus",
    "Whether the business may send notifications to the customer.",
    {"ALLOWED": "Notifications may be sent (green chip).",
     "BLOCKED": "Communications are disabled for this customer (red chip)."},
)
MediumEnum = api_enum(
    Medium, "Medium", "A channel a message is sent over.",
    {"EMAIL": "Email.", "SMS": "SMS text message."},
)
CustomerSourceEnum = api_enum(
    CustomerSource, "CustomerSource", "How a customer entered the database.",
    {"CALENDAR": "Created from a calendar event.", "BOOKING": "Created by an online booking.",
     "IMPORT": "Imported from a CSV or Excel file.", "MANUAL": "Added by staff."},
)
CustomFieldTypeEnum = api_enum(
    CustomFieldType, "CustomFieldType", "The type of a custom field.",
    {"TEXT": "Free text (at most 1000 characters).",
     "DROPDOWN": "One of the definition's options.",
     "DATE": "A calendar date, YYYY-MM-DD.", "CHECKBOX": "true or false.",
     "NUMBER": "A finite number."},
)
AppointmentStatusEnum = api_enum(
    AppointmentStatus, "AppointmentStatus", "The state of an appointment.",
    {"REQUESTED": "Asked for online; waiting for staff to confirm or decline.",
     "SCHEDULED": "Booked and not cancelled.", "CANCELLED": "Cancelled (kept in history).",
     "COMPLETED": "Took place.", "NO_SHOW": "The customer did not attend."},
)
AppointmentWhenEnum = api_enum(
    AppointmentWhen, "AppointmentWhen", "Which appointments of a customer to list.",
    {"PAST": "Appointments that have ended.",
     "UPCOMING": "Appointments that have not ended yet (including ongoing ones).",
     "ALL": "All appointments."},
)
DeliveryStatusEnum = api_enum(
    DeliveryStatus, "DeliveryStatus", "Delivery outcome of a message.",
    {"PENDING": "Not delivered yet (due, or waiting for its next attempt).",
     "SENDING": "Being sent right now.",
     "SENT": "Accepted by the mail or SMS server.",
     "FAILED": "Delivery failed for good; see `error`.",
     "SKIPPED": "Not sent on purpose (communication blocked, channels off, the appointment "
                "cancelled or moved meanwhile); see `error` for why."},
)
CustomerErrorCodeEnum = api_enum(
    CustomerErrorCode, "CustomerErrorCode", "Why a customer mutation refused its input.",
    {"REQUIRED": "A required value is missing.", "INVALID": "The value is not acceptable.",
     "INVALID_EMAIL": "Not a syntactically valid email address.",
     "INVALID_PHONE": "Not a valid phone number for the account's region.",
     "TOO_LONG": "The value exceeds the field's maximum length.",
     "DUPLICATE": "Another customer already has this email or phone; see existingCustomerId.",
     "NOT_FOUND": "No customer with this ID in your account.",
     "UNKNOWN_CUSTOM_FIELD": "No custom field with this key is defined.",
     "ERASED": "These details belong to a person whose data was erased at their request: "
               "calendar sync and imports do not add them again.",
     "UPCOMING_APPOINTMENTS": "The customer has upcoming appointments; cancel them first or "
                              "erase with force: true."},
)
CustomerOrderFieldEnum = api_enum(
    CustomerOrderField, "CustomerOrderField", "What to sort customers by.",
    {"RELEVANCE": "Best search match first (the default with a search; without one, "
                   "the list is sorted by name). The direction does not apply.",
     "NAME": "Last name, then first name (case-insensitive).",
     "CREATED_AT": "When the customer was created.",
     "UPDATED_AT": "When the customer last changed.",
     "LAST_APPOINTMENT": "Start of the latest appointment that has begun and was not "
                         "cancelled; customers without one sort as the oldest.",
     "LAST_VISIT": "Start of the latest visit (an appointment that has begun and was neither "
                   "cancelled nor missed); customers without one sort as the oldest.",
     "NEXT_APPOINTMENT": "Start of the next appointment (not cancelled, not ended); "
                         "customers without one sort last (ascending)."},
)
SortDirectionEnum = api_enum(
    SortDirection, "SortDirection", "Sort direction.",
    {"ASC": "Ascending (A→Z, oldest first).", "DESC": "Descending (Z→A, newest first)."},
)

PermissionEnum = api_enum(
    Permission, "Permission", "What a role or API token allows.",
    {"READ_CUSTOMERS": "read:customers: see customers, appointments and messages.",
     "ADD_CUSTOMERS": "add:customers: create customers and staff bookings.",
     "EDIT_CUSTOMERS": "edit:customers: change customers, their communication status and "
                       "channel switches.",
     "DELETE_CUSTOMERS": "delete:customers: erase customers.",
     "EDIT_BLOCKED_CUSTOMERS": "edit:blocked-customers: block and unblock customers, manage "
                               "block rules, read blocked booking attempts.",
     "IMPORT_CUSTOMERS": "import:customers: import files.",
     "EXPORT_CUSTOMERS": "export:customers: export customer data.",
     "MANAGE_SETTINGS": "manage:settings: custom fields, calendars, account settings.",
     "MANAGE_USERS": "manage:users: staff users and roles."},
)
AuditActionEnum = api_enum(
    AuditAction, "AuditAction", "What happened to a customer.",
    {"CREATED": "The customer was created.", "UPDATED": "Fields changed.",
     "DELETED": "The customer was erased.", "BLOCKED": "Blocked from online booking.",
     "UNBLOCKED": "Block rules were removed.", "IMPORTED": "Created or updated by an import.",
     "MERGED": "Another record was merged into this one (changes: the merged customer's "
               "ID, the merge's ID, the fields that came from it, details that fit in no "
               "slot, what moved).",
     "UNMERGED": "A merge was undone (in both customers' histories).",
     "CONFLICT": "New details differed from stored ones and were not applied.",
     "APPOINTMENT": "Staff booked, moved, cancelled, confirmed or marked an appointment "
                    "(changes: the appointment's ID, then what changed).",
     "ERASED": "The customer's personal data was erased at their request (who and when "
               "only; every earlier entry keeps its fields, its values read \"erased\")."},
)
AccountErrorCodeEnum = api_enum(
    AccountErrorCode, "AccountErrorCode", "Why an account, user, role or token change failed.",
    {"REQUIRED": "A required value is missing.", "INVALID": "The value is not acceptable.",
     "INVALID_EMAIL": "Not a valid email address.", "TOO_SHORT": "The value is too short.",
     "DUPLICATE": "The name or email is taken.", "NOT_FOUND": "No such object in your account.",
     "INVALID_CREDENTIALS": "Wrong email or password.",
     "PERMISSION_NOT_HELD": "A token cannot hold permissions its user lacks.",
     "BUILTIN_ROLE": "Built-in roles cannot be changed or deleted.",
     "ROLE_IN_USE": "Users still have this role.",
     "LAST_ADMIN": "The account must keep an active user who can manage users.",
     "RATE_LIMITED": "Too many attempts; try again later."},
)
BlockKindEnum = api_enum(
    BlockKind, "BlockKind", "What a block rule matches.",
    {"EMAIL": "An email address.", "NAME": "A full name (case-insensitive).",
     "DOMAIN": "Every email address at a domain.", "IP": "An IP address or network (CIDR).",
     "PHONE": "A phone number (E.164)."},
)
BlockErrorCodeEnum = api_enum(
    BlockErrorCode, "BlockErrorCode", "Why a blocking change failed.",
    {"INVALID": "The value is not a valid email, domain, name, IP or phone.",
     "DUPLICATE": "This rule exists already.", "NOT_FOUND": "No such rule or customer.",
     "NOTHING_TO_BLOCK": "The customer has no email, phone or name."},
)
AppointmentErrorCodeEnum = api_enum(
    AppointmentErrorCode, "AppointmentErrorCode", "Why a booking or appointment change was "
                                                  "refused; nothing was written.",
    {"REQUIRED": "A required value is missing.", "INVALID": "The value is not acceptable.",
     "INVALID_EMAIL": "Not a valid email address.",
     "INVALID_PHONE": "Not a valid phone number.", "TOO_LONG": "A value is too long.",
     "NOT_FOUND": "Unknown business (accountSlug), customer or appointment.",
     "CALENDAR_OWNED": "A calendar owns this appointment's time and cancellation: change it "
                       "there.",
     "INVALID_STATE": "Not possible in the appointment's state (already cancelled, not begun "
                      "yet, …).",
     "BLOCKED": "The customer may not book online; the message is the business's own.",
     "RATE_LIMITED": "Too many bookings from this address; try again later."},
)

CalendarErrorCodeEnum = api_enum(
    CalendarErrorCode, "CalendarErrorCode", "Why a calendar change failed.",
    {"INVALID": "A value is not acceptable (see the message).",
     "NOT_FOUND": "No such calendar source or appointment in your account.",
     "SYNC_FAILED": "The sync ran and failed; the run's error says why."},
)

ConflictPolicyEnum = api_enum(
    ConflictPolicy, "ConflictPolicy",
    "What calendar events do when their details differ from a known customer's.",
    {"FILL_BLANKS": "Fill empty fields only; differing values are kept and recorded as a "
                    "CONFLICT in the customer's history (default).",
     "OVERWRITE": "Replace differing values; the history records from and to.",
     "IGNORE": "Change nothing; differing values are recorded as a CONFLICT."},
)

ImportErrorCodeEnum = api_enum(
    ImportErrorCode, "CustomerImportErrorCode", "Why an import step was refused.",
    {"INVALID": "A value is not acceptable (see the message).",
     "NOT_FOUND": "No such import job in your account.",
     "EMPTY_FILE": "The file is empty.",
     "FILE_TOO_LARGE": "The file is larger than an import may be.",
     "TOO_MANY_ROWS": "More data rows than an import may have.",
     "TOO_MANY_COLUMNS": "More columns than an import may have.",
     "CELL_TOO_LONG": "A cell is longer than a spreadsheet cell may be.",
     "NOT_A_SPREADSHEET": "Not a CSV, XLSX, XLS or ODS file (the message says what it is).",
     "PASSWORD_PROTECTED": "The workbook is encrypted; save it without a password.",
     "BAD_ENCODING": "The text cannot be decoded; save it as UTF-8.",
     "UNKNOWN_SHEET": "The workbook has no sheet of that name.",
     "NO_HEADER": "No header row was found among the first rows.",
     "UNKNOWN_COLUMN": "The mapping names a column the file does not have.",
     "UNKNOWN_TARGET": "The mapping names a field that does not exist or cannot be set.",
     "TARGET_TWICE": "Two columns go to a field that takes one.",
     "CONFLICTING_TARGETS": "A full name column beside a first or last name column.",
     "NOTHING_MAPPED": "No column says who a row is (name, email or phone).",
     "JOB_NOT_READY": "The job's analysis has not finished (or failed).",
     "JOB_FINISHED": "The job has moved past this step.",
     "NOT_UNDOABLE": "Only a finished import can be undone, once."},
)
