// Issue 16 in a real browser (files prefixed `duplicates-`): two profiles of one person (the same
// Gmail mailbox written differently), each with an appointment; the server's duplicate refresher
// runs every second (DUPLICATES_REFRESH_SECONDS=1) and the test reloads the "Possible duplicates"
// page until the group appears (deadline 60 s). Staff compare them (no sideways overflow at
// 390 px, no serious axe violations), merge after the confirmation, find both appointments on the
// kept profile, then undo the merge from its history: both profiles are back, one appointment each.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { startApp } from "./support/app.mjs";
import { cleanOutput, launchBrowser, openPage } from "./support/browser.mjs";
import { sidewaysOverflow } from "./support/live.mjs";
import { assertNoAxeViolations, signIn } from "./support/suite.mjs";

const suffix = randomBytes(3).toString("hex");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const GROUP_DEADLINE_MS = 60_000;
const LAST_NAME = `Dupe${suffix}`;
const KEEP_NAME = `Dora ${LAST_NAME}`;
const MERGE_NAME = `Dorothea ${LAST_NAME}`;

let app;
let browser;

async function newCustomer(firstName, email, daysAhead) {
  const created = await app.graphql(
    "mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id } userErrors { message } } }",
    { input: { firstName, lastName: LAST_NAME, email } },
  );
  assert.deepEqual(created.customerCreate.userErrors, []);
  const id = created.customerCreate.customer.id;
  const startsAt = new Date(Date.now() + daysAhead * 24 * 3600 * 1000);
  const booked = await app.graphql(
    "mutation ($input: AppointmentCreateInput!) { appointmentCreate(input: $input) { appointment { id } userErrors { message } } }",
    { input: { customerId: id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 30 * 60 * 1000).toISOString(), services: ["Checkup"] } },
  );
  assert.deepEqual(booked.appointmentCreate.userErrors, []);
  return id;
}

async function appointmentCount(id) {
  const data = await app.graphql("query ($id: ID!) { customer(id: $id) { id appointments(first: 0) { totalCount } } }", { id });
  return data.customer ? data.customer.appointments.totalCount : null;
}

describe("issue 16: possible duplicates, merge and unmerge in Chromium", { timeout: 300_000 }, () => {
  before(async () => {
    cleanOutput({ only: "duplicates-" });
    app = await startApp({ logName: "duplicates-server.log", env: { DUPLICATES_REFRESH_SECONDS: "1" } });
    try {
      browser = await launchBrowser();
    } catch (error) {
      await app.stop();
      throw error;
    }
  }, { timeout: 120_000 });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("the group appears, is merged from the duplicates page and unmerged from the history", { timeout: 240_000 }, async () => {
    // One Gmail mailbox: Gmail ignores dots, case and a +tag (SAME_EMAIL_NORMALISED).
    const keepId = await newCustomer("Dora", `dora.dupe.${suffix}@gmail.com`, 3);
    const mergeId = await newCustomer("Dorothea", `DoraDupe${suffix}+booking@Gmail.com`, 5);
    const { page, step, axeViolations } = await openPage(browser, "duplicates-desktop", DESKTOP);
    const group = page.getByRole("article", { name: new RegExp(`${LAST_NAME}.* and .*${LAST_NAME}`) });

    await step("signed in on the duplicates page", async () => {
      await signIn(page, app, { path: "/duplicates" });
      await page.getByRole("heading", { level: 1, name: "Possible duplicates" }).waitFor();
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Duplicates" }).waitFor();
    });

    await step("the group appears once the refresher has run", async () => {
      const deadline = Date.now() + GROUP_DEADLINE_MS;
      for (;;) {
        // the page has its answer: the count of groups (and when they were checked)
        await page.getByRole("status").filter({ hasText: /group/ }).first().waitFor();
        if (await group.count()) break;
        assert.ok(Date.now() < deadline, "the duplicate group did not appear within 60 s");
        await page.reload();
        await page.getByRole("heading", { level: 1, name: "Possible duplicates" }).waitFor();
      }
      const text = await group.textContent();
      assert.match(text, /Their email addresses reach the same mailbox\./);
      assert.match(text, /score \d+ of 100/);
      await assertNoAxeViolations(axeViolations);
    });

    await step("compare: keep Dora, the differing fields with a choice each", async () => {
      await group.getByRole("region", { name: KEEP_NAME }).getByRole("radio", { name: "Keep this profile" }).check();
      await group.getByRole("button", { name: "Compare and merge…" }).click();
      await group.getByRole("group", { name: "First name" }).waitFor();
      await assertNoAxeViolations(axeViolations);
    });

    await step("phone width: no sideways overflow, no serious axe violations", async () => {
      await page.setViewportSize(PHONE);
      await page.waitForFunction(() => window.innerWidth === 390);
      assert.equal(await sidewaysOverflow(page), 0);
      await assertNoAxeViolations(axeViolations);
    });

    await step("back at desktop width", async () => {
      await page.setViewportSize(DESKTOP);
      await page.waitForFunction(() => window.innerWidth === 1280);
    });

    await step("merge after the confirmation; the message links the kept profile", async () => {
      await group.getByRole("button", { name: "Merge…" }).click();
      const dialog = page.getByRole("dialog", { name: `Merge ${MERGE_NAME} into ${KEEP_NAME}?` });
      await dialog.getByRole("button", { name: "Merge", exact: true }).click();
      const notice = page.getByRole("status").filter({ hasText: "is now part of" });
      await notice.waitFor();
      await notice.getByRole("button", { name: "Undo (unmerge)" }).waitFor();
      assert.equal(await appointmentCount(keepId), 2);
      assert.equal(await appointmentCount(mergeId), null);
      await notice.getByRole("link", { name: KEEP_NAME }).click();
    });

    await step("the kept profile holds both appointments", async () => {
      await page.getByRole("heading", { level: 1, name: KEEP_NAME }).waitFor();
      await page.getByRole("tab", { name: "Appointments (2)" }).waitFor();
    });

    await step("unmerge from the history: both profiles are back", async () => {
      await page.getByRole("tab", { name: "History" }).click();
      const entries = page.getByRole("list", { name: "History entries" });
      await entries.getByRole("button", { name: "Unmerge" }).click();
      await entries.getByRole("status").filter({ hasText: "The merge is undone" }).waitFor();
      await page.getByRole("tab", { name: "Appointments (1)" }).waitFor();
      assert.equal(await appointmentCount(keepId), 1);
      assert.equal(await appointmentCount(mergeId), 1);
      await entries.getByRole("link", { name: MERGE_NAME }).click();
      await page.getByRole("heading", { level: 1, name: MERGE_NAME }).waitFor();
      await page.getByRole("tab", { name: "Appointments (1)" }).waitFor();
    });
    await page.close();
  });
});
