// Issue 5 in a real browser: the "Today & upcoming" dashboard gains a synced appointment live
// (no reload) with a toast, the customer's open profile gains the next one live, and the
// Calendars page shows a feed's inline URL error, a non-calendar upload refused at its field,
// and a calendar broken inside as a failed run. Issue 14: a team meeting that names no customer is
// listed as unmatched until "Ignore events like this…" makes a rule, and a second upload counts
// it as ignored.
// Syncs are uploads through the page's own session (calendarUpload, multipart), so they run in
// the server process whose in-memory broadcast reaches the page's subscriptions.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { openPage } from "./support/browser.mjs";
import { assertNoAxeViolations, signIn, startSuite } from "./support/suite.mjs";
import { countSubscriptions, icsCalendar, icsTime, serverCounts, sidewaysOverflow, uploadThroughPage as upload } from "./support/live.mjs";

const TEST_TIMEOUT = 60_000;
const UPLOAD_NAME = "e2e-upload";

let suite;
let app;
let browser;
let customerPath;

function icsFile(uid, title, startsAt) {
  const end = new Date(startsAt.getTime() + 45 * 60 * 1000);
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Clientele//e2e//EN",
    "BEGIN:VEVENT",
    `UID:${uid}@e2e.example.com`,
    `DTSTAMP:${icsTime(new Date())}`,
    `DTSTART:${icsTime(startsAt)}`,
    `DTEND:${icsTime(end)}`,
    `SUMMARY:${title}`,
    "DESCRIPTION:Name: E2E Person\\nEmail: e2e.person@example.com",
    "LOCATION:Room 2",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}

