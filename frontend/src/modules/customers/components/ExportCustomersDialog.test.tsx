import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { customerPage, fieldDefinition, listCustomer, profileCustomer } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { CustomerListPage } from "./CustomerListPage";
import { CustomerProfilePage } from "./CustomerProfilePage";
import { customerDataUrl, customersExportUrl } from "./exportLinks";

const list = () => mockClient({ CustomerList: () => customerPage([listCustomer()]) });

function exportUrlParams(href: string) {
  const url = new URL(href, "http://localhost");
  return { path: url.pathname, params: Object.fromEntries(url.searchParams) };
}

describe("customersExportUrl", () => {
  it("carries the search (its mode only for full text) and the filter as JSON", () => {
    expect(customersExportUrl("csv", null)).toBe("/export/customers.csv");
    expect(customersExportUrl("xlsx", { search: "", mode: "IDENTITY", filter: null })).toBe("/export/customers.xlsx");
    expect(exportUrlParams(customersExportUrl("csv", { search: "müller", mode: "IDENTITY", filter: null })).params).toEqual({ search: "müller" });
    const full = exportUrlParams(customersExportUrl("csv", { search: "vip & co", mode: "FULL_TEXT", filter: { blocked: true, archived: false } }));
    expect(full.params).toEqual({ search: "vip & co", searchMode: "FULL_TEXT", filter: '{"blocked":true,"archived":false}' });
  });

  it("puts a customer's global ID into the data download's path", () => {
    expect(customerDataUrl("Q3VzdG9tZXI6MQ+/=")).toBe("/export/customers/Q3VzdG9tZXI6MQ%2B%2F%3D.json");
  });
});

describe("Export on the customer list", () => {
  it("links to the current search and filters by default; All customers drops them; Excel changes the file", async () => {
    const api = list();
    const { user } = renderPage(<CustomerListPage />, {
      client: api.client,
      path: "/customers?q=ben&mode=full&status=BLOCKED&blocked=yes",
      wrap: withSession(["READ_CUSTOMERS", "EXPORT_CUSTOMERS"]),
    });
    await screen.findByText("Anna Müller");
    await user.click(screen.getByRole("button", { name: "Export" }));
    const dialog = screen.getByRole("dialog", { name: "Export customers" });
    expect((within(dialog).getByLabelText("Current search and filters") as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByLabelText("CSV") as HTMLInputElement).checked).toBe(true);
    expect(dialog.textContent).toContain("The list now shows: search “ben” (full text), 2 filters.");

    const download = () => within(dialog).getByRole("link", { name: "Download" }).getAttribute("href")!;
    const current = exportUrlParams(download());
    expect(current.path).toBe("/export/customers.csv");
    expect(current.params.search).toBe("ben");
    expect(current.params.searchMode).toBe("FULL_TEXT");
    expect(JSON.parse(current.params.filter)).toEqual({ communicationStatus: "BLOCKED", blocked: true, archived: false });

    await user.click(within(dialog).getByLabelText("Excel (.xlsx)"));
    expect(exportUrlParams(download()).path).toBe("/export/customers.xlsx");
    expect(exportUrlParams(download()).params.search).toBe("ben");

    await user.click(within(dialog).getByLabelText("All customers"));
    expect(download()).toBe("/export/customers.xlsx");
    await user.click(within(dialog).getByRole("button", { name: "Done" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("types a custom field filter by its definition", async () => {
    const api = mockClient({
      CustomerList: () => customerPage([listCustomer()]),
      CustomFieldDefinitions: () => ({ customFieldDefinitions: [fieldDefinition({ key: "level", type: "DROPDOWN" })] }),
    });
    const { user } = renderPage(<CustomerListPage />, {
      client: api.client,
      path: "/customers?cf.level=Gold",
      wrap: withSession(["READ_CUSTOMERS", "EXPORT_CUSTOMERS"]),
    });
    await screen.findByText("Anna Müller");
    await user.click(screen.getByRole("button", { name: "Export" }));
    const dialog = screen.getByRole("dialog", { name: "Export customers" });
    const link = await within(dialog).findByRole("link", { name: "Download" });
    const { params } = exportUrlParams(link.getAttribute("href")!);
    expect(params.search).toBeUndefined();
    expect(JSON.parse(params.filter)).toEqual({ archived: false, customFields: [{ key: "level", in: ["Gold"] }] });
  });

  it("defaults to all customers when nothing narrows the list", async () => {
    const api = list();
    const { user } = renderPage(<CustomerListPage />, { client: api.client, path: "/customers", wrap: withSession(["READ_CUSTOMERS", "EXPORT_CUSTOMERS"]) });
    await screen.findByText("Anna Müller");
    await user.click(screen.getByRole("button", { name: "Export" }));
    const dialog = screen.getByRole("dialog", { name: "Export customers" });
    expect((within(dialog).getByLabelText("All customers") as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByRole("link", { name: "Download" }).getAttribute("href")).toBe("/export/customers.csv");
  });

  it("is not offered without export:customers", async () => {
    const api = list();
    renderPage(<CustomerListPage />, { client: api.client, path: "/customers", wrap: withSession(["READ_CUSTOMERS"]) });
    await screen.findByText("Anna Müller");
    expect(screen.queryByRole("button", { name: "Export" })).toBeNull();
  });
});

describe("Download data (JSON) on the profile", () => {
  it("links to the customer's data file with export:customers, and is hidden without it", async () => {
    const customer = profileCustomer();
    const render = (permissions: Parameters<typeof withSession>[0]) =>
      renderPage(<CustomerProfilePage />, {
        client: mockClient({ CustomerProfile: () => ({ customer }) }, { cache: true }).client,
        path: `/customers/${encodeURIComponent(customer.id)}`,
        pattern: "/customers/:id",
        wrap: withSession(permissions),
      });
    const view = render(["READ_CUSTOMERS", "EXPORT_CUSTOMERS"]);
    const link = await screen.findByRole("link", { name: "Download data (JSON)" });
    expect(link.getAttribute("href")).toBe(`/export/customers/${encodeURIComponent(customer.id)}.json`);
    view.unmount();

    render(["READ_CUSTOMERS"]);
    await screen.findByRole("heading", { level: 1, name: "Anna Müller" });
    await waitFor(() => expect(screen.queryByRole("link", { name: "Download data (JSON)" })).toBeNull());
  });
});
