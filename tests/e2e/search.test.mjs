// Issue 6 in a real browser: a misspelt surname finds the customer while typing (match marked),
// a dropdown custom field made on the settings page, set in the edit form and used as a list
// filter kept in the address; the API's INVALID_FILTER shown in the panel; axe on each screen.
// Its own server and database; screenshots are prefixed "fuzzy-".
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openPage } from "./support/browser.mjs";
import { assertNoAxeViolations, signIn, startSuite } from "./support/suite.mjs";

const TEST_TIMEOUT = 60_000;
/** The debounce (200 ms) plus one request: a search answers well within this. */
const SEARCH_WAIT_MS = 3_000;
const FIELD = { label: "Membership tier", key: "membership_tier", options: ["Gold", "Silver", "Bronze"] };

let suite;
let app;
let browser;
let customerId;

const profilePath = (id) => `/customers/${encodeURIComponent(id)}`;
const listRows = (page) => page.getByRole("list", { name: "Customers", exact: true }).getByRole("listitem");

describe("search and custom fields in Chromium", { timeout: 200_000 }, () => {
  before(async () => {
    suite = await startSuite({ clean: { only: "fuzzy-" }, logName: "fuzzy-server.log" });
    ({ app, browser } = suite);
    // A surname none of the 60 demo customers has.
    const data = await app.graphql(
      `mutation { customerCreate(input: { firstName: "Hildegard", lastName: "Wüthrich", email: "hildegard.wuethrich@example.org" }) {
         customer { id } userErrors { message } } }`,
    );
    customerId = data.customerCreate.customer.id;
    const { page } = await openPage(browser, "fuzzy-signin");
    await signIn(page, app);
    await listRows(page).first().waitFor();
    await page.close();
  }, { timeout: 120_000 });

  after(async () => {
    await suite?.stop();
  });

  test("typing a misspelt surname shows the right customer within the debounce, the match marked", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await openPage(browser, "fuzzy-search");
    await page.goto(`${app.baseUrl}/customers`);
    await listRows(page).first().waitFor();
    await step("typed “Wütrich”", async () => {
      await page.getByRole("searchbox", { name: "Search customers" }).pressSequentially("Wütrich", { delay: 30 });
      const first = listRows(page).first();
      await first.filter({ hasText: "Hildegard Wüthrich" }).waitFor({ timeout: SEARCH_WAIT_MS });
      const mark = first.locator("mark").first();
      assert.ok(await mark.isVisible(), "the matched span is marked");
      assert.match(await mark.innerText(), /W/);
      await page.getByText(/^\d+ customers? match(es)? “Wütrich”/).waitFor();
      assert.match(page.url(), /\?q=W%C3%BCtrich$/);
    });
    await step("the relevance sort is offered while searching", async () => {
      const sort = page.getByRole("combobox", { name: "Sort by" });
      assert.equal(await sort.inputValue(), "relevance");
      await assertNoAxeViolations(axeViolations);
    });
    await step("cleared: Relevance is no longer offered", async () => {
      await page.getByRole("searchbox", { name: "Search customers" }).fill("");
      await page.getByText(/^\d+ customers$/).waitFor();
      assert.equal(await page.getByRole("combobox", { name: "Sort by" }).locator('option[value="relevance"]').count(), 0);
    });
    await page.close();
  });

  test("a dropdown field made in Settings, set in the edit form, filters the list to that customer", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await openPage(browser, "fuzzy-fields");
    await step("field created on the settings page", async () => {
      await page.goto(`${app.baseUrl}/customers`);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Custom fields" }).click();
      await page.getByRole("heading", { level: 1, name: "Custom fields" }).waitFor();
      const form = page.getByRole("form", { name: "Add a custom field" });
      await form.getByLabel("Label").fill(FIELD.label);
      assert.equal(await form.getByLabel("Key").inputValue(), FIELD.key);
      await form.getByLabel("Type").selectOption("DROPDOWN");
      await form.getByLabel("Options").fill(FIELD.options.join("\n"));
      await assertNoAxeViolations(axeViolations);
      await form.getByRole("button", { name: "Add field" }).click();
      await page.getByRole("list", { name: "Custom fields" }).getByText(FIELD.label).waitFor();
      await form.getByText(`Custom field added: ${FIELD.label}.`).waitFor();
    });
    await step("a duplicate key is refused at the key field", async () => {
      const form = page.getByRole("form", { name: "Add a custom field" });
      await form.getByLabel("Label").fill(FIELD.label);
      await form.getByRole("button", { name: "Add field" }).click();
      const key = form.getByLabel("Key");
      await page.waitForFunction(() => document.querySelector('input[name="key"]')?.getAttribute("aria-invalid") === "true");
      const errorId = (await key.getAttribute("aria-describedby")).split(" ").find((id) => id.endsWith("-error"));
      assert.match(await page.locator(`[id="${errorId}"]`).innerText(), /exists/);
    });

    await step("set to Gold in the edit form", async () => {
      await page.goto(`${app.baseUrl}${profilePath(customerId)}`);
      await page.getByRole("heading", { level: 1, name: "Hildegard Wüthrich" }).waitFor();
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      const form = page.getByRole("form", { name: "Edit customer" });
      await form.getByLabel(FIELD.label).selectOption("Gold");
      await assertNoAxeViolations(axeViolations);
      await form.getByRole("button", { name: "Save changes" }).click();
      await form.waitFor({ state: "detached" });
      const custom = page.getByRole("region", { name: "Custom fields" });
      await custom.getByText("Gold").waitFor();
      assert.match(await custom.innerText(), new RegExp(`${FIELD.label}\\s+Gold`));
    });

    await step("filtered by it: only that customer", async () => {
      await page.goto(`${app.baseUrl}/customers`);
      await listRows(page).first().waitFor();
      assert.ok((await listRows(page).count()) > 1);
      await page.getByRole("button", { name: "Filters" }).click();
      const panel = page.getByRole("region", { name: "Filters" });
      await panel.getByRole("group", { name: FIELD.label }).getByLabel("Gold").check();
      await page.getByText("1 customer matches the filters").waitFor();
      assert.equal(await listRows(page).count(), 1);
      assert.match(await listRows(page).first().innerText(), /Hildegard Wüthrich/);
      assert.match(page.url(), new RegExp(`cf\\.${FIELD.key}=Gold`));
      await assertNoAxeViolations(axeViolations);
    });

    await step("the filter survives a reload", async () => {
      await page.reload();
      await page.getByText("1 customer matches the filters").waitFor();
      assert.equal(await listRows(page).count(), 1);
      assert.equal(await page.getByRole("region", { name: "Filters" }).getByLabel("Gold").isChecked(), true);
      await page.getByRole("button", { name: "Clear filters" }).first().click();
      await page.getByText(/^\d+ customers$/).waitFor();
      assert.doesNotMatch(page.url(), /cf\./);
    });

    await step("an unknown field in a shared address: the API's INVALID_FILTER in the panel", async () => {
      await page.goto(`${app.baseUrl}/customers?cf.no_such_field=x`);
      const alert = page.getByRole("region", { name: "Filters" }).getByRole("alert");
      await alert.waitFor();
      assert.match(await alert.innerText(), /This filter cannot be applied/);
      assert.match(await alert.innerText(), /no_such_field/);
    });

    await step("deleting a field in use archives it instead", async () => {
      await page.goto(`${app.baseUrl}/settings/custom-fields`);
      await page.getByRole("button", { name: `Delete ${FIELD.label}` }).click();
      await page.getByRole("dialog", { name: "Delete custom field?" }).getByRole("button", { name: "Delete field" }).click();
      await page.getByText(`${FIELD.label} was archived instead of deleted`).waitFor();
      const row = page.getByRole("list", { name: "Custom fields" }).getByRole("listitem").filter({ hasText: FIELD.label });
      await row.getByText("Archived").waitFor();
      await row.getByRole("button", { name: `Restore ${FIELD.label}` }).waitFor();
      await assertNoAxeViolations(axeViolations);
    });
    await page.close();
  });

  test("at phone width (375 px) the search, the open filter panel and the settings page do not overflow", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step } = await openPage(browser, "fuzzy-phone", { width: 375, height: 740 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await step("list searched, filters open", async () => {
      await page.goto(`${app.baseUrl}/customers?q=W%C3%BCtrich`);
      await listRows(page).first().filter({ hasText: "Hildegard Wüthrich" }).waitFor();
      await page.getByRole("button", { name: "Filters" }).click();
      await page.getByRole("region", { name: "Filters" }).waitFor();
      assert.equal(await overflow(), 0);
    });
    await step("settings page", async () => {
      await page.goto(`${app.baseUrl}/settings/custom-fields`);
      await page.getByRole("form", { name: "Add a custom field" }).waitFor();
      assert.equal(await overflow(), 0);
    });
    await page.close();
  });
});
