// Issue 12 in a real browser: a CSV of six rows (one bad email, one person twice in another
// case) uploaded through the import wizard, its columns matched by suggestion, the preview's
// counts, the import followed by its progress bar to the result, the rejected rows downloaded
// (the bad row and its reason), Undo, and the customers gone again; the export of a searched
// list holding exactly the customers found, and one customer's data file; axe on each screen
// and phone width. Its own server and database; screenshots are prefixed "import-".
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { openPage } from "./support/browser.mjs";
import { OUTPUT_DIR } from "./support/paths.mjs";
import { assertNoAxeViolations, signIn, startSuite } from "./support/suite.mjs";

const TEST_TIMEOUT = 90_000;
/** The import of six rows runs in the background: it finishes well within this. */
const IMPORT_WAIT_MS = 30_000;
/** Surnames none of the demo customers has. */
const ROWS = [
  ["Ingrid", "Zwahlenberger", "ingrid.zwahlenberger@example.org"],
  ["Ottmar", "Quenzerling", "ottmar.quenzerling@example.org"],
  ["Brunhild", "Yersinova", "not-an-email"],
  ["Ferdinand", "Xandrykowski", "ferdinand.xandrykowski@example.org"],
  ["FERDINAND", "XANDRYKOWSKI", "Ferdinand.Xandrykowski@Example.ORG"],
  ["Wendelin", "Vuilleumierhof", "wendelin.vuilleumierhof@example.org"],
];
const CSV = ["First name,Last name,Email", ...ROWS.map((row) => row.join(","))].join("\r\n") + "\r\n";
const EXPORT_SEARCH = "Brotzeitler";
const EXPORTED = [
  ["Alma", "Brotzeitler", "alma.brotzeitler@example.net"],
  ["Bert", "Brotzeitler", "bert.brotzeitler@example.net"],
];

let suite;
let app;
let browser;
let csvPath;

const listRows = (page) => page.getByRole("list", { name: "Customers", exact: true }).getByRole("listitem");

/** The figures of a counts group ("What the file holds", "What the import did") by label. */
async function figures(page, name) {
  return page.getByRole("group", { name }).evaluate((group) =>
    Object.fromEntries([...group.querySelectorAll("dt")].map((dt) => [dt.textContent, Number(dt.nextElementSibling.textContent)])),
  );
}

async function downloadedText(page, click) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await download.path();
  return { text: fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""), name: download.suggestedFilename() };
}

/** How many customers have exactly this email (the search is typo-tolerant: it finds others too). */
async function customersWithEmail(email) {
  const data = await app.graphql("query ($q: String!) { customers(search: $q, first: 100) { edges { node { email } } } }", { q: email });
  return data.customers.edges.filter((edge) => edge.node.email?.toLowerCase() === email.toLowerCase()).length;
}

/** A simple CSV line splitter (the export quotes fields with commas, quotes or line breaks). */
function csvRecords(text) {
  const records = [];
  let field = "";
  let record = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field || record.length) record.push(field), records.push(record);
  return records;
}

