// The filter panel's text custom fields: "is" or "contains" (the API's equals / contains, both
// ignoring case and accents), kept in the address and sent as typed.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { customerPage, fieldDefinition, listCustomer } from "../../../test/fixtures";
import { mockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { CustomerListPage } from "./CustomerListPage";

const anna = listCustomer({ displayName: "Anna Müller" });
const city = fieldDefinition({ key: "city", label: "City", type: "TEXT", options: [] });

function setup(path: string) {
  const api = mockClient({
    CustomerList: () => customerPage([anna]),
    CustomFieldDefinitions: () => ({ customFieldDefinitions: [city] }),
  });
  const page = renderPage(<CustomerListPage />, { client: api.client, path });
  return { api, ...page };
}

const lastFilter = (api: ReturnType<typeof mockClient>) => api.callsOf("CustomerList").at(-1)?.variables?.filter;

describe("text custom field filters", () => {
  it("offers 'is' and 'contains'; contains goes to the address and the API", async () => {
    const { api, user, location } = setup("/customers");
    await screen.findByText("Anna Müller");
    await user.click(screen.getByRole("button", { name: "Filters" }));
    const panel = screen.getByRole("region", { name: "Filters" });
    const match = (await within(panel).findByLabelText("City: match")) as HTMLSelectElement;
    expect([...match.options].map((option) => option.textContent)).toEqual(["is", "contains"]);
    expect(match.value).toBe("is");

    await user.selectOptions(match, "contains");
    await user.type(within(panel).getByLabelText("City contains"), "zür");
    await waitFor(() => expect(location.current).toBe("/customers?cf.city.contains=z%C3%BCr"));
    await waitFor(() => expect(lastFilter(api)).toMatchObject({ customFields: [{ key: "city", contains: "zür" }] }));
    expect(screen.getByRole("button", { name: "Filters (1)" })).toBeTruthy();

    // The same text, now as the whole value.
    await user.selectOptions(match, "is");
    await waitFor(() => expect(location.current).toBe("/customers?cf.city=z%C3%BCr"));
    await waitFor(() => expect(lastFilter(api)).toMatchObject({ customFields: [{ key: "city", equals: "zür" }] }));
    expect((within(panel).getByLabelText("City is") as HTMLInputElement).value).toBe("zür");
  });

  it("reads 'contains' from the address, the panel open", async () => {
    const { api } = setup("/customers?cf.city.contains=50%25");
    await screen.findByText("Anna Müller");
    await waitFor(() => expect(lastFilter(api)).toMatchObject({ customFields: [{ key: "city", contains: "50%" }] }));
    const panel = await screen.findByRole("region", { name: "Filters" });
    expect(((await within(panel).findByLabelText("City: match")) as HTMLSelectElement).value).toBe("contains");
    expect((within(panel).getByLabelText("City contains") as HTMLInputElement).value).toBe("50%");
  });
});
