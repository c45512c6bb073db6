// The customer list's filters <-> the address's query string <-> the API's CustomerFilter.
// Everything lives in the URL, so a filtered list can be shared and survives a reload:
//   status=ALLOWED|BLOCKED  blocked=yes|no  upcoming=yes|no  source=CALENDAR|…
//   lastAfter=, lastBefore=, createdFrom=, createdTo= (YYYY-MM-DD)  archived=archived|all
//   cf.<key>=value (repeated for a dropdown's choices; yes|no for a checkbox)
//   cf.<key>.contains=text (a text field's value has the text in it)
//   cf.<key>.min= / cf.<key>.max= (number)  cf.<key>.from= / cf.<key>.to= (date)
import type {
  CommunicationStatus,
  CustomerFilter,
  CustomerSource,
  CustomFieldDefinitionFieldsFragment,
  CustomFieldFilter,
} from "../../../gql/graphql";

export type YesNo = "" | "yes" | "no";
export type ArchivedChoice = "active" | "archived" | "all";

export interface CustomFieldChoice {
  /** TEXT: [text] (the value is it); DROPDOWN: the chosen options; CHECKBOX: ["yes"] or ["no"]. */
  values: string[];
  /** TEXT: the value has this text in it. Both ignore case and accents (the API's equals, contains). */
  contains: string;
  min: string;
  max: string;
  from: string;
  to: string;
}

export interface ListFilters {
  status: "" | CommunicationStatus;
  blocked: YesNo;
  upcoming: YesNo;
  lastAfter: string;
  lastBefore: string;
  createdFrom: string;
  createdTo: string;
  source: "" | CustomerSource;
  archived: ArchivedChoice;
  custom: Record<string, CustomFieldChoice>;
}

export const NO_FILTERS: ListFilters = {
  status: "",
  blocked: "",
  upcoming: "",
  lastAfter: "",
  lastBefore: "",
  createdFrom: "",
  createdTo: "",
  source: "",
  archived: "active",
  custom: {},
};

export const EMPTY_CHOICE: CustomFieldChoice = { values: [], contains: "", min: "", max: "", from: "", to: "" };
const CHOICE_PARTS = ["contains", "min", "max", "from", "to"] as const;
type ChoicePart = (typeof CHOICE_PARTS)[number];

