import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { customerPage, listCustomer } from "../test/fixtures";
import { mockClient } from "../test/mockClient";
import { renderPage } from "../test/render";
import { withSession } from "../test/session";
import { App } from "./App";

describe("the shell at phone width", () => {
  it("folds the navigation behind a Menu button that closes again on navigation", async () => {
    const api = mockClient({
      CustomerList: () => customerPage([listCustomer()]),
      UpcomingAppointments: () => ({
        upcomingAppointments: { __typename: "AppointmentConnection", totalCount: 0, pageInfo: { __typename: "PageInfo", hasNextPage: false }, edges: [] },
      }),
    });
    const { user, location } = renderPage(<App />, { client: api.client, path: "/customers", wrap: withSession(["READ_CUSTOMERS"]) });
    const menu = screen.getByRole("button", { name: "Menu" });
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    expect(menu.getAttribute("aria-controls")).toBe(nav.id);
    expect(nav.className).not.toContain("app-header__nav--open");
    await user.click(menu);
    expect(menu.getAttribute("aria-expanded")).toBe("true");
    expect(nav.className).toContain("app-header__nav--open");
    await user.click(screen.getByRole("link", { name: "Today" }));
    await waitFor(() => expect(location.current).toBe("/today"));
    expect(menu.getAttribute("aria-expanded")).toBe("false");
  });

  it("links the Possible duplicates page for readers of customers only", async () => {
    const answers = {
      CustomerList: () => customerPage([listCustomer()]),
      UpcomingAppointments: () => ({
        upcomingAppointments: { __typename: "AppointmentConnection", totalCount: 0, pageInfo: { __typename: "PageInfo", hasNextPage: false }, edges: [] },
      }),
    };
    const reader = renderPage(<App />, { client: mockClient(answers).client, path: "/customers", wrap: withSession(["READ_CUSTOMERS"]) });
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Duplicates" }).getAttribute("href")).toBe("/duplicates");
    reader.unmount();
    renderPage(<App />, { client: mockClient(answers).client, path: "/api-tokens", wrap: withSession([]) });
    expect(within(screen.getByRole("navigation", { name: "Main" })).queryByRole("link", { name: "Duplicates" })).toBeNull();
  });
});
