import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { CustomerImportErrorCode, ImportJobFieldsFragment } from "../../../gql/graphql";
import type { Answer } from "../../../test/fixtures";
import { mockClient, type MockClient } from "../../../test/mockClient";
import { renderPage } from "../../../test/render";
import { withSession } from "../../../test/session";
import { ImportPage } from "./ImportPage";

type Job = Answer<ImportJobFieldsFragment>;
const JOB_ID = "SW1wb3J0Sm9iOjE=";
const ANNA_ID = "Q3VzdG9tZXI6MQ==";

const counts = (overrides: Partial<Job["counts"]> = {}): Job["counts"] => ({
  __typename: "ImportCounts",
  rows: 6,
  valid: 5,
  rejected: 1,
  duplicatesInFile: 1,
  existing: 1,
  created: 0,
  updated: 0,
  skipped: 0,
  ...overrides,
});

const column = (index: number, header: string, target: string | null, samples: string[], suggested = target): Job["columns"][number] => ({
  __typename: "ImportColumn",
  index,
  header,
  target,
  suggested,
  samples,
});

const value = (target: string, text: string | null) => ({ __typename: "ImportValue", target, value: text });

function job(overrides: Partial<Job> = {}): Job {
  return {
    __typename: "ImportJob",
    id: JOB_ID,
    status: "READY",
    fileName: "clients.csv",
    sheet: null,
    sheets: [],
    headerRow: 1,
    columns: [
      column(0, "Vorname", "first_name", ["Anna", "Ben", "Cleo", "Dan"]),
      column(1, "E-Mail", "email", ["anna@example.ch", "not-an-email"]),
      column(2, "Notiz", null, ["VIP"], null),
    ],
    targets: [
      { __typename: "ImportTarget", key: "first_name", label: "First name" },
      { __typename: "ImportTarget", key: "email", label: "Email" },
      { __typename: "ImportTarget", key: "notes", label: "Notes" },
    ],
    previewRows: [
      {
        __typename: "ImportPreviewRow",
        rowNumber: 2,
        values: [value("first_name", "Anna"), value("email", "anna@example.ch")],
        errors: [],
        duplicate: {
          __typename: "ImportDuplicate",
          kind: "EXISTING",
          rowNumber: null,
          customerId: ANNA_ID,
          customer: { __typename: "Customer", id: ANNA_ID, displayName: "Anna Müller" },
        },
      },
      {
        __typename: "ImportPreviewRow",
        rowNumber: 3,
        values: [value("first_name", "Ben"), value("email", "not-an-email")],
        errors: [{ __typename: "ImportRowError", field: "email", code: "INVALID_EMAIL", message: "Not an email address." }],
        duplicate: null,
      },
      {
        __typename: "ImportPreviewRow",
        rowNumber: 4,
        values: [value("first_name", "Cleo"), value("email", "cleo@example.ch")],
        errors: [],
        duplicate: null,
      },
      {
        __typename: "ImportPreviewRow",
        rowNumber: 5,
        values: [value("first_name", "cleo"), value("email", "CLEO@example.ch")],
        errors: [],
        duplicate: { __typename: "ImportDuplicate", kind: "IN_FILE", rowNumber: 4, customerId: null, customer: null },
      },
    ],
    counts: counts(),
    duplicates: null,
    errorPolicy: null,
    progress: { __typename: "ImportProgress", phase: "analysed", processedRows: 6, fraction: 1 },
    rejectedRowsUrl: `/import/jobs/${JOB_ID}/rejected.csv`,
    error: null,
    createdAt: "2026-11-30T09:00:00+00:00",
    finishedAt: null,
    canUndo: false,
    ...overrides,
  };
}

const importError = (field: string | null, message: string, code: CustomerImportErrorCode) => ({ __typename: "CustomerImportError", field, message, code });
const payload = (name: string, result: Job | null, userErrors: ReturnType<typeof importError>[] = []) => ({
  [name]: { __typename: "CustomerImportPayload", job: result, userErrors },
});

const PERMISSIONS = withSession(["READ_CUSTOMERS", "ADD_CUSTOMERS", "IMPORT_CUSTOMERS"]);

function renderWizard(api: MockClient, path = "/customers/import") {
  return renderPage(<ImportPage />, { client: api.client, path, wrap: PERMISSIONS });
}

