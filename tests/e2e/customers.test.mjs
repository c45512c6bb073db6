// The staff SPA in a real browser against the real server: list, search, profile (one round
// trip), add, edit, delete, live updates, accessibility (axe-core) and phone width.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { openPage } from "./support/browser.mjs";
import { countSubscriptions, serverCounts } from "./support/live.mjs";
import { assertNoAxeViolations, signIn, startSuite } from "./support/suite.mjs";

const TEST_TIMEOUT = 60_000;
const suffix = randomBytes(3).toString("hex");
const NEW_CUSTOMER = { first: "Eva", last: `Testfrau-${suffix}` };
const NEW_NAME = `${NEW_CUSTOMER.first} ${NEW_CUSTOMER.last}`;

let suite;
let app;
let browser;
let profileId;
let newCustomerPath;

const profilePath = (id) => `/customers/${encodeURIComponent(id)}`;
const isGraphqlHttp = (request) => new URL(request.url()).pathname === "/graphql";
const operationName = (request) =>
  request.method() === "GET"
    ? new URL(request.url()).searchParams.get("operationName")
    : request.postDataJSON()?.operationName;

/** Rows of the main customer list (not the "Just added" box). */
const listRows = (page) => page.getByRole("list", { name: "Customers", exact: true }).getByRole("listitem");

