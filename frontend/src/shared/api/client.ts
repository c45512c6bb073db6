// The urql client: normalised cache, HTTP for queries and mutations, WebSocket for subscriptions.
import { Client, fetchExchange, subscriptionExchange } from "urql";
import { createCacheExchange } from "./cache";
import { fetchOptions, GRAPHQL_PATH } from "./requestOptions";
import { subscriptionClient } from "./subscriptionClient";

export function createApiClient(): Client {
  return new Client({
    url: GRAPHQL_PATH,
    fetchOptions,
    requestPolicy: "cache-first",
    preferGetMethod: false,
    exchanges: [
      createCacheExchange(),
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
