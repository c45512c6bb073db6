// Issue 13 in a real browser (files prefixed `frontdesk-`): at desktop (1280) and phone (390×844)
// width staff book an appointment from a profile, reschedule it, cancel it with a reason, mark a
// begun one as no-show and see the figures change; a customer with 200 appointments shows the
// upcoming ones; the public booking page (/book/<slug>) refuses a blocked person with the
// business's message without loading staff code, and a request appears live on Today, where staff
// confirm it; a calendar upload of 15 events gives ONE grouped notice; the phone layout's menu
// button and filter drawer, without sideways overflow.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, afterEach, before, describe, test } from "node:test";
import { openPage } from "./support/browser.mjs";
import { countSubscriptions, icsCalendar, serverCounts, sidewaysOverflow, uploadThroughPage } from "./support/live.mjs";
import { assertNoAxeViolations, signIn, startSuite } from "./support/suite.mjs";

const TEST_TIMEOUT = 90_000;
const suffix = randomBytes(3).toString("hex");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SYNC_NAME = `Praxis ${suffix}`;

let suite;
let app;
let browser;

const profilePath = (id) => `/customers/${encodeURIComponent(id)}`;

/** A datetime-local value `days` from today at `hour`:00 in the browser's zone. */
function localInput(page, days, hour) {
  return page.evaluate(
    ({ days, hour }) => {
      const d = new Date();
      d.setDate(d.getDate() + days);
      d.setHours(hour, 0, 0, 0);
      const pad = (n) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    },
    { days, hour },
  );
}

/** Waits until the profile's figure `name` (visits, no-shows, cancellations) reads `value`. */
async function figureIs(page, name, value) {
  await page.waitForFunction(
    ({ name, value }) => document.querySelector(`[data-figure="${name}"]`)?.textContent === value,
    { name, value },
  );
}

/** Every label in `scope` sits above its own control, inside the same column (phone dialogs). */
async function assertLabelsWithControls(scope) {
  const pairs = await scope.locator(".field:not(.field--checkbox)").evaluateAll((fields) =>
    fields.map((field) => {
      const label = field.querySelector("label");
      const control = label && document.getElementById(label.htmlFor);
      if (!label || !control) return null;
      const l = label.getBoundingClientRect();
      const c = control.getBoundingClientRect();
      return { text: label.textContent, labelBottom: l.bottom, controlTop: c.top, labelLeft: l.left, controlLeft: c.left, controlRight: c.right };
    }),
  );
  for (const pair of pairs.filter(Boolean)) {
    assert.ok(pair.labelBottom <= pair.controlTop + 1, `label "${pair.text}" is not above its control`);
    assert.ok(pair.labelLeft >= pair.controlLeft - 1 && pair.labelLeft < pair.controlRight, `label "${pair.text}" is not over its control`);
    assert.ok(pair.controlTop - pair.labelBottom < 40, `label "${pair.text}" is far from its control`);
  }
}

/** Pages a test opened: left after it, also when it failed (an open page keeps its subscriptions). */
const openPages = [];

async function open(name, viewport) {
  const opened = await openPage(browser, name, viewport);
  openPages.push(opened.page);
  return opened;
}

/** Leaves the page so its subscriptions end (the server counts none again), then closes it. */
async function leave(page) {
  if (page.isClosed()) return;
  await page.goto("about:blank");
  await serverCounts(browser, app, null, "the page's subscriptions to end");
  await page.close();
}

async function newCustomer(lastName) {
  const data = await app.graphql(
    "mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id } userErrors { message } } }",
    { input: { firstName: "Dora", lastName } },
  );
  assert.deepEqual(data.customerCreate.userErrors, []);
  return data.customerCreate.customer.id;
}

