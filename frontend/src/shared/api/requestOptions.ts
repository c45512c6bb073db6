// Everything the app sends along with API calls lives here, so that adding login later
// (a token header, cookies) is a change to this file only.

/** Path of the GraphQL endpoint (HTTP and WebSocket) on the app's own origin. */
export const GRAPHQL_PATH = "/graphql";

/**
 * Options for every HTTP request to the API. Queries and mutations ask for one JSON answer
 * only: urql's default Accept also lists text/event-stream and multipart/mixed, which the
 * server may then choose for a plain query (subscriptions go over the WebSocket instead).
 */
export function fetchOptions(): RequestInit {
  return {
    credentials: "same-origin",
    headers: { accept: "application/graphql-response+json, application/json" },
  };
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
