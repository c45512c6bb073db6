import { describe, expect, it } from "vitest";
import type { CustomFieldDefinitionFieldsFragment, CustomFieldType } from "../../../gql/graphql";
import { countFilters, filterInput, filtersFromParams, NO_FILTERS, paramsWithFilters, startOfDay } from "./filters";

const definition = (key: string, type: CustomFieldType, options: string[] = []): CustomFieldDefinitionFieldsFragment => ({
  id: `id-${key}`,
  key,
  label: key,
  type,
  options,
  required: false,
  inBookingForm: false,
  archived: false,
});

const definitions = [
  definition("level", "DROPDOWN", ["Gold", "Silver", "Bronze"]),
  definition("nickname", "TEXT"),
  definition("visits", "NUMBER"),
  definition("member_since", "DATE"),
  definition("vip", "CHECKBOX"),
];

describe("filters in the URL", () => {
  it("reads every filter from the query string and writes the same string back", () => {
    const query =
      "q=m%C3%BCller&status=BLOCKED&blocked=no&upcoming=yes&lastAfter=2026-01-01&lastBefore=2026-06-30" +
      "&createdFrom=2025-01-01&createdTo=2025-12-31&source=BOOKING&archived=all" +
      "&cf.level=Gold&cf.level=Silver&cf.nickname=Ann&cf.visits.min=2&cf.visits.max=10" +
      "&cf.member_since.from=2020-01-01&cf.vip=yes";
    const filters = filtersFromParams(new URLSearchParams(query));
    expect(filters).toMatchObject({
      status: "BLOCKED",
      blocked: "no",
      upcoming: "yes",
      lastAfter: "2026-01-01",
      lastBefore: "2026-06-30",
      createdFrom: "2025-01-01",
      createdTo: "2025-12-31",
      source: "BOOKING",
      archived: "all",
    });
    expect(filters.custom.level.values).toEqual(["Gold", "Silver"]);
    expect(filters.custom.visits).toMatchObject({ min: "2", max: "10" });
    expect(countFilters(filters)).toBe(14);
    // Search and other keys stay; the filters come back as they were.
    expect(paramsWithFilters(new URLSearchParams("q=m%C3%BCller"), filters).toString()).toBe(query);
  });

  it("ignores values it does not know and leaves defaults out of the address", () => {
    const filters = filtersFromParams(new URLSearchParams("status=MAYBE&blocked=1&lastAfter=yesterday&archived=x&cf.level="));
    expect(filters).toEqual(NO_FILTERS);
    expect(countFilters(filters)).toBe(0);
    expect(paramsWithFilters(new URLSearchParams("q=a&sort=name-desc&status=ALLOWED&cf.x=1"), NO_FILTERS).toString()).toBe(
      "q=a&sort=name-desc",
    );
  });
});

describe("filterInput", () => {
  it("maps each custom field by its type: dropdown in, text equals, number and date ranges, checkbox checked", () => {
    const filters = filtersFromParams(
      new URLSearchParams(
        "cf.level=Gold&cf.level=Silver&cf.nickname=Ann&cf.visits.min=2&cf.visits.max=10,5&cf.member_since.from=2020-01-01&cf.member_since.to=2020-12-31&cf.vip=no",
      ),
    );
    expect(filterInput(filters, definitions)).toEqual({
      archived: false,
      customFields: [
        { key: "level", in: ["Gold", "Silver"] },
        { key: "nickname", equals: "Ann" },
        { key: "visits", numberMin: 2, numberMax: 10.5 },
        { key: "member_since", dateFrom: "2020-01-01", dateTo: "2020-12-31" },
        { key: "vip", checked: false },
      ],
    });
  });

  it("sends an unknown key as it is, so the API can say what is wrong", () => {
    const filters = filtersFromParams(new URLSearchParams("cf.gone=x"));
    expect(filterInput(filters, definitions).customFields).toEqual([{ key: "gone", equals: "x" }]);
  });

  it("maps the fixed filters; the 'until' dates include their day", () => {
    const filters = filtersFromParams(
      new URLSearchParams("status=ALLOWED&blocked=yes&upcoming=no&lastAfter=2026-01-01&lastBefore=2026-01-31&createdTo=2025-12-31&source=MANUAL&archived=archived"),
    );
    expect(filterInput(filters)).toEqual({
      communicationStatus: "ALLOWED",
      blocked: true,
      hasUpcomingAppointment: false,
      lastAppointmentAfter: startOfDay("2026-01-01"),
      lastAppointmentBefore: startOfDay("2026-02-01"),
      createdBefore: startOfDay("2026-01-01"),
      source: "MANUAL",
      archived: true,
    });
    expect(filterInput({ ...NO_FILTERS, archived: "all" }).archived).toBeNull();
    expect(new Date(startOfDay("2026-03-29")).getDate()).toBe(29); // local midnight
  });
});

describe("text custom fields: is or contains", () => {
  it("keeps 'contains' in the address and sends it for a text field", () => {
    const query = "cf.nickname.contains=50%25_x";
    const filters = filtersFromParams(new URLSearchParams(query));
    expect(filters.custom.nickname).toMatchObject({ values: [], contains: "50%_x" });
    expect(countFilters(filters)).toBe(1);
    expect(paramsWithFilters(new URLSearchParams(), filters).toString()).toBe(query);
    expect(filterInput(filters, definitions).customFields).toEqual([{ key: "nickname", contains: "50%_x" }]);
  });

  it("sends 'is' as equals, and an empty 'contains' not at all", () => {
    const filters = filtersFromParams(new URLSearchParams("cf.nickname=Ann&cf.visits.contains="));
    expect(filterInput(filters, definitions).customFields).toEqual([{ key: "nickname", equals: "Ann" }]);
    expect(countFilters(filters)).toBe(1);
  });
});
