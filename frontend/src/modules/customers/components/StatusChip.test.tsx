import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BookingBlockedChip } from "../../blocking/components/BookingBlockedChip";
import { StatusChip } from "./StatusChip";

describe("StatusChip", () => {
  it("says Messages allowed or Messages off (status BLOCKED, or email and SMS both off), never like the booking chip", () => {
    render(
      <>
        <StatusChip status="ALLOWED" />
        <StatusChip status="BLOCKED" />
        <StatusChip status="ALLOWED" emailEnabled={false} smsEnabled={false} />
        <StatusChip status="ALLOWED" emailEnabled={false} smsEnabled />
        <BookingBlockedChip />
      </>,
    );
    const chips = Array.from(document.querySelectorAll(".chip"));
    expect(chips.map((chip) => chip.textContent)).toEqual([
      "✉Messages allowed",
      "✉Messages off",
      "✉Messages off",
      "✉Messages allowed",
      "⛔Online booking blocked",
    ]);
    expect(chips[0].className).toContain("chip--allowed");
    expect(chips[1].className).toContain("chip--messages");
    expect(chips[1].getAttribute("title")).toMatch(/BLOCKED/);
    expect(chips[2].getAttribute("title")).toBe("Email and SMS are both switched off");
    expect(chips[3].getAttribute("title")).toMatch(/email is switched off/);
    expect(chips[4].className).toContain("chip--booking");
    expect(chips[4].className).not.toContain("chip--messages");
    expect(screen.getByText("Online booking blocked")).toBeTruthy();
  });
});
