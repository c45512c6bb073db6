// Debian's headless Chromium driven by playwright-core, with an empty profile; every step
// leaves a screenshot in test-output/e2e/, and a failure also the page's console log.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { OUTPUT_DIR } from "./paths.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install Debian's chromium (make browser) or set CHROMIUM.`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clientele-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: "en-GB",
    timeout: 30_000,
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A page plus `step(label, fn)`: runs fn, then saves `<name>-<nn>-<label>.png`; when fn throws,
 * saves `<name>-FAILED-<label>.png` and `<name>.console.log` before rethrowing.
 */
export async function openPage(browser, name, viewport) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const consoleLines = [];
  const stamp = () => new Date().toISOString();
  page.on("console", (message) => consoleLines.push(`${stamp()} [${message.type()}] ${message.text()}`));
  page.on("pageerror", (error) => consoleLines.push(`${stamp()} [pageerror] ${error.stack ?? error.message}`));
  page.on("requestfailed", (request) =>
    consoleLines.push(`${stamp()} [requestfailed] ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ""}`),
  );
  let counter = 0;
  const file = (suffix) => path.join(OUTPUT_DIR, `${name}-${suffix}`);
  const slug = (label) => label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

  async function step(label, fn) {
    counter += 1;
    const number = String(counter).padStart(2, "0");
    try {
      const result = await fn();
      // the app's Content-Security-Policy must not block anything the app itself does
      const blocked = consoleLines.filter((line) => line.includes("Content Security Policy"));
      if (blocked.length) throw new Error(`blocked by the Content-Security-Policy:\n${blocked.join("\n")}`);
      await page.screenshot({ path: file(`${number}-${slug(label)}.png`), fullPage: true });
      return result;
    } catch (error) {
      await page.screenshot({ path: file(`FAILED-${number}-${slug(label)}.png`), fullPage: true }).catch(() => {});
      fs.writeFileSync(file("console.log"), `${consoleLines.join("\n")}\n`);
      throw error;
    }
  }

  /** Serious and critical axe-core violations on the page as it is now. */
  async function axeViolations() {
    // evaluated through the DevTools protocol: the app's Content-Security-Policy forbids the
    // inline <script> that addScriptTag would insert (and rightly so)
    await page.evaluate(AXE_SOURCE);
    const results = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const run = await window.axe.run(document, { resultTypes: ["violations"] });
      return run.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      }));
    });
    return results.filter((v) => v.impact === "serious" || v.impact === "critical");
  }

  return { page, step, axeViolations, consoleLines };
}

/**
 * Removes earlier screenshots and console logs. Test files may run in parallel, so each cleans
 * only its own: `only` keeps to names starting with that prefix, `except` skips them.
 */
export function cleanOutput({ only, except } = {}) {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const entry of fs.readdirSync(OUTPUT_DIR)) {
    if (only && !entry.startsWith(only)) continue;
    if (except && [except].flat().some((prefix) => entry.startsWith(prefix))) continue;
    if (entry.endsWith(".png") || entry.endsWith("-console.log")) fs.rmSync(path.join(OUTPUT_DIR, entry));
  }
}
