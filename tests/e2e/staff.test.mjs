// Issue 4 in a real browser: sign-in, what a read-only user does not see, blocking a customer
// (chip, rules, history), API tokens (secret shown once, revoke), and the admin pages'
// accessibility and phone width.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { launchBrowser, openPage } from "./support/browser.mjs";
import { assertNoAxeViolations, signIn, startSuite } from "./support/suite.mjs";

const TEST_TIMEOUT = 60_000;
const DEMO_PASSWORD = "clientele-demo";
const READ_ONLY = "read-only@default.example.com";

let suite;
let app;
let browser;
let profileId;
let adminName;

const profilePath = (id) => `/customers/${encodeURIComponent(id)}`;

/** Signs in through the sign-in page (the admin without `login`) and waits for the app's header. */
async function signInAs(page, login) {
  await signIn(page, app, { login });
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

describe("issue 4 screens in Chromium", { timeout: 170_000 }, () => {
  before(async () => {
    suite = await startSuite({ clean: { only: "staff-" }, logName: "staff-server.log" });
    ({ app, browser } = suite);
    profileId = await app.seedProfile(3);
  }, { timeout: 120_000 });

  after(async () => {
    await suite?.stop();
  });

  test("the development admin signs in through the sign-in page", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step } = await openPage(browser, "staff-signin");
    await step("signed in as admin", async () => {
      await signInAs(page);
      adminName = (await page.locator(".app-header__name").innerText()).trim();
      assert.ok(adminName.length > 0);
      const nav = page.getByRole("navigation", { name: "Main" });
      for (const entry of ["Customers", "Block rules", "Users & roles", "API tokens"]) {
        await nav.getByRole("link", { name: entry }).waitFor();
      }
    });
    await page.close();
  });

  test("a read-only user sees no Edit, no Delete, no blocking actions and no Users & roles", { timeout: TEST_TIMEOUT }, async () => {
    const readOnly = await launchBrowser(); // a fresh browser profile: no admin cookie
    try {
      const { page, step } = await openPage(readOnly, "staff-read-only");
      await step("signed in as read-only", async () => {
        await signInAs(page, { email: READ_ONLY, password: DEMO_PASSWORD });
        const nav = page.getByRole("navigation", { name: "Main" });
        await nav.getByRole("link", { name: "Customers" }).waitFor();
        assert.equal(await nav.getByRole("link", { name: "Users & roles" }).count(), 0);
        assert.equal(await page.getByRole("button", { name: "Add customer" }).count(), 0);
      });
      await step("profile without actions", async () => {
        await page.goto(`${app.baseUrl}${profilePath(profileId)}`);
        await page.getByRole("heading", { level: 1, name: /^Paula Profil-/ }).waitFor();
        await page.getByRole("tab", { name: /Appointments/ }).waitFor();
        assert.equal(await page.getByRole("button", { name: "Edit", exact: true }).count(), 0);
        assert.equal(await page.getByRole("button", { name: "More actions" }).count(), 0);
        assert.equal(await page.getByText("Delete customer").count(), 0);
        assert.equal(await page.getByRole("button", { name: "Block", exact: true }).count(), 0);
        assert.equal(await page.getByRole("button", { name: "Unblock", exact: true }).count(), 0);
      });
      await step("users page opened directly", async () => {
        await page.goto(`${app.baseUrl}/users`);
        await page.getByRole("heading", { level: 1, name: "You don't have access" }).waitFor();
      });
      await step("block rules read only", async () => {
        await page.goto(`${app.baseUrl}/block-rules`);
        await page.getByRole("heading", { level: 1, name: "Block rules" }).waitFor();
        await page.getByText("No block rules.").or(page.getByRole("list", { name: "Block rules" })).waitFor();
        assert.equal(await page.getByRole("button", { name: "Add rule" }).count(), 0);
        assert.equal(await page.getByRole("heading", { name: "Refused online bookings" }).count(), 0);
      });
      await page.close();
    } finally {
      await readOnly.close();
    }
  });

  test("blocking a customer shows the red Booking blocked chip and the rules; unblocking removes them; the history names the admin", { timeout: TEST_TIMEOUT }, async () => {
    assert.ok(adminName, "the sign-in test ran");
    const { page, step } = await openPage(browser, "staff-block");
    const chip = page.locator(".profile__heading .chip--blocked", { hasText: "Booking blocked" });
    await page.goto(`${app.baseUrl}${profilePath(profileId)}`);
    await page.getByRole("heading", { level: 1, name: /^Paula Profil-/ }).waitFor();
    await step("block dialog", async () => {
      assert.equal(await chip.count(), 0);
      await page.getByRole("button", { name: "Block", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: /^Block / });
      await dialog.getByLabel("Reason").fill("Three no-shows in a row");
    });
    await step("blocked", async () => {
      await page.getByRole("dialog").getByRole("button", { name: "Block customer" }).click();
      await chip.waitFor();
      // red: the text, the fill or the border (issue 13 made the booking chip solid red)
      const red = await chip.evaluate((el) => {
        const style = getComputedStyle(el);
        return `${style.color} ${style.backgroundColor} ${style.borderTopColor}`;
      });
      assert.match(red, /rgb\(160, 27, 27\)/);
      await page.locator(".profile__heading .chip", { hasText: "ALLOWED" }).waitFor(); // the communication chip stays
      const rules = page.getByRole("list", { name: "Matching block rules" });
      await rules.waitFor();
      assert.match(await rules.innerText(), /Three no-shows in a row/);
      assert.match(await rules.innerText(), new RegExp(adminName));
      assert.match(await rules.innerText(), /paula\.profil\./);
      await page.getByRole("button", { name: "Unblock", exact: true }).waitFor();
    });
    await step("history shows BLOCKED by the admin", async () => {
      await page.getByRole("tab", { name: "History" }).click();
      const entries = page.getByRole("list", { name: "History entries" }).getByRole("listitem").filter({ hasText: "Blocked" });
      await entries.first().waitFor();
      assert.match(await entries.first().innerText(), new RegExp(`Blocked\\s+${adminName}`));
    });
    await step("unblocked", async () => {
      await page.getByRole("button", { name: "Unblock", exact: true }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Unblock customer" }).click();
      await chip.waitFor({ state: "detached" });
      assert.equal(await page.getByRole("list", { name: "Matching block rules" }).count(), 0);
      await page.getByRole("button", { name: "Block", exact: true }).waitFor();
      await page.getByRole("list", { name: "History entries" }).getByText("Unblocked").first().waitFor();
    });
    await step("still unblocked after a reload", async () => {
      await page.reload();
      await page.getByRole("heading", { level: 1, name: /^Paula Profil-/ }).waitFor();
      assert.equal(await chip.count(), 0);
    });
    await page.close();
  });

  test("an API token: created with a subset of permissions, its secret shown once and working, then revoked", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await openPage(browser, "staff-tokens");
    let secret;
    const meWithToken = async () => {
      const response = await fetch(`${app.baseUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: "{ me { permissions } }" }),
      });
      return response.json();
    };
    await step("tokens page", async () => {
      await page.goto(`${app.baseUrl}/customers`);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
      await page.getByRole("heading", { level: 1, name: "API tokens" }).waitFor();
      await page.getByText("You have no API tokens yet.").waitFor();
      await assertNoAxeViolations(axeViolations);
    });
    await step("created", async () => {
      const form = page.getByRole("form", { name: "New token" });
      await form.getByLabel("Name", { exact: true }).fill("Booking widget");
      await form.getByRole("checkbox", { name: /read:customers/ }).check();
      await form.getByRole("button", { name: "Create token" }).click();
      const value = page.getByLabel("New token secret");
      await value.waitFor();
      secret = (await value.innerText()).trim();
      assert.match(secret, /^clt_/);
      await page.getByText("you will not see it again", { exact: false }).waitFor();
      await page.getByRole("button", { name: "Copy" }).waitFor();
      const list = page.getByRole("list", { name: "API tokens" });
      await list.getByText("Booking widget").waitFor();
      assert.match(await list.innerText(), /read:customers/);
      assert.ok(!(await list.innerText()).includes(secret), "the list never shows the secret");
      assert.deepEqual((await meWithToken()).data.me.permissions, ["READ_CUSTOMERS"]);
      await assertNoAxeViolations(axeViolations);
    });
    await step("secret dismissed, gone after a reload", async () => {
      await page.getByRole("button", { name: "I have copied it" }).click();
      assert.equal(await page.getByLabel("New token secret").count(), 0);
      await page.reload();
      await page.getByRole("list", { name: "API tokens" }).getByText("Booking widget").waitFor();
      assert.equal(await page.getByText(secret).count(), 0);
    });
    await step("revoked", async () => {
      await page.getByRole("button", { name: "Revoke Booking widget" }).click();
      const dialog = page.getByRole("dialog", { name: "Revoke token?" });
      await assertNoAxeViolations(axeViolations);
      await dialog.getByRole("button", { name: "Revoke token" }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.getByRole("list", { name: "API tokens" }).locator(".badge", { hasText: "Revoked" }).waitFor();
      assert.equal(await page.getByRole("button", { name: "Revoke Booking widget" }).count(), 0);
      const answer = await meWithToken();
      assert.ok(answer.errors || answer.data?.me === null, `a revoked token is refused: ${JSON.stringify(answer)}`);
    });
    await page.close();
  });

  test("block rules page: an invalid rule is refused inline, a valid one added and deleted; axe and phone width on the admin pages", { timeout: TEST_TIMEOUT }, async () => {
    const { page, step, axeViolations } = await openPage(browser, "staff-block-rules");
    await step("invalid IP refused at the field", async () => {
      await page.goto(`${app.baseUrl}/block-rules`);
      await page.getByRole("heading", { level: 1, name: "Block rules" }).waitFor();
      await page.getByRole("heading", { name: "Refused online bookings" }).waitFor();
      await page.getByRole("heading", { name: "Message for blocked customers" }).waitFor();
      const form = page.getByRole("form", { name: "Add a rule" });
      await form.getByLabel("Kind").selectOption("IP");
      await form.getByLabel("Value").fill("not-an-ip");
      await form.getByRole("button", { name: "Add rule" }).click();
      await page.waitForSelector('input[name="value"][aria-invalid="true"]').catch(() => {});
      assert.match(await form.innerText(), /not|invalid/i);
      await assertNoAxeViolations(axeViolations);
    });
    await step("domain rule added", async () => {
      const form = page.getByRole("form", { name: "Add a rule" });
      await form.getByLabel("Kind").selectOption("DOMAIN");
      await form.getByLabel("Value").fill("spam.example");
      await form.getByLabel("Reason").fill("Bulk fake bookings");
      await form.getByRole("button", { name: "Add rule" }).click();
      await page.getByRole("list", { name: "Block rules" }).getByText("spam.example").waitFor();
      await assertNoAxeViolations(axeViolations);
    });
    await step("domain rule deleted", async () => {
      await page.getByRole("button", { name: "Delete rule Email domain spam.example" }).click();
      await page.getByRole("dialog", { name: "Delete block rule?" }).getByRole("button", { name: "Delete rule" }).click();
      await page.getByRole("list", { name: "Block rules" }).getByText("spam.example").waitFor({ state: "detached" });
    });
    await step("users and roles", async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users & roles" }).click();
      await page.getByRole("list", { name: "Users" }).getByText(READ_ONLY).waitFor();
      await page.getByRole("list", { name: "Roles" }).getByText("read-only", { exact: true }).waitFor();
      await assertNoAxeViolations(axeViolations);
      await page.getByRole("button", { name: "Add role" }).click();
      await assertNoAxeViolations(axeViolations);
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "hidden" });
    });
    await step("phone width", async () => {
      await page.setViewportSize({ width: 375, height: 740 });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      for (const path of ["/users", "/api-tokens", "/block-rules", profilePath(profileId)]) {
        await page.goto(`${app.baseUrl}${path}`);
        await page.getByRole("heading", { level: 1 }).waitFor();
        await page.waitForLoadState("networkidle");
        assert.equal(await overflow(), 0, `${path} overflows sideways`);
      }
    });
    await page.close();
  });
});
