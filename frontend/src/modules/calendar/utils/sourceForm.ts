// The add/edit feed form's values, checked in the browser before the API checks them again.
import type { SimpleUserError } from "../../../shared/components/UserErrorList";

export interface SourceFormValues {
  name: string;
  url: string;
  pollMinutes: string;
  ownDomains: string;
}

export const EMPTY_SOURCE: SourceFormValues = { name: "", url: "", pollMinutes: "15", ownDomains: "" };

/** "example.com, @studio.ch" → ["example.com", "studio.ch"]. */
export function parseDomains(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((domain) => domain.trim().replace(/^@/, "").toLowerCase())
    .filter(Boolean);
}

/** Errors the form can tell without asking the server (empty name or URL, poll not a number). */
export function localErrors(values: SourceFormValues, { needsUrl }: { needsUrl: boolean }): SimpleUserError[] {
  const errors: SimpleUserError[] = [];
  if (!values.name.trim()) errors.push({ field: "name", message: "Enter a name.", code: "REQUIRED" });
  if (needsUrl && !values.url.trim()) errors.push({ field: "url", message: "Enter the feed's URL.", code: "REQUIRED" });
  if (needsUrl && !/^\d+$/.test(values.pollMinutes.trim())) {
    errors.push({ field: "pollMinutes", message: "Enter whole minutes (5 to 1440).", code: "INVALID" });
  }
  return errors;
}

export const SOURCE_FIELDS = ["name", "url", "pollMinutes", "ownDomains"];