describe("import and export in Chromium", { timeout: 400_000 }, () => {
  before(async () => {
    suite = await startSuite({ clean: { only: "import-" }, logName: "import-server.log" });
    ({ app, browser } = suite);
    csvPath = path.join(OUTPUT_DIR, "import-clients.csv");
    fs.writeFileSync(csvPath, CSV);
    for (const [firstName, lastName, email] of EXPORTED) {
      await app.graphql(
        "mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id } userErrors { message } } }",
        { input: { firstName, lastName, email } },
      );
    }
    const { page } = await openPage(browser, "import-signin");
    await signIn(page, app);
    await listRows(page).first().waitFor();
    await page.close();
  }, { timeout: 120_000 });

  after(async () => {
    if (csvPath) fs.rmSync(csvPath, { force: true });
    await suite?.stop();
  });

  test("a CSV is matched, previewed, imported with live progress, its rejected rows downloaded, then undone", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await openPage(browser, "import-wizard");
    await step("the wizard from the navigation", async () => {
      await page.goto(`${app.baseUrl}/customers`);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
      await page.getByRole("heading", { level: 1, name: "Import customers" }).waitFor();
      assert.equal(await page.getByRole("link", { name: "Download template" }).getAttribute("href"), "/import/template.csv");
      await assertNoAxeViolations(axeViolations);
    });

    await step("uploaded: the columns matched by suggestion", async () => {
      await page.getByLabel("Spreadsheet file").setInputFiles(csvPath);
      await page.getByRole("button", { name: "Upload and preview" }).click();
      await page.getByRole("heading", { name: "Match the columns" }).waitFor();
      assert.equal(await page.getByLabel("Import “First name” as").inputValue(), "first_name");
      assert.equal(await page.getByLabel("Import “Last name” as").inputValue(), "last_name");
      assert.equal(await page.getByLabel("Import “Email” as").inputValue(), "email");
      assert.match(page.url(), /\/customers\/import\?job=/);
      await assertNoAxeViolations(axeViolations);
    });

    let valid;
    await step("the preview: counts, the bad email in red, the duplicate marked", async () => {
      const counts = await figures(page, "What the file holds");
      assert.equal(counts.Rows, 6);
      assert.equal(counts["With errors"], 1);
      assert.equal(counts["Duplicates in the file"], 1);
      assert.equal(counts["Already customers"], 0);
      valid = counts.Valid;
      const rows = page.getByRole("region", { name: "First rows as they would be imported" }).getByRole("row");
      // Row 4 of the file (the header is row 1): its email cell in red with the reason.
      const bad = rows.filter({ has: page.getByRole("rowheader", { name: "4", exact: true }) });
      const cell = bad.locator(".import-cell--error");
      assert.equal(await cell.count(), 1);
      assert.match(await cell.innerText(), /email/i);
      await rows.filter({ hasText: "XANDRYKOWSKI" }).getByText("Same person as row 5").waitFor();
    });

    await step("imported: the progress bar, then the result", async () => {
      // Record every value the progress bar shows (six rows may take less than a frame).
      await page.evaluate(() => {
        window.__progress = [];
        const seen = () => {
          const bar = document.querySelector('[role="progressbar"], progress');
          if (bar) window.__progress.push(Number(bar.getAttribute("aria-valuenow")));
        };
        new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      const commit = page.getByRole("button", { name: /^Import \d+ customers?$/ });
      assert.equal(await commit.innerText(), `Import ${valid} customers`);
      await commit.click();
      await page.getByRole("heading", { name: "Import finished" }).waitFor({ timeout: IMPORT_WAIT_MS });
      const progress = await page.evaluate(() => window.__progress);
      assert.ok(progress.length > 0, "a progress bar was shown");
      assert.ok(progress.every((value) => value >= 0 && value <= 100), JSON.stringify(progress));
      const done = await figures(page, "What the import did");
      assert.equal(done.Created, 4);
      assert.equal(done.Rejected, 1);
      assert.equal(done["Duplicates in the file"], 1);
      assert.equal(await customersWithEmail(ROWS[0][2]), 1);
      assert.equal(await customersWithEmail(ROWS[3][2]), 1);
      await assertNoAxeViolations(axeViolations);
    });

    await step("the rejected rows: the bad row and its reason", async () => {
      const { text } = await downloadedText(page, () => page.getByRole("link", { name: "Download rejected rows (CSV)" }).click());
      const [header, ...records] = csvRecords(text.trim());
      assert.deepEqual(header.slice(0, 4), ["Row", "First name", "Last name", "Email"]);
      assert.equal(header.at(-1), "Reason");
      assert.equal(records.length, 1, text);
      assert.deepEqual(records[0].slice(0, 4), ["4", "Brunhild", "Yersinova", "not-an-email"]);
      assert.match(records[0].at(-1), /mail/i);
    });

    await step("undone after confirming: the customers are gone", async () => {
      await page.getByRole("button", { name: "Undo import" }).click();
      const dialog = page.getByRole("dialog", { name: "Undo this import?" });
      await assertNoAxeViolations(axeViolations);
      await dialog.getByRole("button", { name: "Undo import" }).click();
      await page.getByRole("heading", { name: "Import undone" }).waitFor();
      await page.getByText(/^This import was undone: the 4 customers it created were deleted/).waitFor();
      for (const [, , email] of ROWS) assert.equal(await customersWithEmail(email), 0, email);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
      await page.getByRole("searchbox", { name: "Search customers" }).fill("Zwahlenberger");
      await page.getByText(/(match(es)?|No customer matches) “Zwahlenberger”/).first().waitFor();
      assert.equal(await listRows(page).filter({ hasText: "Zwahlenberger" }).count(), 0);
    });
    await page.close();
  });

  test("the export of a searched list holds just those customers; the profile's data file", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await openPage(browser, "import-export");
    let shown = 0;
    let shownEmails = [];
    await step("list searched, Export opened", async () => {
      await page.goto(`${app.baseUrl}/customers?q=${EXPORT_SEARCH}`);
      const count = page.getByText(new RegExp(`^\\d+ customers? match(es)? “${EXPORT_SEARCH}”`));
      await count.waitFor();
      // The search is typo-tolerant (other customers may match too): the export must hold
      // exactly the customers the list shows, no more.
      shown = Number((await count.innerText()).split(" ")[0]);
      assert.equal(await listRows(page).count(), shown);
      shownEmails = (await listRows(page).allInnerTexts()).map((text) => /\S+@\S+/.exec(text)?.[0]).filter(Boolean).sort();
      for (const [, , email] of EXPORTED) assert.ok(shownEmails.includes(email), `${email} is listed`);
      await page.getByRole("button", { name: "Export" }).click();
      const dialog = page.getByRole("dialog", { name: "Export customers" });
      assert.equal(await dialog.getByLabel("Current search and filters").isChecked(), true);
      assert.equal(await dialog.getByRole("link", { name: "Download" }).getAttribute("href"), `/export/customers.csv?search=${EXPORT_SEARCH}`);
      await assertNoAxeViolations(axeViolations);
    });

    await step("the CSV holds the two customers found", async () => {
      const dialog = page.getByRole("dialog", { name: "Export customers" });
      const { text, name } = await downloadedText(page, () => dialog.getByRole("link", { name: "Download" }).click());
      assert.match(name, /\.csv$/);
      const [header, ...records] = csvRecords(text.trim());
      const column = header.findIndex((name) => /^e-?mail$/i.test(name));
      assert.ok(column >= 0, `an Email column in ${header.join(",")}`);
      assert.equal(records.length, shown, text);
      assert.deepEqual(records.map((record) => record[column]).filter(Boolean).sort(), shownEmails);
    });

    await step("Excel and all customers change the link", async () => {
      const dialog = page.getByRole("dialog", { name: "Export customers" });
      await dialog.getByLabel("Excel (.xlsx)").check();
      await dialog.getByLabel("All customers").check();
      assert.equal(await dialog.getByRole("link", { name: "Download" }).getAttribute("href"), "/export/customers.xlsx");
      await dialog.getByRole("button", { name: "Done" }).click();
      await dialog.waitFor({ state: "hidden" });
    });

    await step("the profile's Download data (JSON)", async () => {
      await listRows(page).getByRole("link", { name: "Alma Brotzeitler" }).click();
      await page.getByRole("heading", { level: 1, name: "Alma Brotzeitler" }).waitFor();
      const { text, name } = await downloadedText(page, () => page.getByRole("link", { name: "Download data (JSON)" }).click());
      assert.match(name, /\.json$/);
      assert.ok(text.includes(EXPORTED[0][2]));
      JSON.parse(text);
      await assertNoAxeViolations(axeViolations);
    });
    await page.close();
  });

  test("at phone width (375 px) the wizard's mapping and preview and the export dialog do not overflow", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await openPage(browser, "import-phone", { width: 375, height: 740 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await step("upload step", async () => {
      await page.goto(`${app.baseUrl}/customers/import`);
      await page.getByRole("heading", { level: 1, name: "Import customers" }).waitFor();
      assert.equal(await overflow(), 0);
    });
    await step("mapping and preview", async () => {
      await page.getByLabel("Spreadsheet file").setInputFiles(csvPath);
      await page.getByRole("button", { name: "Upload and preview" }).click();
      await page.getByRole("heading", { name: "Match the columns" }).waitFor();
      await page.getByRole("region", { name: "First rows as they would be imported" }).waitFor();
      assert.equal(await overflow(), 0);
      await assertNoAxeViolations(axeViolations);
    });
    await step("export dialog", async () => {
      await page.goto(`${app.baseUrl}/customers?q=${EXPORT_SEARCH}`);
      await listRows(page).filter({ hasText: "Alma Brotzeitler" }).waitFor();
      await page.getByRole("button", { name: "Export" }).click();
      await page.getByRole("dialog", { name: "Export customers" }).waitFor();
      assert.equal(await overflow(), 0);
    });
    await page.close();
  });
});