async function uploaded(api: MockClient, path?: string) {
  const view = renderWizard(api, path);
  const input = await screen.findByLabelText("Spreadsheet file");
  await view.user.upload(input, new File(["Vorname,E-Mail\nAnna,anna@example.ch\n"], "clients.csv", { type: "text/csv" }));
  await view.user.click(screen.getByRole("button", { name: "Upload and preview" }));
  await screen.findByRole("heading", { name: "Match the columns" });
  return view;
}

const subscribed = (api: MockClient) => waitFor(() => expect(api.callsOf("ImportProgress").length).toBeGreaterThan(0));

describe("ImportPage", () => {
  it("uploads the file as the mutation's input.file and shows a file error at the file field", async () => {
    const api = mockClient({
      CustomerImportPreview: () => payload("customerImportPreview", null, [importError("file", "This is not a spreadsheet.", "NOT_A_SPREADSHEET")]),
    });
    const { user } = renderWizard(api);
    expect(screen.getByRole("link", { name: "Download template" }).getAttribute("href")).toBe("/import/template.csv");

    await user.click(screen.getByRole("button", { name: "Upload and preview" }));
    expect(screen.getByText("Choose a spreadsheet file.")).toBeTruthy();
    expect(api.callsOf("CustomerImportPreview")).toHaveLength(0);

    const input = screen.getByLabelText("Spreadsheet file");
    const file = new File(["%PDF-1.4"], "clients.csv", { type: "text/csv" });
    await user.upload(input, file);
    await user.click(screen.getByRole("button", { name: "Upload and preview" }));
    expect(await screen.findByText("This is not a spreadsheet.")).toBeTruthy();
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const sent = api.callsOf("CustomerImportPreview")[0].variables as { input: { file: File } };
    expect(sent.input.file).toBe(file);
  });

  it("shows the columns with samples and suggestions; a changed target asks for a new analysis of the same job", async () => {
    let analysed = 0;
    const api = mockClient({
      CustomerImportPreview: (variables) => {
        analysed += 1;
        const input = variables.input as { jobId?: string };
        return payload("customerImportPreview", input.jobId ? job({ status: "ANALYSING" }) : job());
      },
      ImportJob: () => ({ importJob: job({ status: "ANALYSING" }) }),
    });
    const { location, user } = await uploaded(api);
    await waitFor(() => expect(location.current).toBe(`/customers/import?job=${encodeURIComponent(JOB_ID)}`));

    const table = screen.getByRole("region", { name: "Columns of the file" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]).getByRole("rowheader").textContent).toBe("Vorname");
    expect(within(rows[0]).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["Anna", "Ben", "Cleo"]);
    const notes = within(table).getByLabelText("Import “Notiz” as") as HTMLSelectElement;
    expect((within(table).getByLabelText("Import “Vorname” as") as HTMLSelectElement).value).toBe("first_name");
    expect(notes.value).toBe("");
    expect(within(notes).getAllByRole("option").map((option) => option.textContent)).toEqual(["Ignore", "First name", "Email", "Notes"]);

    await user.selectOptions(notes, "notes");
    await waitFor(() => expect(api.callsOf("CustomerImportPreview")).toHaveLength(2));
    expect(api.callsOf("CustomerImportPreview")[1].variables).toEqual({
      input: {
        jobId: JOB_ID,
        mapping: [
          { column: 0, target: "first_name" },
          { column: 1, target: "email" },
          { column: 2, target: "notes" },
        ],
      },
    });
    // While it runs the old table stays, marked busy, the choice kept.
    await screen.findByText("Analysing the file again with these columns…");
    expect(notes.value).toBe("notes");
    expect(screen.getByRole("button", { name: "Updating the preview…" })).toHaveProperty("disabled", true);

    await subscribed(api);
    act(() =>
      api.emit("ImportProgress", {
        importProgress: job({ columns: [column(0, "Vorname", "first_name", ["Anna"]), column(1, "E-Mail", "email", ["a@b.ch"]), column(2, "Notiz", "notes", ["VIP"], null)] }),
      }),
    );
    await waitFor(() => expect(screen.queryByText("Analysing the file again with these columns…")).toBeNull());
    const preview = screen.getByRole("region", { name: "First rows as they would be imported" });
    expect(within(preview).getAllByRole("columnheader").map((cell) => cell.textContent)).toEqual(["Row", "First name", "Email", "Notes", "Check"]);
    expect(analysed).toBe(2);
  });

  it("shows mapping errors at the column's select, keeping the choice", async () => {
    const api = mockClient({
      CustomerImportPreview: (variables) =>
        (variables.input as { jobId?: string }).jobId
          ? payload("customerImportPreview", null, [importError("mapping.1", "First name is already taken by column Vorname.", "TARGET_TWICE")])
          : payload("customerImportPreview", job()),
    });
    const { user } = await uploaded(api);
    const email = screen.getByLabelText("Import “E-Mail” as") as HTMLSelectElement;
    await user.selectOptions(email, "first_name");
    expect(await screen.findByText("First name is already taken by column Vorname.")).toBeTruthy();
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(email.value).toBe("first_name");
    expect(screen.getByLabelText("Import “Vorname” as").getAttribute("aria-invalid")).toBeNull();
    const describedBy = email.getAttribute("aria-describedby")!.split(" ");
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain("First name is already taken by column Vorname.");
  });

  it("offers the sheets of a workbook; another sheet is analysed without a mapping", async () => {
    const workbook = job({ fileName: "clients.xlsx", sheet: "2025", sheets: ["2025", "2026"] });
    const api = mockClient({
      CustomerImportPreview: (variables) =>
        payload("customerImportPreview", (variables.input as { jobId?: string }).jobId ? { ...workbook, sheet: "2026" } : workbook),
    });
    const { user } = await uploaded(api);
    const sheet = screen.getByLabelText("Sheet") as HTMLSelectElement;
    expect(sheet.value).toBe("2025");
    await user.selectOptions(sheet, "2026");
    await waitFor(() => expect(api.callsOf("CustomerImportPreview")).toHaveLength(2));
    expect(api.callsOf("CustomerImportPreview")[1].variables).toEqual({ input: { jobId: JOB_ID, sheet: "2026" } });
    await waitFor(() => expect((screen.getByLabelText("Sheet") as HTMLSelectElement).value).toBe("2026"));
  });

  it("previews counts, errors in red, duplicates and the rejected rows", async () => {
    const api = mockClient({ CustomerImportPreview: () => payload("customerImportPreview", job()) });
    await uploaded(api);
    const figures = screen.getByRole("group", { name: "What the file holds" });
    expect(figures.textContent).toBe("Rows6Valid5With errors1Duplicates in the file1Already customers1");
    const preview = screen.getByRole("region", { name: "First rows as they would be imported" });
    const [, anna, ben, , cleo2] = within(preview).getAllByRole("row");
    const badEmail = within(ben).getByText("Not an email address.");
    expect(badEmail.className).toBe("import-cell__error");
    expect(badEmail.closest("td")!.className).toBe("import-cell--error");
    expect(badEmail.closest("td")!.textContent).toContain("not-an-email");
    expect(within(ben).getAllByRole("cell").at(-1)!.textContent).toBe("Would be rejected");
    expect(cleo2.textContent).toContain("Same person as row 4");
    expect(within(anna).getByRole("link", { name: "Anna Müller" }).getAttribute("href")).toBe(`/customers/${encodeURIComponent(ANNA_ID)}`);
    expect(anna.textContent).toContain("Matches Anna Müller");
    expect(screen.getByRole("link", { name: "Download rows that would be rejected" }).getAttribute("href")).toBe(`/import/jobs/${JOB_ID}/rejected.csv`);
  });

  it("commits with the chosen strategy, follows the progress live and shows the result; Undo asks first", async () => {
    const running = (processedRows: number, fraction: number) =>
      job({ status: "RUNNING", duplicates: "SKIP", errorPolicy: "IMPORT_VALID", progress: { __typename: "ImportProgress", phase: "importing", processedRows, fraction } });
    const done = job({ status: "SUCCEEDED", counts: counts({ created: 3, updated: 1, skipped: 1 }), canUndo: true, finishedAt: "2026-11-30T09:01:00+00:00" });
    const api = mockClient({
      CustomerImportPreview: () => payload("customerImportPreview", job()),
      CustomerImportCommit: () => payload("customerImportCommit", job({ status: "QUEUED" })),
      ImportJob: () => ({ importJob: running(0, 0) }),
      CustomerImportUndo: () => payload("customerImportUndo", { ...done, status: "UNDONE", canUndo: false }),
    });
    const { user } = await uploaded(api);
    expect((screen.getByLabelText("Fill blank fields") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Import the valid rows, reject the others") as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByLabelText("Skip existing customers"));
    await user.click(screen.getByLabelText("Import nothing if any row has an error"));
    expect(screen.getByText("1 row has errors: with this choice nothing is imported.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Import 0 customers" })).toBeTruthy();
    await user.click(screen.getByLabelText("Import the valid rows, reject the others"));
    await user.click(screen.getByRole("button", { name: "Import 5 customers" }));
    expect(api.callsOf("CustomerImportCommit")[0].variables).toEqual({ input: { jobId: JOB_ID, duplicates: "SKIP", errorPolicy: "IMPORT_VALID" } });

    await screen.findByRole("heading", { name: "Waiting to start…" });
    await subscribed(api);
    act(() => api.emit("ImportProgress", { importProgress: running(3, 0.5) }));
    const bar = await screen.findByRole("progressbar", { name: "Import progress" });
    await waitFor(() => expect(bar.getAttribute("aria-valuenow")).toBe("50"));
    expect((bar as HTMLProgressElement).value).toBe(50);
    expect(screen.getByText("3 of 6 rows (50%)").getAttribute("role")).toBe("status");
    // An older report (a slow poll) does not take the bar back.
    act(() => api.emit("ImportProgress", { importProgress: running(1, 0.2) }));
    expect(bar.getAttribute("aria-valuenow")).toBe("50");

    act(() => api.emit("ImportProgress", { importProgress: done }));
    await screen.findByRole("heading", { name: "Import finished" });
    const figures = screen.getByRole("group", { name: "What the import did" });
    expect(figures.textContent).toBe("Created3Updated1Skipped1Duplicates in the file1Rejected1");
    expect(screen.getByRole("link", { name: "Download rejected rows (CSV)" }).getAttribute("href")).toBe(`/import/jobs/${JOB_ID}/rejected.csv`);

    await user.click(screen.getByRole("button", { name: "Undo import" }));
    const dialog = screen.getByRole("dialog", { name: "Undo this import?" });
    expect(dialog.textContent).toContain(
      "The 3 customers it created will be deleted (except any with appointments or messages since), and the fields it changed on 1 customer get their earlier values back (unless changed again since).",
    );
    expect(api.callsOf("CustomerImportUndo")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Undo import" }));
    await screen.findByRole("heading", { name: "Import undone" });
    expect(api.callsOf("CustomerImportUndo")[0].variables).toEqual({ jobId: JOB_ID });
    expect(screen.getByText(/^This import was undone: the 3 customers it created were deleted \(except any with appointments or messages since\), and the fields it changed on 1 customer got their earlier values back/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Undo import" })).toBeNull();
  });

  it("cancels a running import", async () => {
    const api = mockClient({
      ImportJob: () => ({ importJob: job({ status: "RUNNING" }) }),
      CustomerImportCancel: () => payload("customerImportCancel", job({ status: "CANCELLED" })),
    });
    const { user } = renderWizard(api, `/customers/import?job=${encodeURIComponent(JOB_ID)}`);
    await user.click(await screen.findByRole("button", { name: "Cancel import" }));
    await screen.findByRole("heading", { name: "Import cancelled" });
    expect(api.callsOf("CustomerImportCancel")[0].variables).toEqual({ jobId: JOB_ID });
    expect(screen.getByText("The import was cancelled before it finished: nothing of it was imported.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Undo import" })).toBeNull();
  });

  it("says why a failed import failed", async () => {
    const api = mockClient({ ImportJob: () => ({ importJob: job({ status: "FAILED", error: "The database went away." }) }) });
    renderWizard(api, `/customers/import?job=${encodeURIComponent(JOB_ID)}`);
    await screen.findByRole("heading", { name: "Import failed" });
    expect(screen.getByText("The database went away. Nothing was imported.")).toBeTruthy();
  });
});
