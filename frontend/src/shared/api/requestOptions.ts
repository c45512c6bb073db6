// Everything the app sends along with API calls lives here, so that adding login later
// (a token header, cookies) is a change to this file only.

/** Path of the GraphQL endpoint (HTTP and WebSocket) on the app's own origin. */
export const GRAPHQL_PATH = "/graphql";

/** Options for every HTTP request to the API. */
export function fetchOptions(): RequestInit {
  return { credentials: "same-origin", headers: {} };
}

/** Payload of the graphql-transport-ws ConnectionInit message. */
export function connectionParams(): Record<string, unknown> {
  return {};
}

/** ws(s)://<host>/graphql for the page's own origin. */
export function graphqlWsUrl(location: Pick<Location, "protocol" | "host"> = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}
