import { describe, expect, it } from "vitest";
import { run } from "../components/calendarFixtures";
import { outsideSentence, runSummary } from "./runText";

describe("runText", () => {
  it("counts every figure, the ignored events too", () => {
    expect(runSummary(run({ eventsSeen: 1, customersCreated: 1, eventsIgnored: 4 }))).toBe(
      "1 event seen · 3 created · 1 updated · 0 cancelled · 1 new customer · 1 matched · 4 ignored",
    );
  });

  it("says what a run left outside its dates, or nothing", () => {
    expect(outsideSentence(run())).toBeNull();
    expect(outsideSentence(run({ eventsOutside: 12, windowStart: "2026-09-01T10:00:00+00:00", windowEnd: "2027-11-30T10:00:00+00:00" }))).toBe(
      "12 events lie outside the synced dates (1 Sept 2026 – 30 Nov 2027) and were not synced.",
    );
    expect(outsideSentence(run({ eventsOutside: 1, windowStart: "2026-09-01T10:00:00+00:00", windowEnd: null }))).toBe(
      "1 event lies outside the synced dates and was not synced.",
    );
    // Every date synced: only open repeats stop at the end.
    expect(outsideSentence(run({ eventsOutside: 2, windowStart: null, windowEnd: "2027-11-30T10:00:00+00:00" }))).toBe(
      "2 events lie after the synced dates (until 30 Nov 2027) and were not synced.",
    );
  });
});
