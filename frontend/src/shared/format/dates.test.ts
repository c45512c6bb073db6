import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatSpan, formatWhenShort, isUpcoming } from "./dates";

describe("formatSpan", () => {
  it("shows start and end time on the same day", () => {
    expect(
      formatSpan({ startsAt: "2026-03-02T09:00:00Z", endsAt: "2026-03-02T09:45:00Z", allDay: false }, "UTC"),
    ).toBe("Mon, 2 Mar 2026, 09:00–09:45");
  });

  it("shows both dates when the appointment runs over midnight", () => {
    expect(
      formatSpan({ startsAt: "2026-03-02T22:00:00Z", endsAt: "2026-03-03T01:00:00Z", allDay: false }, "UTC"),
    ).toBe("Mon, 2 Mar 2026, 22:00 – Tue, 3 Mar 2026, 01:00");
  });

  it('shows "All Day" and no times for an all-day event (end is exclusive)', () => {
    expect(formatSpan({ startsAt: "2026-03-02T00:00:00Z", endsAt: "2026-03-03T00:00:00Z", allDay: true })).toBe(
      "All Day · Mon, 2 Mar 2026",
    );
    expect(formatSpan({ startsAt: "2026-03-02T00:00:00Z", endsAt: "2026-03-05T00:00:00Z", allDay: true })).toBe(
      "All Day · Mon, 2 Mar 2026 – Wed, 4 Mar 2026",
    );
  });

  it("keeps all-day dates in UTC whatever the viewer's zone", () => {
    expect(formatWhenShort({ startsAt: "2026-03-02T00:00:00Z", endsAt: "2026-03-03T00:00:00Z", allDay: true })).toBe(
      "Mon, 2 Mar 2026 (All Day)",
    );
  });
});

describe("formatCalendarDate", () => {
  it("formats a date without shifting it by the time zone", () => {
    expect(formatCalendarDate("1985-04-03")).toBe("3 Apr 1985");
  });

  it("passes through what it cannot read", () => {
    expect(formatCalendarDate("someday")).toBe("someday");
  });
});

describe("isUpcoming", () => {
  const now = new Date("2026-03-02T09:30:00Z");
  it("counts an ongoing appointment as upcoming, an ended one as past", () => {
    expect(isUpcoming({ endsAt: "2026-03-02T09:45:00Z" }, now)).toBe(true);
    expect(isUpcoming({ endsAt: "2026-03-02T09:30:00Z" }, now)).toBe(false);
  });
});
