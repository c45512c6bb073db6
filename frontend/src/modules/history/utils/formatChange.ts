// A history entry's values (JSON: text, numbers, booleans, dates, addresses, lists) as text.
import type { AuditAction } from "../../../gql/graphql";

export const ACTION_LABEL: Record<AuditAction, string> = {
  CREATED: "Created",
  UPDATED: "Updated",
  DELETED: "Deleted",
  BLOCKED: "Blocked",
  UNBLOCKED: "Unblocked",
  IMPORTED: "Imported",
  MERGED: "Merged",
  UNMERGED: "Unmerged",
  CONFLICT: "Conflict",
  APPOINTMENT: "Appointment",
  ERASED: "Erased",
};

/** "—" for nothing; Yes/No; lists joined; objects as "key: value" pairs without the nulls. */
export function formatJsonValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length ? value.map(formatJsonValue).join(", ") : "—";
  if (typeof value === "object") {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== null && inner !== undefined && inner !== "")
      .map(([key, inner]) => `${key}: ${formatJsonValue(inner)}`);
    return parts.length ? parts.join(", ") : "—";
  }
  return JSON.stringify(value);
}

/** "address.city" → "Address city", "mobilePhone" → "Mobile phone", "customFields.vip" → "Custom field vip". */
export function fieldLabel(field: string): string {
  const [head, ...rest] = field.split(".");
  const words = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  if (head === "customFields" && rest.length) return `Custom field ${rest.join(".")}`;
  const text = [head, ...rest].map(words).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
