// The add/edit feed form's values, checked in the browser before the API checks them again.
import type { CalendarSourceFieldsFragment } from "../../../gql/graphql";
import type { SimpleUserError } from "../../../shared/components/UserErrorList";

export interface SourceFormValues {
  name: string;
  url: string;
  pollMinutes: string;
  ownDomains: string;
  /** Every date of the feed, or only the window around today. */
  allDates: boolean;
  pastDays: string;
  futureDays: string;
  /** The feed lists every event: one missing from it is cancelled. */
  cancelMissing: boolean;
}

export const MAX_WINDOW_DAYS = 3650;

export const EMPTY_SOURCE: SourceFormValues = {
  name: "",
  url: "",
  pollMinutes: "15",
  ownDomains: "",
  allDates: false,
  pastDays: "90",
  futureDays: "365",
  cancelMissing: true,
};

export function sourceValues(source: CalendarSourceFieldsFragment): SourceFormValues {
  return {
    name: source.name,
    url: source.url ?? "",
    pollMinutes: String(source.pollMinutes),
    ownDomains: source.ownDomains.join(", "),
    allDates: source.allDates,
    pastDays: String(source.windowPastDays),
    futureDays: String(source.windowFutureDays),
    cancelMissing: source.cancelMissing,
  };
}

/** "example.com, @studio.ch" → ["example.com", "studio.ch"]. */
export function parseDomains(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((domain) => domain.trim().replace(/^@/, "").toLowerCase())
    .filter(Boolean);
}

const wholeDays = (text: string) => /^\d+$/.test(text.trim()) && Number(text) <= MAX_WINDOW_DAYS;

/** Errors the form can tell without asking the server (empty name or URL, numbers that are none). */
export function localErrors(values: SourceFormValues, { needsUrl }: { needsUrl: boolean }): SimpleUserError[] {
  const errors: SimpleUserError[] = [];
  if (!values.name.trim()) errors.push({ field: "name", message: "Enter a name.", code: "REQUIRED" });
  if (needsUrl && !values.url.trim()) errors.push({ field: "url", message: "Enter the feed's URL.", code: "REQUIRED" });
  if (needsUrl && !/^\d+$/.test(values.pollMinutes.trim())) {
    errors.push({ field: "pollMinutes", message: "Enter whole minutes (5 to 1440).", code: "INVALID" });
  }
  const daysMessage = `Enter whole days (0 to ${MAX_WINDOW_DAYS}).`;
  if (!values.allDates && !wholeDays(values.pastDays)) errors.push({ field: "windowPastDays", message: daysMessage, code: "INVALID" });
  if (!wholeDays(values.futureDays)) errors.push({ field: "windowFutureDays", message: daysMessage, code: "INVALID" });
  return errors;
}

/** The window and removal settings as the API takes them (days back left out when unused and unreadable). */
export function syncChoices(values: SourceFormValues) {
  return {
    allDates: values.allDates,
    cancelMissing: values.cancelMissing,
    ...(wholeDays(values.pastDays) ? { windowPastDays: Number(values.pastDays) } : {}),
    windowFutureDays: Number(values.futureDays),
  };
}

export const SOURCE_FIELDS = ["name", "url", "pollMinutes", "ownDomains", "windowPastDays", "windowFutureDays"];
