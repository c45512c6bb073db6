// Issue 15 in a real browser (files prefixed `messages-`): staff send a message from the profile;
// the live server's dispatcher sends it through the development outbox, and its text carries the
// link to the customer's preferences page. That page (/preferences/<token>, no sign-in, none of
// the staff app's code) works at phone width: the customer switches email off and chooses German,
// and the profile's history shows the change; a changed link is refused. A message that could
// not be sent (both channels unusable: SKIPPED) shows why on the profile, Resend is refused while
// nothing can be sent and, once email is on, queues a new message that is sent. Settings →
// Messages shows a template's preview.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, afterEach, before, describe, test } from "node:test";
import { openPage } from "./support/browser.mjs";
import { sidewaysOverflow } from "./support/live.mjs";
import { assertNoAxeViolations, signIn, startSuite } from "./support/suite.mjs";

const TEST_TIMEOUT = 90_000;
const suffix = randomBytes(3).toString("hex");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let suite;
let app;
let browser;

const profilePath = (id) => `/customers/${encodeURIComponent(id)}`;

/** Pages a test opened: closed after it, also when it failed. */
const openPages = [];

async function open(name, viewport) {
  const opened = await openPage(browser, name, viewport);
  openPages.push(opened.page);
  return opened;
}

async function newCustomer(input) {
  const data = await app.graphql(
    "mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id displayName } userErrors { message } } }",
    { input },
  );
  assert.deepEqual(data.customerCreate.userErrors, []);
  return data.customerCreate.customer;
}

const MESSAGES = `query ($id: ID!) { customer(id: $id) { communications(first: 10) { edges { node { id kind status body error } } } } }`;

