// Everything the app sends along with API calls lives here: the session is an HTTP-only
// cookie (sent by the browser on HTTP and on the WebSocket handshake), and every POST carries
// the session's CSRF token.

/** Path of the GraphQL endpoint (HTTP and WebSocket) on the app's own origin. */
export const GRAPHQL_PATH = "/graphql";

let csrfToken: string | null = null;

/** The signed-in session's CSRF token (from `me` or `login`), sent as X-CSRF-Token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Options for every HTTP request to the API. Queries and mutations ask for one JSON answer
 * only: urql's default Accept also lists text/event-stream and multipart/mixed, which the
 * server may then choose for a plain query (subscriptions go over the WebSocket instead).
 */
export function fetchOptions(): RequestInit {
  return {
    credentials: "same-origin",
    headers: {
      accept: "application/graphql-response+json, application/json",
      ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
    },
  };
}

/** Payload of the graphql-transport-ws ConnectionInit message (the socket rides on the cookie). */
export function connectionParams(): Record<string, unknown> {
  return {};
}

/** ws(s)://<host>/graphql for the page's own origin. */
export function graphqlWsUrl(location: Pick<Location, "protocol" | "host"> = window.location): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}${GRAPHQL_PATH}`;
}

type Listener = () => void;
const sessionLostListeners = new Set<Listener>();

/** Called when the API says the request was not signed in (expired or ended session). */
export function onSessionLost(listener: Listener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

export function reportSessionLost(): void {
  sessionLostListeners.forEach((listener) => listener());
}
