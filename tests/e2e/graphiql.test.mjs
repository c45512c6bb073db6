// Issue 18: GraphiQL served by the app from its own build (files prefixed `graphiql-`). Every
// request the browser makes to a host other than 127.0.0.1 is aborted and recorded, and none may
// be made: no CDN for scripts, styles, fonts or Monaco's workers. Signed in through the SPA (the
// session cookie; the SPA sends trusted document ids, no text; the page carries the session's
// CSRF token), GraphiQL renders, runs a query, a mutation and a subscription over
// graphql-transport-ws, whose event a mutation from another "tab" makes.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { openPage } from "./support/browser.mjs";
import { serverCounts } from "./support/live.mjs";
import { signIn, startSuite } from "./support/suite.mjs";

const DESKTOP = { width: 1400, height: 900 };
const NAME = `Graphi${randomBytes(3).toString("hex")}`;

let suite;

/** Replaces the operation in GraphiQL's query editor (Monaco) and runs it. */
async function run(page, text) {
  const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  // the fact that GraphiQL has parsed the new operation (its name on the active tab, from the
  // same state the request's operationName comes from) before running it: under load a click
  // could otherwise send the previous operationName ("Unknown operation named Add")
  const name = /^\s*\w+\s+(\w+)/.exec(text)?.[1] ?? text.slice(0, 12);
  await page.locator(".graphiql-tab-active").getByText(name, { exact: true }).first().waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: /Execute query/ }).click();
}

const resultText = (page) => page.locator(".graphiql-response").innerText();

describe("issue 18: GraphiQL from the app's own build in Chromium", { timeout: 240_000 }, () => {
  before(async () => {
    suite = await startSuite({ clean: { only: "graphiql-" }, logName: "graphiql-server.log" });
  }, { timeout: 120_000 });

  after(async () => {
    await suite?.stop();
  });

  test("renders, runs a query and a subscription with nothing from outside 127.0.0.1", { timeout: 180_000 }, async () => {
    const { app, browser } = suite;
    const outside = [];
    await browser.context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== "127.0.0.1" && url.protocol !== "data:" && url.protocol !== "blob:") {
        outside.push(url.href);
        return route.abort();
      }
      return route.continue();
    });
    browser.context.on("websocket", (socket) => {
      if (new URL(socket.url()).hostname !== "127.0.0.1") outside.push(socket.url());
    });

    const spa = await openPage(browser, "graphiql-signin", DESKTOP);
    const sent = []; // what the SPA (a production build) sends: trusted document ids, no text
    spa.page.on("request", (request) => {
      if (new URL(request.url()).pathname !== "/graphql") return;
      const body = request.method() === "POST" ? request.postDataJSON() : Object.fromEntries(new URL(request.url()).searchParams);
      sent.push(body);
    });
    await spa.step("signed in through the SPA, which sends trusted document ids", async () => {
      await signIn(spa.page, app, { path: "/customers" });
      await spa.page.getByRole("navigation", { name: "Main" }).waitFor();
      assert.ok(sent.length >= 2, JSON.stringify(sent));
      for (const body of sent) {
        assert.match(body.documentId ?? "", /^sha256:[0-9a-f]{64}$/, JSON.stringify(body));
        assert.equal(body.query, undefined);
      }
    });
    await spa.page.close(); // its live subscriptions end with it

    const { page, step } = await openPage(browser, "graphiql-desktop", DESKTOP);
    const sockets = [];
    page.on("websocket", (socket) => sockets.push(socket.url()));

    await step("GraphiQL renders from the app's build", async () => {
      const response = await page.goto(`${app.baseUrl}/graphql`);
      assert.equal(response.status(), 200);
      await page.locator(".graphiql-query-editor .monaco-editor").first().waitFor({ state: "visible", timeout: 60_000 });
      const csrf = await page.locator('meta[name="csrf-token"]').getAttribute("content");
      assert.ok(csrf && csrf.length > 10, "the page carries the session's CSRF token");
      await page.getByRole("button", { name: /Execute query/ }).waitFor();
    });

    await step("a query runs with the session", async () => {
      await run(page, "query Who { me { name via } }");
      await page.locator(".graphiql-response").getByText('"via": "session"').waitFor({ timeout: 30_000 });
      assert.match(await resultText(page), /"name":/);
    });

    await step("a mutation runs with the session's CSRF token", async () => {
      await run(page, `mutation Add { customerCreate(input: {firstName: "${NAME}", lastName: "Before"}) { customer { id } userErrors { message } } }`);
      await page.locator(".graphiql-response").getByText('"userErrors": []').waitFor({ timeout: 30_000 });
    });

    await step("a subscription receives the event a change in another tab makes", async () => {
      await run(page, "subscription Changes { customerChanged { kind customer { firstName lastName } } }");
      // the server has connected it to the event broker: this page's one subscription
      await serverCounts(browser, app, () => 1, "GraphiQL's subscription");
      assert.ok(sockets.some((url) => url === `${app.baseUrl.replace("http", "ws")}/graphql`), JSON.stringify(sockets));
      await app.graphql(
        "mutation ($input: CustomerCreateInput!) { customerCreate(input: $input) { userErrors { message } } }",
        { input: { firstName: NAME, lastName: "Live" } },
      );
      await page.locator(".graphiql-response").getByText('"lastName": "Live"').waitFor({ timeout: 30_000 });
      assert.match(await resultText(page), /"kind":\s*"CREATED"/); // Monaco shows no-break spaces
    });

    assert.deepEqual(outside, [], `requests outside 127.0.0.1: ${outside.join(", ")}`);
  });
});
