// Waiting for live subscriptions without fixed sleeps (the pattern of calendar.test.mjs), and
// calendar uploads through a signed-in page, for test files that need them.

/**
 * Counts the graphql-ws subscriptions `page` holds open: subscribe minus complete frames sent on
 * its newest socket (the app keeps one; a navigation away ends the old one without a close event),
 * and how many of them were sent as text rather than as a trusted document's id (`asText`).
 */
export function countSubscriptions(page) {
  const counter = { open: 0, asText: 0 };
  page.on("websocket", (socket) => {
    counter.open = 0;
    socket.on("framesent", (frame) => {
      const text = typeof frame.payload === "string" ? frame.payload : frame.payload.toString();
      if (text.includes('"type":"subscribe"')) {
        counter.open += 1;
        // the production build sends a trusted document's id with an empty query
        if (!JSON.parse(text).payload.documentId) counter.asText += 1;
      }
      if (text.includes('"type":"complete"')) counter.open -= 1;
    });
  });
  return counter;
}

/**
 * This account's subscribers the server has connected to its event broker (staff /healthz).
 * `Connection: close`: a kept-alive socket that sat idle past the server's keep-alive timeout
 * (uvicorn's 5 s) can be closed by the server just as the next poll reuses it, and the poll
 * fails with ECONNRESET (seen in a fresh-clone run); this context makes no other requests, so
 * with each one closing its socket there is never an idle one to reuse.
 */
export async function liveSubscribers(browser, app) {
  const response = await browser.context.request.get(`${app.baseUrl}/healthz`, { headers: { connection: "close" } });
  return (await response.json()).live.subscribers;
}

/**
 * Polls (with a deadline) until the server counts as many live subscribers as `wanted()` (the
 * open pages' subscriptions, at least one), or none when `wanted` is null.
 */
export async function serverCounts(browser, app, wanted, what) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const want = wanted === null ? 0 : wanted();
    const have = await liveSubscribers(browser, app);
    if (wanted === null ? have === 0 : want > 0 && have === want) return;
    if (Date.now() > deadline) throw new Error(`waited 15 s for ${what}: the server counts ${have}, the pages hold ${want}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** 20261123T101500Z: iCalendar UTC time, so a test does not depend on the machine's zone. */
export const icsTime = (date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** An iCalendar file with one 45-minute event per entry of `events` ({ uid, title, startsAt, name?, email? }). */
export function icsCalendar(events) {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Clientele//e2e//EN"];
  for (const event of events) {
    const end = new Date(event.startsAt.getTime() + 45 * 60 * 1000);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}@e2e.example.com`,
      `DTSTAMP:${icsTime(new Date())}`,
      `DTSTART:${icsTime(event.startsAt)}`,
      `DTEND:${icsTime(end)}`,
      `SUMMARY:${event.title}`,
      ...(event.name ? [`DESCRIPTION:Name: ${event.name}\\nEmail: ${event.email}`] : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}

/** calendarUpload from inside the page, with its session cookie and CSRF token (as the SPA does). */
export async function uploadThroughPage(page, fileName, text, name) {
  return page.evaluate(
    async ({ fileName, text, name }) => {
      const me = await fetch("/graphql?query=%7Bme%7BcsrfToken%7D%7D", { headers: { accept: "application/json" } }).then((r) => r.json());
      const form = new FormData();
      form.append(
        "operations",
        JSON.stringify({
          query: "mutation ($file: Upload!, $name: String) { calendarUpload(file: $file, name: $name) { syncRun { appointmentsCreated error } userErrors { code message } } }",
          variables: { file: null, name },
        }),
      );
      form.append("map", JSON.stringify({ 0: ["variables.file"] }));
      form.append("0", new File([text], fileName, { type: "text/calendar" }));
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { accept: "application/json", "x-csrf-token": me.data.me.csrfToken },
        body: form,
      });
      return response.json();
    },
    { fileName, text, name },
  );
}

/** Pixels the page overflows sideways (0 or less: none). */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
