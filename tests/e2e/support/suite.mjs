// Steps every browser test file shares: its own server and browser, signing in through the
// sign-in page, and the axe check.
import assert from "node:assert/strict";
import { startApp } from "./app.mjs";
import { cleanOutput, launchBrowser } from "./browser.mjs";

/**
 * Cleans the file's earlier screenshots (`clean`: cleanOutput's options), starts the app (its
 * log `logName`) and one browser; `stop()` ends both.
 */
export async function startSuite({ clean, logName } = {}) {
  cleanOutput(clean);
  const app = await startApp(logName ? { logName } : {});
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await app.stop();
    throw error;
  }
  return {
    app,
    browser,
    async stop() {
      await browser.close();
      await app.stop();
    },
  };
}

/**
 * Opens `path`, waits for the sign-in page, runs `onSignInPage` there (e.g. an axe check) and
 * signs in as `login` (the development admin by default). The caller waits for the page it expects.
 */
export async function signIn(page, app, { path = "/customers", login = app.login, onSignInPage } = {}) {
  await page.goto(`${app.baseUrl}${path}`);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await onSignInPage?.();
  await page.getByLabel("Email").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** No serious or critical axe-core violations on the page as it is now (openPage's axeViolations). */
export async function assertNoAxeViolations(axeViolations) {
  const violations = await axeViolations();
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
}