const STATUSES: CommunicationStatus[] = ["ALLOWED", "BLOCKED"];
export const SOURCES: { value: CustomerSource; label: string }[] = [
  { value: "CALENDAR", label: "Calendar event" },
  { value: "BOOKING", label: "Online booking" },
  { value: "IMPORT", label: "Import" },
  { value: "MANUAL", label: "Added by staff" },
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SIMPLE_KEYS = ["status", "blocked", "upcoming", "lastAfter", "lastBefore", "createdFrom", "createdTo", "source", "archived"];

const yesNo = (value: string | null): YesNo => (value === "yes" || value === "no" ? value : "");
const date = (value: string | null): string => (value && DATE.test(value) ? value : "");

function choiceIsEmpty(choice: CustomFieldChoice): boolean {
  return choice.values.every((value) => value === "") && CHOICE_PARTS.every((part) => !choice[part]);
}

export function filtersFromParams(params: URLSearchParams): ListFilters {
  const status = params.get("status");
  const source = params.get("source");
  const archived = params.get("archived");
  const custom: Record<string, CustomFieldChoice> = {};
  for (const [name, value] of params) {
    const match = /^cf\.([^.]+)(?:\.(contains|min|max|from|to))?$/.exec(name);
    if (!match || value === "") continue;
    const choice = (custom[match[1]] ??= { ...EMPTY_CHOICE, values: [] });
    if (match[2]) choice[match[2] as ChoicePart] = value;
    else choice.values.push(value);
  }
  return {
    status: STATUSES.includes(status as CommunicationStatus) ? (status as CommunicationStatus) : "",
    blocked: yesNo(params.get("blocked")),
    upcoming: yesNo(params.get("upcoming")),
    lastAfter: date(params.get("lastAfter")),
    lastBefore: date(params.get("lastBefore")),
    createdFrom: date(params.get("createdFrom")),
    createdTo: date(params.get("createdTo")),
    source: SOURCES.some((s) => s.value === source) ? (source as CustomerSource) : "",
    archived: archived === "archived" || archived === "all" ? archived : "active",
    custom,
  };
}

/** `params` with the filters written over (search, sort and other keys stay). */
export function paramsWithFilters(params: URLSearchParams, filters: ListFilters): URLSearchParams {
  const next = new URLSearchParams();
  for (const [name, value] of params) {
    if (!SIMPLE_KEYS.includes(name) && !name.startsWith("cf.")) next.append(name, value);
  }
  const set = (name: string, value: string) => value && next.set(name, value);
  set("status", filters.status);
  set("blocked", filters.blocked);
  set("upcoming", filters.upcoming);
  set("lastAfter", filters.lastAfter);
  set("lastBefore", filters.lastBefore);
  set("createdFrom", filters.createdFrom);
  set("createdTo", filters.createdTo);
  set("source", filters.source);
  if (filters.archived !== "active") next.set("archived", filters.archived);
  for (const [key, choice] of Object.entries(filters.custom)) {
    for (const value of choice.values) if (value !== "") next.append(`cf.${key}`, value);
    for (const part of CHOICE_PARTS) set(`cf.${key}.${part}`, choice[part]);
  }
  return next;
}

/** How many filters are set (the panel's toggle shows it). */
export function countFilters(filters: ListFilters): number {
  const simple = [
    filters.status,
    filters.blocked,
    filters.upcoming,
    filters.lastAfter,
    filters.lastBefore,
    filters.createdFrom,
    filters.createdTo,
    filters.source,
  ].filter(Boolean).length;
  const custom = Object.values(filters.custom).filter((choice) => !choiceIsEmpty(choice)).length;
  return simple + custom + (filters.archived !== "active" ? 1 : 0);
}

/** Local midnight of a calendar date, as the API's DateTime. */
export function startOfDay(value: string, addDays = 0): string {
  const [year, month, day] = value.split("-").map(Number);
  return new Date(year, month - 1, day + addDays).toISOString();
}

function customFilter(
  key: string,
  choice: CustomFieldChoice,
  definition: CustomFieldDefinitionFieldsFragment | undefined,
): CustomFieldFilter | null {
  if (choiceIsEmpty(choice)) return null;
  const filter: CustomFieldFilter = { key };
  const values = choice.values.filter((value) => value !== "");
  const number = (text: string) => Number(text.replace(",", "."));
  switch (definition?.type) {
    case "DROPDOWN":
      if (values.length) filter.in = values;
      break;
    case "CHECKBOX":
      if (values[0] === "yes" || values[0] === "no") filter.checked = values[0] === "yes";
      break;
    case "NUMBER":
      if (choice.min) filter.numberMin = number(choice.min);
      if (choice.max) filter.numberMax = number(choice.max);
      break;
    case "DATE":
      if (choice.from) filter.dateFrom = choice.from;
      if (choice.to) filter.dateTo = choice.to;
      break;
    default:
      // TEXT, or a key the account does not know (the API then explains: INVALID_FILTER).
      if (values.length === 1) filter.equals = values[0];
      else if (values.length > 1) filter.in = values;
      if (choice.contains) filter.contains = choice.contains;
      if (choice.min) filter.numberMin = number(choice.min);
      if (choice.max) filter.numberMax = number(choice.max);
      if (choice.from) filter.dateFrom = choice.from;
      if (choice.to) filter.dateTo = choice.to;
  }
  return Object.keys(filter).length > 1 ? filter : null;
}

/** The API's filter; "Created to" and "Last appointment before" include their day. */
export function filterInput(
  filters: ListFilters,
  definitions: readonly CustomFieldDefinitionFieldsFragment[] = [],
): CustomerFilter {
  const filter: CustomerFilter = {};
  if (filters.status) filter.communicationStatus = filters.status;
  if (filters.blocked) filter.blocked = filters.blocked === "yes";
  if (filters.upcoming) filter.hasUpcomingAppointment = filters.upcoming === "yes";
  if (filters.lastAfter) filter.lastAppointmentAfter = startOfDay(filters.lastAfter);
  if (filters.lastBefore) filter.lastAppointmentBefore = startOfDay(filters.lastBefore, 1);
  if (filters.createdFrom) filter.createdAfter = startOfDay(filters.createdFrom);
  if (filters.createdTo) filter.createdBefore = startOfDay(filters.createdTo, 1);
  if (filters.source) filter.source = filters.source;
  filter.archived = filters.archived === "all" ? null : filters.archived === "archived";
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const custom = Object.entries(filters.custom)
    .map(([key, choice]) => customFilter(key, choice, byKey.get(key)))
    .filter((entry): entry is CustomFieldFilter => entry !== null);
  if (custom.length) filter.customFields = custom;
  return filter;
}
