import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { customerPage, fieldDefinition, listCustomer } from "../../../test/fixtures";
import { graphqlErrors, mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { CustomerListPage, SEARCH_DEBOUNCE_MS } from "./CustomerListPage";

const anna = listCustomer({ displayName: "Anna Müller" });
const ben = listCustomer({
  displayName: "Ben Keller",
  email: null,
  mobilePhone: null,
  landlinePhone: "+41441234567",
  communicationStatus: "BLOCKED",
  nextAppointment: {
    __typename: "Appointment",
    id: "QXBwb2ludG1lbnQ6MQ==",
    startsAt: "2027-01-14T00:00:00+00:00",
    endsAt: "2027-01-15T00:00:00+00:00",
    allDay: true,
  },
});

describe("CustomerListPage", () => {
  it("shows name, email, phone, status chip, next appointment and the total", async () => {
    const api = mockClient({ CustomerList: () => customerPage([anna, ben], { totalCount: 2 }) });
    renderPage(<CustomerListPage />, { client: api.client, path: "/customers" });

    expect(screen.getByRole("status")).toHaveProperty("textContent", "Loading customers…");
    const list = await screen.findByRole("list", { name: "Customers" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole("link", { name: "Anna Müller" }).getAttribute("href")).toBe(
      `/customers/${encodeURIComponent(anna.id)}`,
    );
    expect(rows[0].textContent).toContain("anna@example.ch");
    // Phones as people write them (the API's display string), linked to the stored E.164 number.
    expect(within(rows[0]).getByRole("link", { name: "079 123 45 67" }).getAttribute("href")).toBe("tel:+41791234567");
    expect(within(rows[1]).getByText(/Messages off/).className).toContain("chip--messages");
    expect(rows[1].textContent).toContain("+41441234567");
    expect(rows[1].textContent).toContain("Thu, 14 Jan 2027 (All Day)");
    expect(screen.getByText("2 customers")).toBeTruthy();
  });

  it("searches as you type, once the typing pauses", async () => {
    const api = mockClient({
      CustomerList: (variables) =>
        variables.search === "ben" ? customerPage([ben]) : customerPage([anna, ben]),
    });
    const { user, location } = renderPage(<CustomerListPage />, { client: api.client, path: "/customers" });
    await screen.findByText("Anna Müller");

    await user.type(screen.getByRole("searchbox", { name: "Search customers" }), "ben");
    expect(api.callsOf("CustomerList")).toHaveLength(1); // not on every key stroke
    await waitFor(() => expect(screen.queryByText("Anna Müller")).toBeNull(), { timeout: SEARCH_DEBOUNCE_MS * 4 });
    expect(screen.getByText("Ben Keller")).toBeTruthy();
    const searches = api.callsOf("CustomerList").slice(1);
    expect(searches).toHaveLength(1);
    expect(searches[0].variables).toMatchObject({ search: "ben", searchMode: "IDENTITY", orderBy: null, after: null });
    expect(screen.getByText("1 customer matches “ben”")).toBeTruthy();
    await waitFor(() => expect(location.current).toBe("/customers?q=ben"));
  });

  it("keeps the previous rows, dimmed and marked busy, while a new search loads", async () => {
    let release: (value: unknown) => void = () => {};
    const api = mockClient({
      CustomerList: (variables) =>
        variables.search
          ? new Promise((resolve) => (release = () => resolve(customerPage([ben]))))
          : customerPage([anna, ben]),
    });
    const { user } = renderPage(<CustomerListPage />, { client: api.client, path: "/customers" });
    await screen.findByText("Anna Müller");
    await user.type(screen.getByRole("searchbox", { name: "Search customers" }), "ben");
    await waitFor(() => expect(api.callsOf("CustomerList")).toHaveLength(2));
    const list = screen.getByRole("list", { name: "Customers" });
    await waitFor(() => expect(list.getAttribute("aria-busy")).toBe("true"));
    expect(screen.getByText("Searching…")).toBeTruthy();
    expect(within(list).getByText("Anna Müller")).toBeTruthy();
    act(() => release(null));
    await waitFor(() => expect(screen.queryByText("Anna Müller")).toBeNull());
    expect(screen.getByRole("list", { name: "Customers" }).getAttribute("aria-busy")).toBeNull();
    expect(screen.getByText("1 customer matches “ben”")).toBeTruthy();
  });

  it("asks the API for the chosen sort order", async () => {
    const api = mockClient({ CustomerList: () => customerPage([anna]) });
    const { user } = renderPage(<CustomerListPage />, { client: api.client, path: "/customers" });
    await screen.findByText("Anna Müller");
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "Newest first");
    await waitFor(() => expect(api.callsOf("CustomerList")).toHaveLength(2));
    expect(api.callsOf("CustomerList")[1].variables).toMatchObject({
      orderBy: { field: "CREATED_AT", direction: "DESC" },
    });
  });

  it("loads the next page after the last cursor and keeps the first", async () => {
    const second = listCustomer({ displayName: "Zoe Zimmermann" });
    const api = mockClient(
      {
        CustomerList: (variables) =>
          variables.after ? customerPage([second], { totalCount: 3 }) : customerPage([anna, ben], { totalCount: 3, hasNextPage: true }),
      },
      { cache: true },
    );
    const { user } = renderPage(<CustomerListPage />, { client: api.client, path: "/customers" });
    await screen.findByText("Anna Müller");
    await user.click(screen.getByRole("button", { name: "Load more" }));
    await screen.findByText("Zoe Zimmermann");
    expect(screen.getByText("Anna Müller")).toBeTruthy();
    expect(api.callsOf("CustomerList")[1].variables).toMatchObject({ after: `cursor-${ben.id}`, first: 25 });
    expect(screen.getByText("All 3 shown.")).toBeTruthy();
  });

  it("says so when nothing matches, and when the list cannot be loaded", async () => {
    const empty = mockClient({ CustomerList: () => customerPage([]) });
    const first = renderPage(<CustomerListPage />, { client: empty.client, path: "/customers?q=zzz" });
    expect(await screen.findByText("No customer matches “zzz”.")).toBeTruthy();
    first.unmount();

    let fail = true;
    const broken = mockClient({
      CustomerList: () => (fail ? new Error("Failed to fetch") : customerPage([anna])),
    });
    const { user } = renderPage(<CustomerListPage />, { client: broken.client, path: "/customers" });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The customers could not be loaded.");
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Anna Müller")).toBeTruthy();
  });

  it("adds a customer: errors appear at their fields, and the new customer shows at once", async () => {
    const created = listCustomer({ displayName: "Eva Frei", email: "eva@example.ch", mobilePhone: "+41790000001" });
    let attempts = 0;
    const api = mockClient(
      {
        CustomerList: () => customerPage(attempts > 1 ? [anna, ben, created] : [anna, ben]),
        CustomerCreate: (variables) => {
          attempts += 1;
          const input = variables.input as { mobilePhone: string | null };
          if (input.mobilePhone === "12") {
            return {
              customerCreate: {
                __typename: "CustomerCreatePayload",
                customer: null,
                userErrors: [
                  {
                    __typename: "CustomerError",
                    field: "mobilePhone",
                    message: "'12' is not a valid phone number for region CH.",
                    code: "INVALID_PHONE",
                    existingCustomerId: null,
                  },
                  {
                    __typename: "CustomerError",
                    field: "email",
                    message: "Another customer already has this email address.",
                    code: "DUPLICATE",
                    existingCustomerId: anna.id,
                  },
                ],
              },
            };
          }
          return { customerCreate: { __typename: "CustomerCreatePayload", customer: created, userErrors: [] } };
        },
      },
      { cache: true },
    );
    const { user } = renderPage(<CustomerListPage />, { client: api.client, path: "/customers" });
    await screen.findByText("Anna Müller");

    await user.click(screen.getByRole("button", { name: "Add customer" }));
    const dialog = screen.getByRole("dialog", { name: "Add customer" });
    expect(document.activeElement).toBe(within(dialog).getByLabelText("First name"));
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(within(dialog).getByLabelText("First name").getAttribute("aria-invalid")).toBe("true");
    expect(api.callsOf("CustomerCreate")).toHaveLength(0); // a name is checked before asking

    await user.type(within(dialog).getByLabelText("First name"), "Eva");
    await user.type(within(dialog).getByLabelText("Last name"), "Frei");
    await user.type(within(dialog).getByLabelText("Email"), "anna@example.ch");
    await user.type(within(dialog).getByLabelText("Mobile phone"), "12");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    const phone = await within(dialog).findByLabelText("Mobile phone");
    await waitFor(() => expect(phone.getAttribute("aria-invalid")).toBe("true"));
    expect(phone.getAttribute("aria-describedby")).toBeTruthy();
    const describedBy = phone.getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(describedBy).toContain("'12' is not a valid phone number for region CH.");
    expect(document.activeElement).toBe(within(dialog).getByLabelText("Email")); // first invalid control
    expect(within(dialog).getByRole("link", { name: "Open the existing customer" }).getAttribute("href")).toBe(
      `/customers/${encodeURIComponent(anna.id)}`,
    );

    await user.clear(within(dialog).getByLabelText("Email"));
    await user.type(within(dialog).getByLabelText("Email"), "eva@example.ch");
    await user.clear(phone);
    await user.type(phone, "079 000 00 01");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const justAdded = screen.getByRole("region", { name: "Just added" });
    expect(within(justAdded).getByRole("link", { name: "Eva Frei" })).toBeTruthy();
    expect(api.callsOf("CustomerCreate")[1].variables).toEqual({
      input: { firstName: "Eva", lastName: "Frei", email: "eva@example.ch", mobilePhone: "079 000 00 01" },
    });
    // The cache dropped the stale list, so it was fetched again and includes her.
    await waitFor(() => expect(api.callsOf("CustomerList").length).toBeGreaterThanOrEqual(2));
    const list = screen.getByRole("list", { name: "Customers" });
    await waitFor(() => expect(within(list).getByText("Eva Frei")).toBeTruthy());
    await act(async () => {});
  });

  it("marks the matched span in the cell showing it, or on its own line; Full text switches the mode", async () => {
    const api = mockClient({
      CustomerList: (variables) =>
        variables.search
          ? customerPage([anna, ben], {
              matches: [
                { field: "phone", value: "+41791234567", highlight: { start: 5, end: 9 } },
                { field: "customFields.employer", label: "Employer", value: "Keller Bau AG", highlight: { start: 0, end: 6 } },
              ],
            })
          : customerPage([anna, ben]),
    });
    const { user, location } = renderPage(<CustomerListPage />, { client: api.client, path: "/customers?q=7912" });
    const list = await screen.findByRole("list", { name: "Customers" });
    await waitFor(() => expect(list.querySelectorAll("mark")).toHaveLength(2));
    const [first, second] = within(list).getAllByRole("listitem");
    expect(first.querySelector(".customer-row__phone")!.innerHTML).toContain("+4179<mark>1234</mark>567");
    expect(second.querySelector(".customer-row__match")!.textContent).toBe("Employer: Keller Bau AG");
    expect(second.querySelector("mark")!.textContent).toBe("Keller");
    expect((screen.getByRole("combobox", { name: "Sort by" }) as HTMLSelectElement).value).toBe("relevance");

    await user.click(screen.getByRole("checkbox", { name: "Full text" }));
    await waitFor(() => expect(api.callsOf("CustomerList").at(-1)!.variables).toMatchObject({ search: "7912", searchMode: "FULL_TEXT" }));
    expect(location.current).toBe("/customers?q=7912&mode=full");
  });

  it("puts the filters in the address and sends them, custom fields by their type", async () => {
    const api = mockClient({
      CustomerList: () => customerPage([anna]),
      CustomFieldDefinitions: () => ({
        customFieldDefinitions: [fieldDefinition(), fieldDefinition({ key: "vip", label: "VIP", type: "CHECKBOX", options: [] })],
      }),
    });
    const { user, location } = renderPage(<CustomerListPage />, { client: api.client, path: "/customers" });
    await screen.findByText("Anna Müller");
    await user.click(screen.getByRole("button", { name: "Filters" }));
    const panel = screen.getByRole("region", { name: "Filters" });
    await user.selectOptions(within(panel).getByLabelText("Communication status"), "BLOCKED");
    await user.selectOptions(within(panel).getByLabelText("Archived"), "all");
    await user.click(await within(panel).findByLabelText("Gold"));
    await user.selectOptions(within(panel).getByLabelText("VIP"), "yes");

    await waitFor(() => expect(location.current).toBe("/customers?status=BLOCKED&archived=all&cf.level=Gold&cf.vip=yes"));
    await waitFor(() =>
      expect(api.callsOf("CustomerList").at(-1)!.variables).toMatchObject({
        search: null,
        filter: {
          communicationStatus: "BLOCKED",
          archived: null,
          customFields: [
            { key: "level", in: ["Gold"] },
            { key: "vip", checked: true },
          ],
        },
      }),
    );
    expect(screen.getByRole("button", { name: "Filters (4)" })).toBeTruthy();
    expect(screen.getByText("1 customer matches the filters")).toBeTruthy();

    await user.click(within(panel).getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(location.current).toBe("/customers"));
  });

  it("shows the API's INVALID_FILTER message in the panel", async () => {
    const api = mockClient({
      CustomerList: (variables) =>
        (variables.filter as { customFields?: unknown[] }).customFields
          ? graphqlErrors({ message: "Unknown custom field 'gone'.", extensions: { code: "INVALID_FILTER" } })
          : customerPage([anna]),
      CustomFieldDefinitions: () => ({ customFieldDefinitions: [] }),
    });
    renderPage(<CustomerListPage />, { client: api.client, path: "/customers?cf.gone=x" });
    const panel = await screen.findByRole("region", { name: "Filters" });
    const alert = await within(panel).findByRole("alert");
    expect(alert.textContent).toBe("This filter cannot be applied:Unknown custom field 'gone'.");
    expect(screen.getByText("No customers shown: the filter cannot be applied.")).toBeTruthy();
  });

  it("offers to add the person a search did not find, pre-filled from the search text", async () => {
    const api = mockClient({ CustomerList: (variables) => (variables.search ? customerPage([]) : customerPage([anna])) });
    const { user } = renderPage(<CustomerListPage />, {
      client: api.client,
      path: "/customers",
      wrap: withSession(["READ_CUSTOMERS", "ADD_CUSTOMERS"]),
    });
    await screen.findByText("Anna Müller");
    await user.type(screen.getByRole("searchbox", { name: "Search customers" }), "Eva Example eva@example.ch 079 100 00 19");
    await user.click(await screen.findByRole("button", { name: "Add this person" }, { timeout: SEARCH_DEBOUNCE_MS * 6 }));
    const dialog = screen.getByRole("dialog", { name: "Add customer" });
    expect((within(dialog).getByLabelText("First name") as HTMLInputElement).value).toBe("Eva");
    expect((within(dialog).getByLabelText("Last name") as HTMLInputElement).value).toBe("Example");
    expect((within(dialog).getByLabelText("Email") as HTMLInputElement).value).toBe("eva@example.ch");
    expect((within(dialog).getByLabelText("Mobile phone") as HTMLInputElement).value).toBe("079 100 00 19");
  });
});
