"""The webhooks' GraphQL enums."""

from __future__ import annotations

from clientele.api.enums import api_enum
from clientele.webhooks.enums import DeliveryStatus, WebhookErrorCode, WebhookEventType

WebhookEventTypeEnum = api_enum(
    WebhookEventType, "WebhookEventType",
    "An event a webhook endpoint can subscribe to; the payload's `type` is its value in "
    "lower case with a dot (CUSTOMER_CREATED: `customer.created`).",
    {"CUSTOMER_CREATED": "customer.created: a customer was added (by staff, a booking, a "
                         "calendar sync or an import).",
     "CUSTOMER_UPDATED": "customer.updated: a customer's details changed.",
     "CUSTOMER_DELETED": "customer.deleted: a customer was deleted.",
     "CUSTOMER_MERGED": "customer.merged: a duplicate (`data.mergedId`) was merged into "
                        "`data.id` and no longer exists.",
     "CUSTOMER_ERASED": "customer.erased: a customer's personal data was erased at their "
                        "request; forget everything you hold about `data.id`.",
     "APPOINTMENT_CREATED": "appointment.created: a booking or an appointment staff added.",
     "APPOINTMENT_CHANGED": "appointment.changed: rescheduled, completed, no-show, confirmed, "
                            "declined, or moved to another customer.",
     "APPOINTMENT_CANCELLED": "appointment.cancelled: cancelled by staff.",
     "APPOINTMENT_SYNCED": "appointment.synced: written by a calendar sync (new, changed or "
                           "cancelled in the calendar).",
     "IMPORT_FINISHED": "import.finished: an import job ended (succeeded, failed or was "
                        "cancelled), with its counts."},
)
WebhookDeliveryStatusEnum = api_enum(
    DeliveryStatus, "WebhookDeliveryStatus", "Where a webhook delivery stands.",
    {"PENDING": "Waiting for its first attempt or its next retry (`nextAttemptAt`).",
     "SENDING": "Being sent right now.",
     "DELIVERED": "The endpoint answered 2xx.",
     "FAILED": "Every attempt failed, or the endpoint was disabled; redeliver it by hand."},
)
WebhookErrorCodeEnum = api_enum(
    WebhookErrorCode, "WebhookErrorCode", "Why a webhook change failed.",
    {"INVALID": "The input is not usable (see the message).",
     "NOT_FOUND": "No such endpoint or delivery in this account.",
     "NOT_PUBLIC": "The URL leads to an address outside the public internet (allowed only "
                   "for networks the operator lists in FETCH_ALLOW_NETWORKS).",
     "TOO_MANY_ENDPOINTS": "The account has the most endpoints allowed.",
     "ENDPOINT_DISABLED": "The endpoint is disabled; enable it first.",
     "DELIVERY_IN_PROGRESS": "The delivery is being sent right now."},
)
