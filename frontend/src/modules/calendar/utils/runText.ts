// A run's figures and what it left out, in words.
import type { SyncRunFieldsFragment } from "../../../gql/graphql";
import { LOCALE } from "../../../shared/format/dates";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "12 events seen · 3 created · … · 2 ignored". */
export function runSummary(run: SyncRunFieldsFragment): string {
  return [
    plural(run.eventsSeen, "event", "events") + " seen",
    `${run.appointmentsCreated} created`,
    `${run.appointmentsUpdated} updated`,
    `${run.appointmentsCancelled} cancelled`,
    `${plural(run.customersCreated, "new customer", "new customers")}`,
    `${run.customersMatched} matched`,
    `${run.eventsIgnored} ignored`,
  ].join(" · ");
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", year: "numeric" });

/** "1 Sept 2026" (en-GB, as every date of the app) in the browser's zone (a window's bounds are moments, not calendar dates). */
export const formatDay = (iso: string) => dayFormat.format(new Date(iso));

/**
 * "12 events lie outside the synced dates (1 Sept 2026 – 30 Nov 2027) and were not synced.", or
 * null when the run left nothing out. A run of every date only stops open repeats at its end.
 */
export function outsideSentence(run: Pick<SyncRunFieldsFragment, "eventsOutside" | "windowStart" | "windowEnd">): string | null {
  if (run.eventsOutside <= 0) return null;
  const events = run.eventsOutside === 1 ? "1 event lies" : `${run.eventsOutside} events lie`;
  const end = run.windowEnd ? formatDay(run.windowEnd) : null;
  if (run.windowStart === null) {
    return `${events} after the synced dates${end ? ` (until ${end})` : ""} and ${run.eventsOutside === 1 ? "was" : "were"} not synced.`;
  }
  const span = end ? ` (${formatDay(run.windowStart)} – ${end})` : "";
  return `${events} outside the synced dates${span} and ${run.eventsOutside === 1 ? "was" : "were"} not synced.`;
}