/** Polls (with a deadline) the customer's messages until `done(messages)` holds; returns them. */
async function messagesWhen(customerId, done, what) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const data = await app.graphql(MESSAGES, { id: customerId });
    const messages = data.customer.communications.edges.map((edge) => edge.node);
    if (done(messages)) return messages;
    if (Date.now() > deadline) throw new Error(`waited 30 s for ${what}: ${JSON.stringify(messages)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("issue 15: messages in Chromium", { timeout: 600_000 }, () => {
  before(async () => {
    suite = await startSuite({ clean: { only: "messages-" }, logName: "messages-server.log" });
    ({ app, browser } = suite);
    const { page, step } = await open("messages-signin");
    await step("signed in", async () => {
      await signIn(page, app, { path: "/customers" });
      await page.getByRole("heading", { level: 1, name: "Customers" }).waitFor();
    });
  }, { timeout: 120_000 });

  afterEach(async () => {
    for (const page of openPages.splice(0)) await page.close().catch(() => {});
  });

  after(async () => {
    await suite?.stop();
  });

  test("staff send a message; its link opens the preferences page at phone width, where the customer switches email off and chooses German", { timeout: TEST_TIMEOUT }, async () => {
    const lastName = `Prefs-${suffix}`;
    const customer = await newCustomer({ firstName: "Petra", lastName, email: `petra.${suffix}@example.com`, emailEnabled: true, smsEnabled: false });
    const staff = await open("messages-send", DESKTOP);
    const messages = staff.page.getByRole("list", { name: "Messages", exact: true });

    await staff.step("message sent from the profile", async () => {
      await staff.page.goto(`${app.baseUrl}${profilePath(customer.id)}`);
      await staff.page.getByRole("heading", { level: 1, name: customer.displayName }).waitFor();
      await staff.page.getByRole("tab", { name: "Messages" }).click();
      await staff.page.getByText("No messages yet.").waitFor();
      await staff.page.getByRole("button", { name: "Send message" }).click();
      const dialog = staff.page.getByRole("dialog", { name: `Message to ${customer.displayName}` });
      assert.equal(await dialog.getByRole("radio", { name: /^SMS/ }).isDisabled(), true);
      assert.equal(await dialog.getByRole("radio", { name: /^Email/ }).isChecked(), true);
      await dialog.getByRole("button", { name: "Send message" }).click();
      await dialog.getByText("An email needs a subject.").waitFor();
      await dialog.getByLabel("Subject").fill("Your voucher");
      await dialog.getByRole("textbox", { name: "Message", exact: true }).fill(`Dear Petra,\n\nyour voucher ${suffix} is ready.`);
      await assertNoAxeViolations(staff.axeViolations);
      await dialog.getByRole("button", { name: "Send message" }).click();
      await dialog.waitFor({ state: "detached" });
      await staff.page.getByText(`Your email to ${customer.displayName} is queued and will be sent within seconds.`).waitFor();
      // the list asks again while the message waits: it turns Sent without a reload
      await messages.locator(".message", { hasText: "Your voucher" }).locator(".delivery--sent").waitFor();
      await assertNoAxeViolations(staff.axeViolations);
    });

    const [sent] = await messagesWhen(customer.id, (list) => list.some((m) => m.status === "SENT"), "the message to be sent");
    assert.equal(sent.kind, "MANUAL");
    const link = /\/preferences\/[A-Za-z0-9_.-]+/.exec(sent.body)?.[0];
    assert.ok(link, `no preferences link in ${sent.body}`);

    const visitor = await open("messages-preferences", PHONE);
    const scripts = [];
    visitor.page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith(".js")) scripts.push(url.pathname);
    });
    await visitor.step("preferences page at phone width", async () => {
      await visitor.page.goto(`${app.baseUrl}${link}`);
      await visitor.page.getByRole("heading", { level: 1, name: "Your message preferences" }).waitFor();
      await visitor.page.getByText("Hello Petra, this is how").waitFor();
      assert.equal(await visitor.page.getByLabel("Emails").isChecked(), true);
      assert.equal(await visitor.page.getByLabel("Email address").inputValue(), `petra.${suffix}@example.com`);
      const overflow = await sidewaysOverflow(visitor.page);
      assert.ok(overflow <= 0, `the preferences page overflows sideways by ${overflow}px`);
      await assertNoAxeViolations(visitor.axeViolations);
      assert.deepEqual(scripts.filter((name) => /\/staff-/.test(name)), [], `staff chunk loaded: ${scripts.join(", ")}`);
    });
    await visitor.step("email off, German chosen, saved", async () => {
      await visitor.page.getByLabel("Emails").uncheck();
      await visitor.page.getByLabel("Language of messages").selectOption({ label: "Deutsch" });
      await visitor.page.getByRole("button", { name: "Save preferences" }).click();
      await visitor.page.getByText("Thank you, your preferences are saved.").waitFor();
      assert.equal(await visitor.page.getByLabel("Emails").isChecked(), false);
      assert.ok((await sidewaysOverflow(visitor.page)) <= 0, "the saved page overflows sideways");
      await assertNoAxeViolations(visitor.axeViolations);
    });
    await visitor.step("a changed link is refused", async () => {
      const token = link.slice("/preferences/".length);
      const at = 10;
      const tampered = token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);
      await visitor.page.goto(`${app.baseUrl}/preferences/${tampered}`);
      await visitor.page.getByRole("heading", { level: 1, name: "This link does not work" }).waitFor();
      assert.equal(await visitor.page.getByRole("button", { name: "Save preferences" }).count(), 0);
      assert.ok((await sidewaysOverflow(visitor.page)) <= 0, "the refusal overflows sideways");
      await assertNoAxeViolations(visitor.axeViolations);
    });

    await staff.step("the profile shows the change, by the customer, in its history", async () => {
      await staff.page.goto(`${app.baseUrl}${profilePath(customer.id)}`);
      const preferences = staff.page.getByRole("region", { name: "Preferences" });
      await preferences.getByText("German").waitFor();
      await staff.page.getByRole("tab", { name: "History" }).click();
      const entry = staff.page.locator(".history__entry", { hasText: "Customer (preferences page)" });
      await entry.waitFor();
      const text = await entry.innerText();
      assert.match(text, /Email enabled:\s*Yes\s*→\s*No/);
      assert.match(text, /Preferred language:\s*—\s*→\s*de/);
      await assertNoAxeViolations(staff.axeViolations);
    });
  });

  test("a message that could not be sent shows why on the profile; Resend queues a new one once it can go", { timeout: TEST_TIMEOUT }, async () => {
    const lastName = `Skipped-${suffix}`;
    const customer = await newCustomer({ firstName: "Sven", lastName, email: `sven.${suffix}@example.com`, emailEnabled: false, smsEnabled: true });
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    tomorrow.setUTCMinutes(0, 0, 0);
    const booked = await app.graphql(
      "mutation ($input: AppointmentCreateInput!) { appointmentCreate(input: $input) { appointment { id } userErrors { message } } }",
      { input: { customerId: customer.id, startsAt: tomorrow.toISOString(), endsAt: new Date(tomorrow.getTime() + 45 * 60 * 1000).toISOString(), services: ["Checkup"] } },
    );
    assert.deepEqual(booked.appointmentCreate.userErrors, []);
    const [skipped] = await messagesWhen(customer.id, (list) => list.some((m) => m.status === "SKIPPED"), "the confirmation to be skipped");
    assert.equal(skipped.kind, "CONFIRMATION");
    assert.ok(skipped.error, "a skipped message says why");

    const { page, step, axeViolations } = await open("messages-resend", DESKTOP);
    const messages = page.getByRole("list", { name: "Messages", exact: true });
    const rows = messages.locator(":scope > .message");
    await step("the skipped confirmation and why, in the appointment's history and the Messages tab", async () => {
      await page.goto(`${app.baseUrl}${profilePath(customer.id)}`);
      await page.getByRole("heading", { level: 1, name: customer.displayName }).waitFor();
      const upcoming = page.getByRole("list", { name: "Upcoming appointments" });
      await upcoming.locator(".appointment__toggle", { hasText: "Checkup" }).click();
      await upcoming.getByText(`Not sent: ${skipped.error}`).waitFor();
      await page.getByRole("tab", { name: "Messages" }).click();
      await rows.first().waitFor();
      assert.equal(await rows.count(), 1);
      const row = rows.first();
      await row.locator(".delivery--skipped", { hasText: "Skipped" }).waitFor();
      await row.getByText(`Not sent: ${skipped.error}`).waitFor();
      await row.getByText("Confirmation").waitFor();
      await assertNoAxeViolations(axeViolations);
    });
    await step("Resend refused while nothing can be sent", async () => {
      await rows.first().getByRole("button", { name: "Resend" }).click();
      await rows.first().getByRole("alert").getByText("It was not sent again:").waitFor();
      assert.equal(await rows.count(), 1);
    });
    await step("email switched on: Resend queues a new message, which is sent", async () => {
      const updated = await app.graphql(
        "mutation ($id: ID!) { customerUpdate(id: $id, input: { emailEnabled: true }) { userErrors { message } } }",
        { id: customer.id },
      );
      assert.deepEqual(updated.customerUpdate.userErrors, []);
      // the profile follows the change live; a reload makes sure it is the one shown
      await page.reload();
      await page.getByRole("tab", { name: "Messages" }).click();
      await rows.first().waitFor();
      await rows.first().getByRole("button", { name: "Resend" }).click();
      await page.waitForFunction(() => document.querySelectorAll('[aria-label="Messages"] > .message').length === 2);
      // newest first: the new confirmation, sent by the outbox; the skipped one stays
      await rows.nth(0).locator(".delivery--sent").waitFor();
      await rows.nth(1).locator(".delivery--skipped").waitFor();
      await assertNoAxeViolations(axeViolations);
    });
    const after = await messagesWhen(customer.id, (list) => list.length === 2 && list.some((m) => m.status === "SENT"), "the resent message");
    assert.deepEqual(after.map((m) => m.status).sort(), ["SENT", "SKIPPED"]);
  });

  test("Settings → Messages: reminders, and a template's live preview", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await open("messages-settings", DESKTOP);
    await step("page with reminders and a preview", async () => {
      await page.goto(`${app.baseUrl}/customers`);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Messages" }).click();
      await page.getByRole("heading", { level: 1, name: "Messages" }).waitFor();
      assert.equal(await page.getByLabel("First reminder (hours before)").inputValue(), "24");
      const preview = page.getByRole("region", { name: /Preview/ });
      await preview.locator(".message__body").first().waitFor();
      await assertNoAxeViolations(axeViolations);
    });
    await step("a broken template is explained at its field", async () => {
      const subject = page.getByLabel("Email subject");
      await subject.fill("Your appointment {{ appointment.date");
      await page.waitForFunction(() => document.querySelector('input[name="subject"]')?.getAttribute("aria-invalid") === "true");
      await page.getByText("This text cannot be used yet:").waitFor();
      await assertNoAxeViolations(axeViolations);
    });
  });
});
