// How GraphiQL talks to the API: queries and mutations over HTTP on the page's own origin with
// the session cookie and its CSRF token (cookie sessions), subscriptions over a WebSocket
// (graphql-transport-ws) on the same path. Headers typed into GraphiQL's headers editor (e.g.
// `{"Authorization": "Bearer clt_…"}`) go with every HTTP request and, for subscriptions, in
// the WebSocket's connection_init payload, which the server reads the token from.
import { createGraphiQLFetcher, type Fetcher } from "@graphiql/toolkit";
import { GRAPHQL_PATH, graphqlWsUrl } from "../shared/api/requestOptions";

export function graphiqlFetcher(location: Pick<Location, "protocol" | "host">, csrfToken: string | null): Fetcher {
  return createGraphiQLFetcher({
    url: GRAPHQL_PATH,
    subscriptionUrl: graphqlWsUrl(location),
    headers: csrfToken ? { "x-csrf-token": csrfToken } : {},
    // one JSON answer per query (no multipart/mixed incremental delivery)
    enableIncrementalDelivery: false,
    fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
  });
}

/** The signed-in session's CSRF token, which the server writes into the page it serves. */
export function csrfTokenOfPage(page: Document): string | null {
  return page.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content || null;
}
