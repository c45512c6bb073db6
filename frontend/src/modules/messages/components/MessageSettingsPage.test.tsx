import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { MessageSettingsUpdateMutation, MessageTemplateUpdateMutation } from "../../../gql/graphql";
import type { Data } from "../../../test/fixtures";
import { mockClient, type Handler } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { preview, template } from "./messageFixtures";
import { MessageSettingsPage } from "./MessageSettingsPage";
import { reminderHours } from "./ReminderSettings";
import { PREVIEW_DELAY_MS } from "./TemplateEditor";

const account = (reminderHours: number[], timeZone = "Europe/Zurich") => ({ __typename: "AccountSettings", slug: "demo", reminderHours, timeZone });

const settings = (reminderHours: number[] = [24]) => ({ me: { __typename: "Me", account: account(reminderHours) } });

const templates = [
  template(),
  template({ language: "de", subject: "Ihr Termin am {{ appointment.date }}", custom: true, updatedAt: "2026-03-01T09:00:00+00:00" }),
  template({ kind: "REMINDER", subject: "Reminder: {{ appointment.date }}" }),
  template({ kind: "REMINDER", language: "de", subject: "Erinnerung: {{ appointment.date }}" }),
];

function render(handlers: Record<string, Handler> = {}) {
  const api = mockClient(
    {
      MessageSettings: () => settings(),
      MessageTemplates: () => ({ messageTemplates: templates }),
      MessageTemplatePreview: () => preview(),
      ...handlers,
    },
    { cache: true },
  );
  return { ...renderPage(<MessageSettingsPage />, { client: api.client }), api };
}

type SettingsPayload = Data<MessageSettingsUpdateMutation>["accountSettingsUpdate"];
type TemplatePayload = Data<MessageTemplateUpdateMutation>["messageTemplateUpdate"];

afterEach(() => vi.useRealTimers());

describe("reminder hours", () => {
  it("are none, one or two different whole hours from 1 to 336", () => {
    expect(reminderHours({ first: "24", second: "", timeZone: "Europe/Zurich" })).toEqual({ hours: [24] });
    expect(reminderHours({ first: "2", second: "48", timeZone: "Europe/Zurich" })).toEqual({ hours: [48, 2] });
    expect(reminderHours({ first: "", second: "", timeZone: "Europe/Zurich" })).toEqual({ hours: [] });
    expect(reminderHours({ first: "0", second: "24", timeZone: "Europe/Zurich" })).toMatchObject({ errors: [{ field: "first" }] });
    expect(reminderHours({ first: "1.5", second: "", timeZone: "Europe/Zurich" })).toMatchObject({ errors: [{ field: "first" }] });
    expect(reminderHours({ first: "24", second: "24", timeZone: "Europe/Zurich" })).toMatchObject({ errors: [{ field: "second", message: "The two reminders are at the same time." }] });
    expect(reminderHours({ first: "24", second: "", timeZone: " " })).toMatchObject({ errors: [{ field: "timeZone" }] });
  });
});

