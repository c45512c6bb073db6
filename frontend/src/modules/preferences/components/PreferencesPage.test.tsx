import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Provider } from "urql";
import { describe, expect, it } from "vitest";
import type { PreferencesQuery } from "../../../gql/graphql";
import type { Answer } from "../../../test/fixtures";
import { graphqlErrors, mockClient, type Handler } from "../../../test/mockClient";
import { changesOf, ownLanguageName, PreferencesPage, valuesOf } from "./PreferencesPage";

type Preferences = Answer<NonNullable<PreferencesQuery["preferences"]>>;
const TOKEN = "AbC.def-GhI_jkl";

const prefs = (overrides: Partial<Preferences> = {}): Preferences => ({
  __typename: "Preferences",
  businessName: "Praxis Muster",
  firstName: "Anna",
  email: "anna@example.ch",
  mobilePhone: "+41791234567",
  emailEnabled: true,
  smsEnabled: true,
  preferredMedium: "EMAIL",
  preferredLanguage: null,
  languages: ["en", "de", "fr", "it"],
  ...overrides,
});

const updated = (preferences: Preferences | null, userErrors: { field: string | null; message: string; code: string }[] = []) => ({
  preferencesUpdate: {
    __typename: "PreferencesUpdatePayload",
    preferences,
    userErrors: userErrors.map((error) => ({ __typename: "MessageError", ...error })),
  },
});

function renderPage(handlers: Record<string, Handler>) {
  const api = mockClient({ Preferences: () => ({ preferences: prefs() }), ...handlers });
  const user = userEvent.setup();
  render(
    <Provider value={api.client}>
      <PreferencesPage token={TOKEN} />
    </Provider>,
  );
  return { api, user };
}

describe("the customer's preferences page", () => {
  it("names languages in their own words", () => {
    expect(ownLanguageName("de")).toBe("Deutsch");
    expect(ownLanguageName("fr")).toBe("Français");
    expect(ownLanguageName("it")).toBe("Italiano");
    expect(ownLanguageName("en")).toBe("English");
  });

  it("sends only what changed and refuses to empty an address", () => {
    const saved = valuesOf(prefs());
    expect(changesOf(saved, { ...saved })).toEqual({ input: {} });
    expect(changesOf(saved, { ...saved, emailEnabled: false, preferredLanguage: "de", email: " new@example.ch " })).toEqual({
      input: { emailEnabled: false, preferredLanguage: "de", email: "new@example.ch" },
    });
    expect(changesOf(saved, { ...saved, mobilePhone: "  " })).toMatchObject({ problems: [{ field: "mobilePhone" }] });
  });

  it("shows the business and the preferences with labels, and saves the changes", async () => {
    const { api, user } = renderPage({
      PreferencesUpdate: () => updated(prefs({ emailEnabled: false, preferredLanguage: "de", preferredMedium: "SMS" })),
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Your message preferences" })).toBeTruthy();
    expect(api.callsOf("Preferences")[0].variables).toEqual({ token: TOKEN });
    expect(screen.getByText("Praxis Muster")).toBeTruthy();
    expect((screen.getByRole("radio", { name: "Email" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Emails") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Email address") as HTMLInputElement).value).toBe("anna@example.ch");
    expect((screen.getByLabelText("Mobile phone (for SMS)") as HTMLInputElement).value).toBe("+41791234567");

    await user.click(screen.getByRole("radio", { name: "Text message (SMS)" }));
    await user.click(screen.getByLabelText("Emails"));
    await user.selectOptions(screen.getByLabelText("Language of messages"), "Deutsch");
    await user.click(screen.getByRole("button", { name: "Save preferences" }));
    expect(await screen.findByText("Thank you, your preferences are saved.")).toBeTruthy();
    expect(api.callsOf("PreferencesUpdate")[0].variables).toEqual({
      token: TOKEN,
      input: { preferredMedium: "SMS", preferredLanguage: "de", emailEnabled: false },
    });
    // "No preference" is gone once a language is chosen
    expect(within(screen.getByLabelText("Language of messages")).queryByText("No preference")).toBeNull();
  });

  it("warns when both channels are off, and shows the API's refusal at its field", async () => {
    const { user } = renderPage({
      PreferencesUpdate: () => updated(null, [{ field: "email", message: "This email address cannot be used here. Please contact Praxis Muster if it is yours.", code: "DUPLICATE" }]),
    });
    await screen.findByRole("heading", { level: 1, name: "Your message preferences" });
    await user.click(screen.getByLabelText("Emails"));
    await user.click(screen.getByLabelText("Text messages (SMS)"));
    expect(screen.getByText("With both switched off, you get no messages about your appointments.")).toBeTruthy();
    const email = screen.getByLabelText("Email address");
    await user.clear(email);
    await user.type(email, "taken@example.ch");
    await user.click(screen.getByRole("button", { name: "Save preferences" }));
    expect(await screen.findByText("This email address cannot be used here. Please contact Praxis Muster if it is yours.")).toBeTruthy();
    expect(email.getAttribute("aria-invalid")).toBe("true");
  });

  it("says so plainly for a changed link", async () => {
    renderPage({ Preferences: () => graphqlErrors({ message: "This link is not valid.", extensions: { code: "INVALID_LINK" } }) });
    expect(await screen.findByRole("heading", { level: 1, name: "This link does not work" })).toBeTruthy();
    expect(screen.queryByRole("form")).toBeNull();
  });

  it("says when the link has expired", async () => {
    renderPage({ Preferences: () => graphqlErrors({ message: "This link has expired.", extensions: { code: "LINK_EXPIRED" } }) });
    expect(await screen.findByRole("heading", { level: 1, name: "This link has expired" })).toBeTruthy();
  });

  it("turns to the refusal when the link is refused on saving", async () => {
    const { user } = renderPage({ PreferencesUpdate: () => updated(null, [{ field: "token", message: "This link has expired.", code: "LINK_EXPIRED" }]) });
    await screen.findByRole("heading", { level: 1, name: "Your message preferences" });
    await user.click(screen.getByLabelText("Emails"));
    await user.click(screen.getByRole("button", { name: "Save preferences" }));
    expect(await screen.findByRole("heading", { level: 1, name: "This link has expired" })).toBeTruthy();
  });
});