describe("issue 5 and 14 screens in Chromium", { timeout: 230_000 }, () => {
  before(async () => {
    suite = await startSuite({ clean: { only: "calendar-" }, logName: "calendar-server.log" });
    ({ app, browser } = suite);
    const { page, step } = await openPage(browser, "calendar-signin");
    await step("signed in, the dashboard is the landing page", async () => {
      await signIn(page, app, { path: "/" });
      await page.getByRole("heading", { level: 1, name: "Today & upcoming" }).waitFor();
    });
    await page.close();
  }, { timeout: 120_000 });

  after(async () => {
    await suite?.stop();
  });

  test("a synced appointment appears on the open dashboard without reload, with a toast; the profile shows it", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await openPage(browser, "calendar-dashboard");
    const subscriptions = countSubscriptions(page);
    const title = "E2E Checkup";
    await step("dashboard open", async () => {
      await page.goto(`${app.baseUrl}/today`);
      await page.getByRole("heading", { level: 1, name: "Today & upcoming" }).waitFor();
      await page.getByText("No appointments today or later.").or(page.locator(".day__list").first()).waitFor();
      await assertNoAxeViolations(axeViolations);
      await serverCounts(browser, app, () => subscriptions.open, "the dashboard's subscriptions to be live");
      assert.equal(subscriptions.asText, 0, "the production build subscribes by trusted document id");
      await page.evaluate(() => {
        window.__notReloaded = true;
      });
    });

    await step("synced: row and toast", async () => {
      const result = await upload(page, "e2e.ics", icsFile("e2e-1", title, new Date(Date.now() + 60 * 60 * 1000)), UPLOAD_NAME);
      assert.equal(result.errors, undefined, JSON.stringify(result));
      assert.equal(result.data.calendarUpload.syncRun.appointmentsCreated, 1, JSON.stringify(result));
      const row = page.locator(".day__row", { hasText: title });
      await row.waitFor();
      assert.match(await row.innerText(), /E2E Person/);
      assert.match(await row.innerText(), /Room 2/);
      assert.match(await row.innerText(), /Scheduled/);
      const toast = page.getByRole("status", { name: "Notifications" }).getByRole("link", { name: new RegExp(`^New appointment: ${title} · E2E Person · `) });
      await toast.waitFor();
      assert.equal(await page.evaluate(() => window.__notReloaded), true, "the page was reloaded");
      await assertNoAxeViolations(axeViolations);
    });

    await step("profile shows the appointment", async () => {
      await page.locator(".day__row", { hasText: title }).getByRole("link", { name: "E2E Person" }).click();
      await page.getByRole("heading", { level: 1, name: "E2E Person" }).waitFor();
      customerPath = new URL(page.url()).pathname;
      await page.getByRole("list", { name: "Upcoming appointments" }).getByText(title).waitFor();
    });

    await step("the open profile gains the next appointment live", async () => {
      // a fresh load of the profile: the old page's subscriptions are gone first, so the count
      // the server reports is the new page's alone
      await page.goto("about:blank");
      await serverCounts(browser, app, null, "the old page's subscriptions to end");
      await page.goto(`${app.baseUrl}${customerPath}`);
      await page.getByRole("heading", { level: 1, name: "E2E Person" }).waitFor();
      await page.getByRole("list", { name: "Upcoming appointments" }).getByText(title).waitFor();
      await serverCounts(browser, app, () => subscriptions.open, "the profile's subscriptions to be live");
      await page.evaluate(() => {
        window.__notReloaded = true;
      });
      const second = "E2E Follow-up";
      const result = await upload(page, "e2e.ics", icsFile("e2e-2", second, new Date(Date.now() + 26 * 60 * 60 * 1000)), UPLOAD_NAME);
      assert.equal(result.data?.calendarUpload?.userErrors?.length, 0, JSON.stringify(result));
      await page.getByRole("list", { name: "Upcoming appointments" }).getByText(second).waitFor();
      assert.equal(await page.evaluate(() => window.__notReloaded), true, "the page was reloaded");
    });

    await step("phone width dashboard", async () => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${app.baseUrl}/today`);
      await page.locator(".day__row").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the dashboard overflows sideways by ${overflow}px`);
    });
    await page.close();
  });

  test("calendars page: an invalid feed URL is refused inline; a non-calendar upload at its field; a broken calendar's run error", { timeout: TEST_TIMEOUT }, async () => {
    assert.ok(customerPath, "the dashboard test ran");
    const { page, step, axeViolations } = await openPage(browser, "calendar-calendars");
    await step("calendars page", async () => {
      await page.goto(`${app.baseUrl}/calendars`);
      await page.getByRole("heading", { level: 1, name: "Calendars" }).waitFor();
      const sources = page.getByRole("list", { name: "Calendar sources" });
      await sources.getByText(UPLOAD_NAME).waitFor();
      await sources.getByText("Uploaded file").first().waitFor();
      await page.getByRole("list", { name: `Last runs of ${UPLOAD_NAME}` }).getByText(/1 created/).first().waitFor();
      await assertNoAxeViolations(axeViolations);
    });

    await step("invalid feed URL", async () => {
      const form = page.getByRole("form", { name: "Add a calendar feed" });
      await form.getByLabel("Name").fill("Broken feed");
      await form.getByLabel("Feed URL").fill("ftp://calendar.example.com/feed.ics");
      await form.getByRole("button", { name: "Add calendar" }).click();
      const url = form.getByLabel("Feed URL");
      await page.waitForFunction((el) => el.getAttribute("aria-invalid") === "true", await url.elementHandle());
      const errorId = (await url.getAttribute("aria-describedby")).split(" ").find((id) => id.endsWith("-error"));
      assert.match(await page.locator(`[id="${errorId}"]`).innerText(), /URL/);
      await assertNoAxeViolations(axeViolations);
    });

    await step("not a calendar: refused at its field, nothing synced", async () => {
      const form = page.getByRole("form", { name: "Upload a calendar file" });
      await form.getByLabel("Calendar file (.ics)").setInputFiles({ name: "broken.ics", mimeType: "text/calendar", buffer: Buffer.from("this is not a calendar\n") });
      await form.getByLabel("Name (optional)").fill("Not a calendar");
      await form.getByRole("button", { name: "Upload and sync" }).click();
      const file = form.getByLabel("Calendar file (.ics)");
      await page.waitForFunction((el) => el.getAttribute("aria-invalid") === "true", await file.elementHandle());
      const errorId = (await file.getAttribute("aria-describedby")).split(" ").find((id) => id.endsWith("-error"));
      assert.match(await page.locator(`[id="${errorId}"]`).innerText(), /iCalendar/);
      assert.equal(await page.getByRole("list", { name: "Last runs of Not a calendar" }).count(), 0);
      await assertNoAxeViolations(axeViolations);
    });

    await step("a calendar broken inside: the run's error", async () => {
      const form = page.getByRole("form", { name: "Upload a calendar file" });
      await form.getByLabel("Calendar file (.ics)").setInputFiles({ name: "broken.ics", mimeType: "text/calendar", buffer: Buffer.from("BEGIN:VCALENDAR\r\nthis is not a calendar\r\n") });
      await form.getByLabel("Name (optional)").fill("Broken upload");
      await form.getByRole("button", { name: "Upload and sync" }).click();
      const failed = form.locator(".run__error");
      await failed.waitFor();
      assert.match(await failed.innerText(), /^Failed: ./);
      // The run is listed under its source, in red.
      const runs = page.getByRole("list", { name: "Last runs of Broken upload" });
      const error = runs.locator(".run__error").first();
      await error.waitFor();
      assert.match(await error.evaluate((el) => getComputedStyle(el).color), /rgb\(160, 27, 27\)/);
      await assertNoAxeViolations(axeViolations);
    });

    await step("phone width calendars", async () => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.getByRole("heading", { level: 1, name: "Calendars" }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the calendars page overflows sideways by ${overflow}px`);
    });
    await page.close();
  });

  test("calendars page: a team meeting that names no customer is unmatched until it is ignored; no sideways overflow at phone width", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await openPage(browser, "calendar-ignore");
    const title = "Team meeting (e2e)";
    const file = {
      name: "team.ics",
      mimeType: "text/calendar",
      buffer: Buffer.from(icsCalendar([{ uid: "e2e-team-1", title, startsAt: new Date(Date.now() + 3 * 24 * 60 * 60 * 1000) }])),
    };
    const unmatched = page.getByRole("region", { name: /^Unmatched appointments/ });
    const list = unmatched.getByRole("list", { name: "Unmatched appointments" });
    /** The count in the card's title and the rows listed (every one: no "Show more" left). */
    const shownAndListed = async () => {
      const heading = await unmatched.getByRole("heading", { level: 2 }).innerText();
      assert.equal(await unmatched.getByRole("button", { name: "Show more" }).count(), 0);
      return [Number(/\((\d+)\)/.exec(heading)?.[1]), await list.locator(":scope > li").count()];
    };

    await step("uploaded: the meeting is unmatched, and counted as listed", async () => {
      await page.goto(`${app.baseUrl}/calendars`);
      await page.getByRole("heading", { level: 1, name: "Calendars" }).waitFor();
      const form = page.getByRole("form", { name: "Upload a calendar file" });
      assert.equal(await form.getByLabel("Every date in the file").isChecked(), true);
      await form.getByLabel("Calendar file (.ics)").setInputFiles(file);
      await form.getByLabel("Name (optional)").fill("Team calendar");
      await form.getByRole("button", { name: "Upload and sync" }).click();
      await form.getByTestId("upload-result").getByText(/^1 event seen · 1 created · .* · 0 ignored$/).waitFor();
      await list.getByText(title, { exact: true }).waitFor();
      const [shown, listed] = await shownAndListed();
      assert.equal(shown, listed, "the count shown is the count listed");
      await assertNoAxeViolations(axeViolations);
    });

    await step("ignore events like this: the row leaves the list, the rule is listed", async () => {
      await list.getByRole("button", { name: `Ignore events like this… (${title})` }).click();
      const dialog = page.getByRole("dialog", { name: "Ignore events like this" });
      const field = dialog.getByLabel("Title contains");
      assert.equal(await field.inputValue(), title);
      await assertNoAxeViolations(axeViolations);
      await field.fill("team meeting");
      await dialog.getByRole("button", { name: "Ignore these events" }).click();
      await unmatched.getByText("Events with “team meeting” in their title are ignored from now on: 1 appointment removed.").waitFor();
      await page.getByRole("list", { name: "Ignore rules" }).getByText("Title contains “team meeting”").waitFor();
      assert.equal(await page.getByText(title, { exact: true }).count(), 0);
      // What the server says after a reload is the same.
      await page.reload();
      await page.getByRole("list", { name: "Ignore rules" }).waitFor();
      await unmatched.getByRole("heading", { level: 2, name: /\(\d+\)/ }).waitFor();
      assert.equal(await page.getByText(title, { exact: true }).count(), 0);
      const [shown, listed] = await shownAndListed();
      assert.equal(shown, listed, "the count shown is the count listed");
      await assertNoAxeViolations(axeViolations);
    });

    await step("uploaded again: the meeting is counted as ignored, not made an appointment", async () => {
      const form = page.getByRole("form", { name: "Upload a calendar file" });
      await form.getByLabel("Calendar file (.ics)").setInputFiles(file);
      await form.getByLabel("Name (optional)").fill("Team calendar");
      await form.getByRole("button", { name: "Upload and sync" }).click();
      await form.getByTestId("upload-result").getByText(/^1 event seen · 0 created · .* · 1 ignored$/).waitFor();
      assert.equal(await page.getByText(title, { exact: true }).count(), 0);
    });

    await step("only the window: the event years ahead is said to be left out, and “Sync every date” fixes the setting", async () => {
      const form = page.getByRole("form", { name: "Upload a calendar file" });
      const far = icsCalendar([{ uid: "e2e-far-1", title: "Far ahead (e2e)", startsAt: new Date(Date.now() + 5 * 365 * 24 * 60 * 60 * 1000) }]);
      await form.getByLabel("Calendar file (.ics)").setInputFiles({ name: "far.ics", mimeType: "text/calendar", buffer: Buffer.from(far) });
      await form.getByLabel("Name (optional)").fill("Far calendar");
      await form.getByLabel("Only the window (the calendar's days back and ahead)").check();
      await form.getByRole("button", { name: "Upload and sync" }).click();
      const result = form.getByTestId("upload-result");
      await result.getByText(/^1 event lies outside the synced dates \(.+ – .+\) and was not synced\./).waitFor();
      await assertNoAxeViolations(axeViolations);
      await result.getByRole("button", { name: "Sync every date" }).click();
      await result.getByText("Every date of the file is synced from now on: upload it again to add these events.").waitFor();
      assert.equal(await form.getByLabel("Every date in the file").isChecked(), true);
      await page.getByRole("list", { name: "Calendar sources" }).getByText(/· every date/).first().waitFor();
    });

    await step("phone width calendars", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole("heading", { level: 1, name: "Calendars" }).waitFor();
      const overflow = await sidewaysOverflow(page);
      assert.ok(overflow <= 0, `the calendars page overflows sideways by ${overflow}px`);
      await page.getByRole("button", { name: "Remove the rule “team meeting”" }).click();
      await page.getByText("The rule “team meeting” is removed: its events come back at the next sync.").waitFor();
      assert.ok((await sidewaysOverflow(page)) <= 0, "the calendars page overflows sideways");
      await assertNoAxeViolations(axeViolations);
    });
    await page.close();
  });
});