describe("staff SPA in Chromium", { timeout: 170_000 }, () => {
  before(async () => {
    // staff, calendar and search.test.mjs clean their own screenshots
    // the other files' screenshots stay (the e2e files may run at the same time)
    suite = await startSuite({ clean: { except: ["staff-", "calendar-", "fuzzy-", "frontdesk-", "import-"] } });
    ({ app, browser } = suite);
    profileId = await app.seedProfile(50);
    // Sign in once; the other pages share the browser profile's session cookie.
    const { page, step, axeViolations } = await openPage(browser, "signin");
    await step("signed in", async () => {
      await signIn(page, app, { onSignInPage: () => assertNoAxeViolations(axeViolations) });
      await listRows(page).first().waitFor();
    });
    await page.close();
  }, { timeout: 120_000 });

  after(async () => {
    await suite?.stop();
  });

  test("the list shows the seeded customers, their total, chips and next appointments, and scrolls on", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step } = await openPage(browser, "list");
    await step("list loaded", async () => {
      await page.goto(`${app.baseUrl}/customers`); // "/" opens Today & upcoming (calendar.test.mjs)
      await assert.doesNotReject(listRows(page).first().waitFor());
      assert.equal(await listRows(page).count(), 25);
      const count = await page.locator(".list-count").innerText();
      assert.match(count, /^61 customers/); // 60 demo customers + the long-history one
      assert.ok((await page.locator(".chip--allowed").count()) > 0);
      assert.ok(await page.locator(".customer-row").filter({ hasText: /\d{1,2} \w{3} \d{4}/ }).count(), "next appointments shown");
    });
    await step("scrolled to the end", async () => {
      for (let i = 0; i < 10 && (await listRows(page).count()) < 61; i++) {
        const before = await listRows(page).count();
        await page.locator(".list-end").scrollIntoViewIfNeeded();
        // the fact: the next page has been added (each page holds more rows)
        await listRows(page).nth(before).waitFor();
      }
      assert.equal(await listRows(page).count(), 61);
      await page.getByText("All 61 shown.").waitFor();
      assert.ok((await page.locator(".chip--blocked").count()) > 0, "a BLOCKED chip is shown");
    });
    await page.close();
  });

  test("search narrows the list as you type", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step } = await openPage(browser, "search");
    await page.goto(`${app.baseUrl}/customers`);
    await listRows(page).first().waitFor();
    await step("typed a partial name", async () => {
      const before = await listRows(page).count();
      await page.getByRole("searchbox", { name: "Search customers" }).pressSequentially("Profil", { delay: 40 });
      // Fuzzy search may add near misses below; the customer named so comes first, marked.
      await page.getByText(/^\d+ customers? match(es)? “Profil”/).waitFor();
      await listRows(page).first().filter({ hasText: /Paula Profil-/ }).waitFor();
      assert.ok(before > 1);
      assert.ok((await listRows(page).count()) < before, "the search narrowed the list");
      assert.match(await listRows(page).first().locator("mark").first().innerText(), /^Profil/);
      assert.match(page.url(), /\?q=Profil$/);
    });
    await step("typed an unknown name", async () => {
      await page.getByRole("searchbox", { name: "Search customers" }).fill("zzzzqqq");
      await page.getByText("No customer matches “zzzzqqq”.").waitFor();
    });
    await page.close();
  });

  test("the profile of a customer with 50 appointments opens with one request to /graphql; rows expand down to a message body", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step } = await openPage(browser, "profile");
    const requests = [];
    page.on("request", (request) => {
      if (isGraphqlHttp(request)) requests.push(request);
    });
    await step("opened directly", async () => {
      await page.goto(`${app.baseUrl}${profilePath(profileId)}`);
      await page.getByRole("heading", { level: 1, name: /^Paula Profil-/ }).waitFor();
      const upcoming = page.getByRole("list", { name: "Upcoming appointments" }).getByRole("listitem");
      const past = page.getByRole("list", { name: "Past appointments" }).getByRole("listitem");
      await past.first().waitFor();
      assert.equal((await upcoming.count()) + (await past.count()), 50);
      await page.waitForLoadState("networkidle");
      // A cold page load first asks who is signed in; the profile itself is one request.
      const operations = requests.map(operationName);
      assert.deepEqual(operations, ["Me", "CustomerProfile"]);
      assert.equal(await page.getByText("ALLOWED", { exact: false }).first().isVisible(), true);
    });

    await step("an appointment expanded", async () => {
      const rows = page.locator(".appointment__toggle");
      let found = false;
      for (let i = 0; i < (await rows.count()) && !found; i++) {
        await rows.nth(i).click();
        assert.equal(await rows.nth(i).getAttribute("aria-expanded"), "true");
        const panel = page.locator(`[id="${await rows.nth(i).getAttribute("aria-controls")}"]`);
        await panel.getByText(/^When$/).waitFor();
        assert.match(await panel.innerText(), /Location|Status|Services/);
        if ((await panel.locator(".message__toggle").count()) > 0) {
          found = true;
          const message = panel.locator(".message__toggle").first();
          await message.click();
          assert.equal(await message.getAttribute("aria-expanded"), "true");
          const details = page.locator(`[id="${await message.getAttribute("aria-controls")}"]`);
          const text = await details.innerText();
          assert.match(text, /Recipient\s+paula\.profil\./);
          assert.match(text, /Subject/);
          assert.match(text, /Delivered|failed|Not delivered/);
          assert.match(await details.locator(".message__body").innerText(), /^Dear Paula,[\s\S]*Kind regards,\nYour team$/);
        } else {
          await rows.nth(i).click();
          assert.equal(await rows.nth(i).getAttribute("aria-expanded"), "false");
        }
      }
      assert.ok(found, "an appointment with messages");
      assert.equal(requests.length, 2, "expanding needs no further request");
    });

    await step("opened from the list", async () => {
      await page.goto(`${app.baseUrl}/customers?q=Profil`);
      await listRows(page).first().waitFor();
      await page.waitForLoadState("networkidle");
      requests.length = 0;
      await page.getByRole("link", { name: /^Paula Profil-/ }).click();
      await page.getByRole("list", { name: "Past appointments" }).waitFor();
      await page.waitForLoadState("networkidle");
      assert.equal(requests.length, 1, `expected 1 request to /graphql, saw ${requests.length}`);
      assert.equal(operationName(requests[0]), "CustomerProfile");
    });
    await page.close();
  });

  test("adding a customer: an invalid phone is shown at the phone field; once fixed the customer appears", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step } = await openPage(browser, "add");
    await page.goto(`${app.baseUrl}/customers`);
    await listRows(page).first().waitFor();
    const dialog = page.getByRole("dialog", { name: "Add customer" });
    const phone = dialog.getByLabel("Mobile phone");

    await step("invalid phone", async () => {
      await page.getByRole("button", { name: "Add customer" }).click();
      await dialog.getByLabel("First name").fill(NEW_CUSTOMER.first);
      await dialog.getByLabel("Last name").fill(NEW_CUSTOMER.last);
      await dialog.getByLabel("Email").fill(`eva.${suffix}@example.org`);
      await phone.fill("12");
      await dialog.getByRole("button", { name: "Save" }).click();
      await page.waitForFunction(
        () => document.querySelector('dialog input[name="mobilePhone"]')?.getAttribute("aria-invalid") === "true",
      );
      const errorId = (await phone.getAttribute("aria-describedby")).split(" ").find((id) => id.endsWith("-error"));
      const error = page.locator(`[id="${errorId}"]`);
      assert.match(await error.innerText(), /12.*not a valid phone number/);
      // The message sits in the phone field's own box, not at the top of the form.
      const field = dialog.locator(".field").filter({ has: page.getByLabel("Mobile phone") });
      assert.equal(await field.locator(".field__error").count(), 1);
      assert.equal(await dialog.locator('[aria-invalid="true"]').count(), 1);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "mobilePhone");
    });

    await step("fixed and saved", async () => {
      await phone.fill(`+41 79 5${String(parseInt(suffix, 16) % 1_000_000).padStart(6, "0")}`);
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.waitFor({ state: "hidden" });
      const added = page.getByRole("region", { name: "Just added" }).getByRole("link", { name: NEW_NAME });
      await added.waitFor();
      newCustomerPath = new URL(await added.evaluate((a) => a.href)).pathname;
      await page.getByText("62 customers", { exact: true }).waitFor();
    });

    await step("found in the list", async () => {
      await page.getByRole("searchbox", { name: "Search customers" }).fill(NEW_CUSTOMER.last);
      await page.getByText(`1 customer matches “${NEW_CUSTOMER.last}”`).waitFor();
      assert.match(await listRows(page).first().innerText(), new RegExp(NEW_NAME));
    });
    await page.close();
  });

  test("editing a field of the new customer", { timeout: TEST_TIMEOUT }, async () => {
    assert.ok(newCustomerPath, "the add test created a customer");
    const { page, step } = await openPage(browser, "edit");
    await page.goto(`${app.baseUrl}${newCustomerPath}`);
    await page.getByRole("heading", { level: 1, name: NEW_NAME }).waitFor();
    await step("edit form", async () => {
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      const form = page.getByRole("form", { name: "Edit customer" });
      await form.getByLabel("Company").fill("Testwerk AG");
      await form.getByLabel("City").fill("Winterthur");
    });
    await step("saved", async () => {
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByRole("form", { name: "Edit customer" }).waitFor({ state: "detached" });
      const details = page.getByRole("region", { name: "Details" });
      assert.match(await details.innerText(), /Testwerk AG/);
      assert.match(await details.innerText(), /Winterthur/);
    });
    await step("still there after a reload", async () => {
      await page.reload();
      await page.getByRole("region", { name: "Details" }).getByText("Testwerk AG").waitFor();
    });
    await page.close();
  });

  test("an open profile follows a change made elsewhere (customerChanged over graphql-ws)", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step } = await openPage(browser, "live");
    const subscriptions = countSubscriptions(page);
    const sockets = [];
    page.on("websocket", (socket) => sockets.push(socket.url()));
    await page.goto(`${app.baseUrl}${profilePath(profileId)}`);
    await page.getByRole("heading", { level: 1, name: /^Paula Profil-/ }).waitFor();
    await page.waitForLoadState("networkidle");
    await step("renamed in another tab", async () => {
      assert.deepEqual(sockets, [`${app.baseUrl.replace("http", "ws")}/graphql`]);
      await serverCounts(browser, app, () => subscriptions.open, "the profile's subscriptions to be live");
      await app.graphql(
        `mutation ($id: ID!) { customerUpdate(id: $id, input: { notes: "Changed in another tab" }) { userErrors { message } } }`,
        { id: profileId },
      );
      await page.getByRole("region", { name: "Internal notes" }).getByText("Changed in another tab").waitFor();
    });
    await page.close();
  });

  test("deleting through the arrow next to Edit, with confirmation; the customer is gone from the list", { timeout: TEST_TIMEOUT }, async () => {
    assert.ok(newCustomerPath, "the add test created a customer");
    const { page, step } = await openPage(browser, "delete");
    await page.goto(`${app.baseUrl}${newCustomerPath}`);
    await page.getByRole("heading", { level: 1, name: NEW_NAME }).waitFor();
    await step("menu open", async () => {
      await page.getByRole("button", { name: "More actions" }).click();
      await page.getByRole("menuitem", { name: "Delete customer" }).waitFor();
    });
    await step("confirmation", async () => {
      await page.getByRole("menuitem", { name: "Delete customer" }).click();
      const dialog = page.getByRole("dialog", { name: "Delete customer?" });
      const text = await dialog.innerText();
      assert.match(text, /appointments/);
      assert.match(text, /communications/);
      assert.match(text, /calendars are not touched/);
      await dialog.getByRole("checkbox", { name: "Keep appointment history anonymised" }).check();
    });
    await step("deleted", async () => {
      await page.getByRole("dialog").getByRole("button", { name: "Delete customer" }).click();
      await page.waitForURL((url) => url.pathname === "/customers");
      await page.getByText(`${NEW_NAME} was deleted.`).waitFor();
      await listRows(page).first().waitFor();
      assert.equal(await page.getByRole("link", { name: NEW_NAME }).count(), 0);
      await page.getByText("61 customers", { exact: true }).waitFor();
    });
    await step("not found by search", async () => {
      await page.getByRole("searchbox", { name: "Search customers" }).fill(NEW_CUSTOMER.last);
      await page.getByText(`No customer matches “${NEW_CUSTOMER.last}”.`).waitFor();
    });
    await page.close();
  });

  test("axe-core finds no serious or critical violations on the list and the profile", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await openPage(browser, "axe");
    await step("list", async () => {
      await page.goto(`${app.baseUrl}/customers`);
      await listRows(page).first().waitFor();
      await assertNoAxeViolations(axeViolations);
    });
    await step("profile with an appointment and a message expanded", async () => {
      await page.goto(`${app.baseUrl}${profilePath(profileId)}`);
      await page.getByRole("list", { name: "Past appointments" }).waitFor();
      const withMessages = page.locator(".appointment").filter({ has: page.locator(".message__toggle") });
      const toggles = page.locator(".appointment__toggle");
      for (let i = 0; i < (await toggles.count()); i++) {
        await toggles.nth(i).click();
        if ((await withMessages.count()) > 0) break;
        await toggles.nth(i).click();
      }
      await withMessages.first().locator(".message__toggle").first().click();
      await assertNoAxeViolations(axeViolations);
    });
    await step("profile with the edit form and the delete dialog", async () => {
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      await assertNoAxeViolations(axeViolations);
      await page.getByRole("button", { name: "Cancel", exact: true }).click();
      await page.getByRole("button", { name: "More actions" }).click();
      await page.getByRole("menuitem", { name: "Delete customer" }).click();
      await assertNoAxeViolations(axeViolations);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "hidden" });
    });
    await page.close();
  });

  test("usable at phone width (375 px): nothing overflows sideways, keyboard reaches the rows", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step } = await openPage(browser, "phone", { width: 375, height: 740 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await step("list", async () => {
      await page.goto(`${app.baseUrl}/customers`);
      await listRows(page).first().waitFor();
      assert.equal(await overflow(), 0);
    });
    await step("profile expanded by keyboard", async () => {
      await page.goto(`${app.baseUrl}${profilePath(profileId)}`);
      const first = page.locator(".appointment__toggle").first();
      await first.waitFor();
      await first.focus();
      await page.keyboard.press("Enter");
      assert.equal(await first.getAttribute("aria-expanded"), "true");
      assert.equal(await overflow(), 0);
    });
    await page.close();
  });
});
