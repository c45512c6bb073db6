"""The events a webhook endpoint can subscribe to, and a delivery's states."""

from __future__ import annotations

from enum import Enum


class WebhookEventType(str, Enum):
    CUSTOMER_CREATED = "customer.created"
    CUSTOMER_UPDATED = "customer.updated"
    CUSTOMER_DELETED = "customer.deleted"
    CUSTOMER_MERGED = "customer.merged"
    CUSTOMER_ERASED = "customer.erased"
    APPOINTMENT_CREATED = "appointment.created"
    APPOINTMENT_CHANGED = "appointment.changed"
    APPOINTMENT_CANCELLED = "appointment.cancelled"
    APPOINTMENT_SYNCED = "appointment.synced"
    IMPORT_FINISHED = "import.finished"


class DeliveryStatus(str, Enum):
    PENDING = "PENDING"  # waiting for its (next) attempt
    SENDING = "SENDING"  # claimed by a dispatcher (under a lease)
    DELIVERED = "DELIVERED"  # a 2xx answer
    FAILED = "FAILED"  # every attempt failed, or the endpoint was disabled


class WebhookErrorCode(str, Enum):
    INVALID = "INVALID"
    NOT_FOUND = "NOT_FOUND"
    NOT_PUBLIC = "NOT_PUBLIC"  # the URL leads to a private address (FETCH_ALLOW_NETWORKS)
    TOO_MANY_ENDPOINTS = "TOO_MANY_ENDPOINTS"
    ENDPOINT_DISABLED = "ENDPOINT_DISABLED"  # redelivery to a disabled endpoint
    DELIVERY_IN_PROGRESS = "DELIVERY_IN_PROGRESS"  # redelivery of one being sent right now