describe("issue 13: the front desk in Chromium", { timeout: 600_000 }, () => {
  before(async () => {
    suite = await startSuite({ clean: { only: "frontdesk-" }, logName: "frontdesk-server.log" });
    ({ app, browser } = suite);
    const { page, step } = await open("frontdesk-signin");
    await step("signed in", async () => {
      await signIn(page, app, { path: "/customers" });
      await page.getByRole("heading", { level: 1, name: "Customers" }).waitFor();
    });
    await leave(page);
  }, { timeout: 120_000 });

  afterEach(async () => {
    for (const page of openPages.splice(0)) await leave(page).catch(() => page.close());
  });

  after(async () => {
    await suite?.stop();
  });

  for (const [label, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
    test(`${label}: book from the profile, reschedule, cancel with a reason, mark a no-show; the figures follow`, { timeout: TEST_TIMEOUT }, async () => {
      const lastName = `Desk-${label}-${suffix}`;
      const id = await newCustomer(lastName);
      const { page, step, axeViolations } = await open(`frontdesk-${label}`, viewport);
      const upcoming = page.getByRole("list", { name: "Upcoming appointments" });
      const past = page.getByRole("list", { name: "Past appointments" });

      await step("profile with its figures", async () => {
        await page.goto(`${app.baseUrl}${profilePath(id)}`);
        await page.getByRole("heading", { level: 1, name: `Dora ${lastName}` }).waitFor();
        await figureIs(page, "visits", "0");
        await figureIs(page, "no-shows", "0");
        await figureIs(page, "cancellations", "0");
        await page.getByText("Nothing upcoming.").waitFor();
        await assertNoAxeViolations(axeViolations);
      });

      await step("new appointment booked", async () => {
        await page.getByRole("button", { name: "New appointment" }).click();
        const dialog = page.getByRole("dialog", { name: `New appointment for Dora ${lastName}` });
        await dialog.getByLabel("Starts").fill(await localInput(page, 1, 10));
        assert.equal(await dialog.getByLabel("Ends").inputValue(), await localInput(page, 1, 11));
        await dialog.getByLabel("Services").fill("Checkup");
        await dialog.getByLabel("Location").fill("Room 1");
        if (label === "phone") await assertLabelsWithControls(dialog);
        await assertNoAxeViolations(axeViolations);
        await dialog.getByRole("button", { name: "Book appointment" }).click();
        await page.getByText("Appointment booked.").waitFor();
        await upcoming.getByText("Checkup").first().waitFor();
        await page.locator('[data-figure="next"] time').waitFor();
      });

      await step("rescheduled", async () => {
        await upcoming.getByRole("button", { name: /^Reschedule – Checkup/ }).click();
        const dialog = page.getByRole("dialog", { name: "Reschedule appointment" });
        const newStart = await localInput(page, 2, 11);
        await dialog.getByLabel("New start").fill(newStart);
        assert.equal(await dialog.getByLabel("New end").inputValue(), await localInput(page, 2, 12));
        if (label === "phone") await assertLabelsWithControls(dialog);
        await dialog.getByRole("button", { name: "Reschedule", exact: true }).click();
        await dialog.waitFor({ state: "detached" });
        await page.waitForFunction(
          (start) => [...document.querySelectorAll('[aria-label="Upcoming appointments"] .appointment__when')].some((el) => new Date(el.getAttribute("datetime")).getTime() === new Date(start).getTime()),
          newStart,
        );
      });

      await step("cancelled with a reason", async () => {
        await upcoming.getByRole("button", { name: /^Cancel appointment – Checkup/ }).click();
        const dialog = page.getByRole("dialog", { name: "Cancel this appointment?" });
        await dialog.getByLabel("Reason").fill("Customer is ill");
        await assertNoAxeViolations(axeViolations);
        await dialog.getByRole("button", { name: "Cancel appointment" }).click();
        await dialog.waitFor({ state: "detached" });
        await figureIs(page, "cancellations", "1");
        await upcoming.locator(".appointment", { hasText: "Checkup" }).getByText("Cancelled").waitFor();
        await upcoming.locator(".appointment__toggle", { hasText: "Checkup" }).click();
        await upcoming.getByText("Reason: Customer is ill").waitFor();
      });

      await step("a begun appointment marked as no-show", async () => {
        await page.getByRole("button", { name: "New appointment" }).click();
        const dialog = page.getByRole("dialog", { name: `New appointment for Dora ${lastName}` });
        await dialog.getByLabel("Starts").fill(await localInput(page, -1, 9));
        await dialog.getByLabel("Services").fill("Massage");
        await dialog.getByRole("button", { name: "Book appointment" }).click();
        await past.getByText("Massage").first().waitFor();
        await figureIs(page, "visits", "1"); // begun and not cancelled: a visit until marked otherwise
        await past.getByRole("button", { name: /^No-show – Massage/ }).click();
        await page.getByRole("dialog", { name: "Mark as no-show?" }).getByRole("button", { name: "Mark no-show" }).click();
        await figureIs(page, "no-shows", "1");
        await figureIs(page, "visits", "0");
        await past.locator(".appointment", { hasText: "Massage" }).getByText("No-show").waitFor();
        await assertNoAxeViolations(axeViolations);
        const overflow = await sidewaysOverflow(page);
        assert.ok(overflow <= 0, `the profile overflows sideways by ${overflow}px`);
      });
      await leave(page);
    });
  }

  test("a customer with 200 appointments shows what is upcoming, and loads older ones on demand", { timeout: TEST_TIMEOUT }, async () => {
    const id = await app.seedProfile(200);
    const counts = await app.graphql(
      "query ($id: ID!) { customer(id: $id) { up: appointments(first: 0, when: UPCOMING) { totalCount } past: appointments(first: 0, when: PAST) { totalCount } } }",
      { id },
    );
    const upcomingTotal = counts.customer.up.totalCount;
    const pastTotal = counts.customer.past.totalCount;
    assert.ok(upcomingTotal > 0, "the seeded history has upcoming appointments");
    const { page, step, axeViolations } = await open("frontdesk-long-history");
    await step("upcoming shown", async () => {
      await page.goto(`${app.baseUrl}${profilePath(id)}`);
      const upcoming = page.getByRole("list", { name: "Upcoming appointments" }).getByRole("listitem");
      await upcoming.first().waitFor();
      assert.equal(await upcoming.count(), Math.min(upcomingTotal, 50));
      assert.equal(await page.getByText("Nothing upcoming.").count(), 0);
      await page.getByText(`Showing 50 of ${pastTotal}.`).waitFor();
      await assertNoAxeViolations(axeViolations);
    });
    await step("older ones loaded", async () => {
      await page.getByRole("button", { name: "Show older appointments" }).click();
      await page.getByText(`Showing ${Math.min(100, pastTotal)} of ${pastTotal}.`).waitFor();
      assert.equal(await page.getByRole("list", { name: "Past appointments" }).getByRole("listitem").count(), Math.min(100, pastTotal));
    });
    await leave(page);
  });

  test("public booking page: a blocked person sees the business's message; a request shows live on Today and is confirmed", { timeout: TEST_TIMEOUT }, async () => {
    const { me } = await app.graphql("{ me { account { slug bookingBlockedMessage } } }");
    const blockedEmail = `blocked.${suffix}@example.com`;
    const created = await app.graphql(
      "mutation ($value: String!) { blockRuleCreate(kind: EMAIL, value: $value, reason: \"e2e\") { userErrors { message } } }",
      { value: blockedEmail },
    );
    assert.deepEqual(created.blockRuleCreate.userErrors, []);

    const staff = await open("frontdesk-today");
    const subscriptions = countSubscriptions(staff.page);
    await staff.step("Today open and live", async () => {
      await staff.page.goto(`${app.baseUrl}/today`);
      await staff.page.getByRole("heading", { level: 1, name: "Today & upcoming" }).waitFor();
      await serverCounts(browser, app, () => subscriptions.open, "Today's subscriptions to be live");
    });

    const visitor = await open("frontdesk-booking", PHONE);
    const scripts = [];
    const operations = [];
    visitor.page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith(".js")) scripts.push(url.pathname);
      if (url.pathname === "/graphql" && request.method() === "POST") operations.push(request.postDataJSON()?.operationName);
    });
    const form = visitor.page.getByRole("form", { name: "Appointment request" });
    await visitor.step("booking page", async () => {
      await visitor.page.goto(`${app.baseUrl}/book/${encodeURIComponent(me.account.slug)}`);
      await visitor.page.getByRole("heading", { level: 1, name: "Request an appointment" }).waitFor();
      await form.waitFor();
      await assertNoAxeViolations(visitor.axeViolations);
      const overflow = await sidewaysOverflow(visitor.page);
      assert.ok(overflow <= 0, `the booking page overflows sideways by ${overflow}px`);
      await assertLabelsWithControls(form);
    });
    await visitor.step("required fields enforced", async () => {
      await form.getByRole("button", { name: "Request appointment" }).click();
      await form.getByText("Please give your name.").waitFor();
      assert.equal(await form.getByLabel("First name").getAttribute("aria-invalid"), "true");
      assert.equal(operations.filter((name) => name === "PublicBookingCreate").length, 0);
    });
    await visitor.step("blocked person refused with the business's message", async () => {
      await form.getByLabel("First name").fill("Bert");
      await form.getByLabel("Last name").fill(`Blocked-${suffix}`);
      await form.getByLabel("Email", { exact: true }).fill(blockedEmail);
      await form.getByLabel("Wished day and time").fill(await localInput(visitor.page, 1, 15));
      await form.getByRole("button", { name: "Request appointment" }).click();
      const refusal = form.locator(".booking__refusal");
      await refusal.waitFor();
      if (me.account.bookingBlockedMessage) assert.ok((await refusal.innerText()).includes(me.account.bookingBlockedMessage.trim()), await refusal.innerText());
      await assertNoAxeViolations(visitor.axeViolations);
    });
    const person = `Rita Request-${suffix}`;
    await visitor.step("a request sent and confirmed to the visitor", async () => {
      await form.getByLabel("First name").fill("Rita");
      await form.getByLabel("Last name").fill(`Request-${suffix}`);
      await form.getByLabel("Email", { exact: true }).fill(`rita.${suffix}@example.com`);
      await form.getByLabel("Send me messages about my appointments (email or SMS)").check();
      await form.getByRole("button", { name: "Request appointment" }).click();
      await visitor.page.getByText("Thank you, your request was sent.").waitFor();
      // The page loaded no staff code and never asked who is signed in.
      assert.deepEqual(scripts.filter((name) => /\/staff-/.test(name)), [], `staff chunk loaded: ${scripts.join(", ")}`);
      assert.ok(!operations.includes("Me"), `operations: ${operations.join(", ")}`);
    });
    await visitor.page.close(); // held no subscriptions

    await staff.step("the request appears live on Today and is confirmed", async () => {
      const row = staff.page.locator(".day__row", { hasText: person });
      await row.getByText("Requested").waitFor();
      await row.getByRole("button", { name: /^Confirm – / }).click();
      await staff.page.getByRole("dialog", { name: "Confirm this request?" }).getByRole("button", { name: "Confirm appointment" }).click();
      await row.getByText("Scheduled").waitFor();
      await assertNoAxeViolations(staff.axeViolations);
    });
    await leave(staff.page);
  });

  test("a calendar upload of 15 events gives one grouped notice", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await open("frontdesk-grouped");
    const subscriptions = countSubscriptions(page);
    await step("list open and live", async () => {
      await page.goto(`${app.baseUrl}/customers`);
      await page.getByRole("heading", { level: 1, name: "Customers" }).waitFor();
      await serverCounts(browser, app, () => subscriptions.open, "the shell's subscription to be live");
    });
    await step("one notice for 15 appointments", async () => {
      const base = Date.now() + 3 * 24 * 60 * 60 * 1000;
      const events = Array.from({ length: 15 }, (_, i) => ({
        uid: `frontdesk-${suffix}-${i}`,
        title: `Synced ${i + 1}`,
        startsAt: new Date(base + i * 60 * 60 * 1000),
        name: `Sync Person${i + 1}`,
        email: `sync.${suffix}.${i}@example.com`,
      }));
      const result = await uploadThroughPage(page, "praxis.ics", icsCalendar(events), SYNC_NAME);
      assert.equal(result.data?.calendarUpload?.syncRun?.appointmentsCreated, 15, JSON.stringify(result));
      const notices = page.getByRole("status", { name: "Notifications" });
      await notices.getByRole("link", { name: `15 new appointments from ${SYNC_NAME} calendar` }).waitFor();
      assert.equal(await notices.locator(".toast").count(), 1);
      await assertNoAxeViolations(axeViolations);
    });
    await leave(page);
  });

  test("phone width: the navigation is behind a menu button, the filters open as a drawer, nothing overflows", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await open("frontdesk-phone-layout", PHONE);
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await step("menu closed", async () => {
      await page.goto(`${app.baseUrl}/customers`);
      await page.getByRole("heading", { level: 1, name: "Customers" }).waitFor();
      await page.getByRole("list", { name: "Customers", exact: true }).getByRole("listitem").first().waitFor();
      await menu.waitFor();
      assert.equal(await nav.getByRole("link", { name: "Calendars" }).isVisible(), false);
      assert.ok((await sidewaysOverflow(page)) <= 0, "the list overflows sideways");
      await assertNoAxeViolations(axeViolations);
    });
    await step("menu open", async () => {
      await menu.click();
      assert.equal(await menu.getAttribute("aria-expanded"), "true");
      await nav.getByRole("link", { name: "Calendars" }).waitFor();
      assert.ok((await sidewaysOverflow(page)) <= 0, "the open menu overflows sideways");
      await assertNoAxeViolations(axeViolations);
      await nav.getByRole("link", { name: "Today" }).click();
      await page.getByRole("heading", { level: 1, name: "Today & upcoming" }).waitFor();
      assert.equal(await menu.getAttribute("aria-expanded"), "false");
    });
    await step("filter drawer over the results", async () => {
      await page.goto(`${app.baseUrl}/customers`);
      await page.getByRole("list", { name: "Customers", exact: true }).getByRole("listitem").first().waitFor();
      await page.getByRole("button", { name: /^Filters/ }).click();
      const panel = page.getByRole("region", { name: "Filters" });
      await panel.waitFor();
      const box = await panel.evaluate((el) => {
        const rect = el.getBoundingClientRect();
        return { position: getComputedStyle(el).position, left: rect.left, width: rect.width, top: rect.top };
      });
      assert.equal(box.position, "fixed");
      assert.ok(box.left <= 0 && box.width <= PHONE.width, JSON.stringify(box));
      assert.ok((await sidewaysOverflow(page)) <= 0, "the drawer overflows sideways");
      await assertNoAxeViolations(axeViolations);
      await panel.getByRole("button", { name: "Show results" }).click();
      await panel.waitFor({ state: "detached" });
      assert.ok((await sidewaysOverflow(page)) <= 0, "the list overflows sideways");
    });
    await leave(page);
  });
});
