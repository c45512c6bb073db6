import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { LifecycleRunKind, LifecycleSettingsUpdateMutation } from "../../../gql/graphql";
import type { Data } from "../../../test/fixtures";
import { mockClient, type Handler } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { LifecycleSettingsPage, lifecycleMonths, runSummary } from "./LifecycleSettingsPage";

const account = (archiveAfterMonths: number | null, eraseAfterMonths: number | null) => ({ __typename: "AccountSettings", slug: "demo", archiveAfterMonths, eraseAfterMonths });

const run = (over: Partial<{ id: string; kind: LifecycleRunKind; months: number; count: number; skippedCount: number; finishedAt: string | null; error: string | null }> = {}) => ({
  __typename: "LifecycleRun",
  id: "run-1",
  kind: "ARCHIVE" as LifecycleRunKind,
  months: 12,
  startedAt: "2026-11-30T08:00:00+00:00",
  count: 14,
  skippedCount: 0,
  error: null as string | null,
  finishedAt: "2026-11-30T08:00:02+00:00" as string | null,
  ...over,
});

function render(handlers: Record<string, Handler> = {}, archive: number | null = 12, erase: number | null = null, runs = [run()]) {
  const api = mockClient(
    {
      LifecycleSettings: () => ({
        me: { __typename: "Me", account: account(archive, erase) },
        lifecycleRuns: { __typename: "LifecycleRunConnection", edges: runs.map((node) => ({ __typename: "LifecycleRunEdge", node })) },
      }),
      ...handlers,
    },
    { cache: true },
  );
  return { ...renderPage(<LifecycleSettingsPage />, { client: api.client }), api };
}

type Payload = Data<LifecycleSettingsUpdateMutation>["accountSettingsUpdate"];

describe("lifecycle months", () => {
  it("are whole months within the bounds, or empty for off", () => {
    expect(lifecycleMonths({ archive: "12", erase: "" })).toEqual({ archiveAfterMonths: 12, eraseAfterMonths: null });
    expect(lifecycleMonths({ archive: "", erase: "60" })).toEqual({ archiveAfterMonths: null, eraseAfterMonths: 60 });
    expect(lifecycleMonths({ archive: "0", erase: "" })).toMatchObject({ errors: [{ field: "archive" }] });
    expect(lifecycleMonths({ archive: "1.5", erase: "" })).toMatchObject({ errors: [{ field: "archive" }] });
    expect(lifecycleMonths({ archive: "", erase: "5" })).toMatchObject({ errors: [{ field: "erase" }] });
    expect(lifecycleMonths({ archive: "", erase: "241" })).toMatchObject({ errors: [{ field: "erase" }] });
  });

  it("runs read as what they did", () => {
    expect(runSummary(run())).toBe("14 customers archived");
    expect(runSummary(run({ kind: "ERASE", count: 1, skippedCount: 2 }))).toBe("1 customer erased, 2 skipped");
    expect(runSummary(run({ finishedAt: null }))).toBe("Running… 14 customers archived so far");
    expect(runSummary(run({ error: "OSError: disk full" }))).toBe("14 customers archived, then stopped: OSError: disk full");
  });
});

describe("Settings → Customer lifecycle", () => {
  it("shows the rules and the recent runs", async () => {
    render({}, 12, null, [run(), run({ id: "run-2", kind: "ERASE", months: 60, count: 3, skippedCount: 1 })]);
    const form = await screen.findByRole("form", { name: "Customer lifecycle rules" });
    expect((within(form).getByLabelText("Archive customers inactive for (months)") as HTMLInputElement).value).toBe("12");
    expect((within(form).getByLabelText("Erase customers inactive for (months)") as HTMLInputElement).value).toBe("");
    expect(screen.getByText(/Erasure is permanent/)).toBeTruthy();
    const runs = screen.getByRole("region", { name: "Runs of the rules" });
    const rows = within(runs).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell").slice(1).map((cell) => cell.textContent))).toEqual([
      ["Archive after 12 months", "14 customers archived"],
      ["Erase after 60 months", "3 customers erased, 1 skipped"],
    ]);
  });

  it("says when nothing ran yet", async () => {
    render({}, null, null, []);
    expect(await screen.findByText("No runs yet.")).toBeTruthy();
  });

  it("asks to confirm before turning erasure on, then saves both rules (empty: off)", async () => {
    const { user, api } = render({
      LifecycleSettingsUpdate: (variables): Data<LifecycleSettingsUpdateMutation> => {
        const payload: Payload = {
          __typename: "AccountSettingsUpdatePayload",
          account: account(variables.archiveAfterMonths as number | null, variables.eraseAfterMonths as number | null),
          userErrors: [],
        };
        return { accountSettingsUpdate: payload };
      },
    });
    const form = await screen.findByRole("form", { name: "Customer lifecycle rules" });
    await user.clear(within(form).getByLabelText("Archive customers inactive for (months)"));
    await user.type(within(form).getByLabelText("Erase customers inactive for (months)"), "60");
    await user.click(within(form).getByRole("button", { name: "Save rules" }));
    expect(within(form).getByText("Confirm that erasure is permanent to turn this rule on.")).toBeTruthy();
    expect(api.callsOf("LifecycleSettingsUpdate")).toHaveLength(0);

    await user.click(within(form).getByLabelText(/will be erased permanently/));
    await user.click(within(form).getByRole("button", { name: "Save rules" }));
    expect(await within(form).findByText("Saved. Customers are not archived automatically. Customers inactive for 60 months are erased.")).toBeTruthy();
    expect(api.callsOf("LifecycleSettingsUpdate")[0].variables).toEqual({ archiveAfterMonths: null, eraseAfterMonths: 60 });
  });

  it("checks the months before sending, and shows the API's refusal at the field", async () => {
    const { user, api } = render({
      LifecycleSettingsUpdate: (): Data<LifecycleSettingsUpdateMutation> => ({
        accountSettingsUpdate: {
          __typename: "AccountSettingsUpdatePayload",
          account: null,
          userErrors: [{ __typename: "AccountError", field: "archiveAfterMonths", message: "1 to 120 months, or null (off).", code: "INVALID" }],
        },
      }),
    });
    const form = await screen.findByRole("form", { name: "Customer lifecycle rules" });
    const archive = within(form).getByLabelText("Archive customers inactive for (months)") as HTMLInputElement;
    await user.clear(archive);
    await user.type(archive, "500");
    await user.click(within(form).getByRole("button", { name: "Save rules" }));
    expect(within(form).getByText("A whole number of months from 1 to 120, or empty (off).")).toBeTruthy();
    expect(api.callsOf("LifecycleSettingsUpdate")).toHaveLength(0);

    await user.clear(archive);
    await user.type(archive, "24");
    await user.click(within(form).getByRole("button", { name: "Save rules" }));
    expect(await within(form).findByText("1 to 120 months, or null (off).")).toBeTruthy();
    expect(archive.getAttribute("aria-invalid")).toBe("true");
  });
});
