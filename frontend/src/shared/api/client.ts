// The urql client: normalised cache, HTTP for queries and mutations (POST), WebSocket for
// subscriptions; in a production build all of them as trusted document ids (documentIds.ts).
import { Client, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from "urql";
import { createCacheExchange } from "./cache";
import { subscriptionPayload, trustedDocumentExchanges } from "./documentIds";
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
        forwardSubscription(request, operation) {
          const input = subscriptionPayload(request, operation.query);
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