describe("Settings → Messages", () => {
  it("saves the reminders and the time zone, and shows the API's refusal at the field", async () => {
    let attempt = 0;
    const { user, api } = render({
      MessageSettingsUpdate: (variables): Data<MessageSettingsUpdateMutation> => {
        attempt += 1;
        const payload: SettingsPayload =
          attempt === 1
            ? { __typename: "AccountSettingsUpdatePayload", account: null, userErrors: [{ __typename: "AccountError", field: "timeZone", message: "'Mars/Base' is not a time zone such as Europe/Zurich.", code: "INVALID" }] }
            : { __typename: "AccountSettingsUpdatePayload", account: account(variables.reminderHours as number[], variables.timeZone as string), userErrors: [] };
        return { accountSettingsUpdate: payload };
      },
    });
    const form = await screen.findByRole("form", { name: "Reminders and time zone" });
    const first = within(form).getByLabelText("First reminder (hours before)") as HTMLInputElement;
    expect(first.value).toBe("24");
    const zone = within(form).getByLabelText("Time zone") as HTMLInputElement;
    expect(zone.value).toBe("Europe/Zurich");

    await user.type(within(form).getByLabelText("Second reminder (hours before, optional)"), "2");
    await user.clear(zone);
    await user.type(zone, "Mars/Base");
    await user.click(within(form).getByRole("button", { name: "Save reminders" }));
    expect(await within(form).findByText("'Mars/Base' is not a time zone such as Europe/Zurich.")).toBeTruthy();
    expect(zone.getAttribute("aria-invalid")).toBe("true");
    expect(api.callsOf("MessageSettingsUpdate")[0].variables).toEqual({ reminderHours: [24, 2], timeZone: "Mars/Base" });

    await user.clear(zone);
    await user.type(zone, "Europe/Berlin");
    await user.click(within(form).getByRole("button", { name: "Save reminders" }));
    expect(await within(form).findByText("Saved. Reminders go out 24 hours and 2 hours before an appointment.")).toBeTruthy();
    expect(api.callsOf("MessageSettingsUpdate")[1].variables).toEqual({ reminderHours: [24, 2], timeZone: "Europe/Berlin" });
  });

  it("checks the hours before sending", async () => {
    const { user, api } = render();
    const form = await screen.findByRole("form", { name: "Reminders and time zone" });
    await user.type(within(form).getByLabelText("Second reminder (hours before, optional)"), "24");
    await user.click(within(form).getByRole("button", { name: "Save reminders" }));
    expect(within(form).getByText("The two reminders are at the same time.")).toBeTruthy();
    expect(api.callsOf("MessageSettingsUpdate")).toHaveLength(0);
  });

  it("shows the chosen kind and language; the preview follows the text once typing pauses, problems at their field", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, api } = render({
      MessageTemplatePreview: (variables) =>
        String(variables.subject).includes("{{ oops")
          ? preview({ subject: null, text: null, sms: null, problems: [{ __typename: "TemplateProblem", field: "subject", message: "Line 1: unexpected end of template." }] })
          : preview({ subject: `Preview of ${variables.subject as string}` }),
    });
    const form = await screen.findByRole("form", { name: "Message text" });
    const subject = within(form).getByLabelText("Email subject") as HTMLInputElement;
    expect(subject.value).toBe("Your appointment on {{ appointment.date }}");
    expect(screen.getByText("Built-in text")).toBeTruthy();
    const previewRegion = screen.getByRole("region", { name: /Preview/ });
    expect(await within(previewRegion).findByText("Preview of Your appointment on {{ appointment.date }}")).toBeTruthy();
    expect(within(form).getByText("{{ customer.first_name }}")).toBeTruthy();

    await user.selectOptions(screen.getByLabelText("Language"), "de");
    expect((within(screen.getByRole("form", { name: "Message text" })).getByLabelText("Email subject") as HTMLInputElement).value).toBe("Ihr Termin am {{ appointment.date }}");
    expect(screen.getByText("Your own text")).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Message"), "REMINDER");
    const reminder = within(screen.getByRole("form", { name: "Message text" })).getByLabelText("Email subject") as HTMLInputElement;
    expect(reminder.value).toBe("Erinnerung: {{ appointment.date }}");

    const before = api.callsOf("MessageTemplatePreview").length;
    await user.type(reminder, " {{{{ oops");
    expect(api.callsOf("MessageTemplatePreview")).toHaveLength(before); // not while typing
    await act(() => vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS));
    await waitFor(() => expect(reminder.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getAllByText("Line 1: unexpected end of template.")).toHaveLength(2); // at the field and in the preview
    expect(api.callsOf("MessageTemplatePreview").at(-1)!.variables).toMatchObject({ kind: "REMINDER", language: "de", subject: "Erinnerung: {{ appointment.date }} {{ oops" });
  });

  it("saves the text, and goes back to the built-in after confirming", async () => {
    let custom = false;
    const { user, api } = render({
      MessageTemplates: () => ({ messageTemplates: [template({ custom, updatedAt: custom ? "2026-03-02T09:00:00+00:00" : null, subject: custom ? "Booked!" : template().subject })] }),
      MessageTemplateUpdate: (variables): Data<MessageTemplateUpdateMutation> => {
        custom = true;
        const payload: TemplatePayload = { __typename: "MessageTemplatePayload", template: template({ subject: variables.subject as string, custom: true, updatedAt: "2026-03-02T09:00:00+00:00" }), userErrors: [] };
        return { messageTemplateUpdate: payload };
      },
      MessageTemplateReset: () => {
        custom = false;
        return { messageTemplateReset: { __typename: "MessageTemplatePayload", template: template(), userErrors: [] } };
      },
    });
    const form = await screen.findByRole("form", { name: "Message text" });
    const save = within(form).getByRole("button", { name: "Save" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true); // nothing changed yet
    expect(within(form).queryByRole("button", { name: "Back to the built-in" })).toBeNull();
    const subject = within(form).getByLabelText("Email subject");
    await user.clear(subject);
    await user.type(subject, "Booked!");
    await user.click(save);
    expect(await screen.findByText("Saved: Confirmation in English now uses your text.")).toBeTruthy();
    expect(api.callsOf("MessageTemplateUpdate")[0].variables).toMatchObject({ kind: "CONFIRMATION", language: "en", subject: "Booked!" });
    expect(await screen.findByText("Your own text")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Back to the built-in" }));
    const dialog = screen.getByRole("dialog", { name: "Back to the built-in text?" });
    await user.click(within(dialog).getByRole("button", { name: "Use the built-in text" }));
    expect(await screen.findByText("Confirmation in English uses the built-in text again.")).toBeTruthy();
    expect(api.callsOf("MessageTemplateReset")[0].variables).toEqual({ kind: "CONFIRMATION", language: "en" });
    await waitFor(() => expect((screen.getByLabelText("Email subject") as HTMLInputElement).value).toBe(template().subject));
  });
});
