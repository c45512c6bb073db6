// Words for a message's kind, channel and delivery state, the same wherever messages are listed.
import type { DeliveryStatus, Medium, MessageKind } from "../../../gql/graphql";

export const MEDIUM_LABEL: Record<Medium, string> = { EMAIL: "Email", SMS: "SMS" };

export const DELIVERY_LABEL: Record<DeliveryStatus, string> = {
  PENDING: "Pending",
  SENDING: "Sending",
  SENT: "Sent",
  FAILED: "Failed",
  SKIPPED: "Skipped",
};

/** The status in a sentence, for the expanded details. */
export const DELIVERY_TEXT: Record<DeliveryStatus, string> = {
  PENDING: "Not delivered yet",
  SENDING: "Being sent right now",
  SENT: "Delivered (sent successfully)",
  FAILED: "Delivery failed",
  SKIPPED: "Not sent (skipped)",
};

export const KIND_LABEL: Record<MessageKind, string> = {
  CONFIRMATION: "Confirmation",
  REQUESTED: "Request received",
  REMINDER: "Reminder",
  MOVED: "Appointment moved",
  CANCELLED: "Cancellation",
  MANUAL: "Staff message",
};

/** Messages staff may send again (a new message; the old one stays). */
export const RESENDABLE: readonly DeliveryStatus[] = ["FAILED", "SKIPPED"];
