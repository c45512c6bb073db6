// The urql client: normalised cache, HTTP for queries and mutations (POST, as trusted document
// ids: documentIds.ts), WebSocket for subscriptions.
import { Client, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from "urql";
import { createCacheExchange } from "./cache";
import { trustedDocumentExchanges } from "./documentIds";
import { fetchOptions, GRAPHQL_PATH, reportSessionLost } from "./requestOptions";
import { subscriptionClient } from "./subscriptionClient";

export function createApiClient(): Client {
  return new Client({
    url: GRAPHQL_PATH,
    fetchOptions,
    requestPolicy: "cache-first",
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) reportSessionLost();
        },
      }),
      createCacheExchange(),
      ...trustedDocumentExchanges,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              const unsubscribe = subscriptionClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}

export function isUnauthenticated(error: CombinedError): boolean {
  return (
    error.response?.status === 401 ||
    error.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED")
  );
}
