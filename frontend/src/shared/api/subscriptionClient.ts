// The one WebSocket client (graphql-transport-ws) for every live feature. It connects lazily on
// the first subscription, closes shortly after the last one ends and reconnects on its own.
import { createClient, type Client } from "graphql-ws";
import { connectionParams, graphqlWsUrl } from "./requestOptions";

let shared: Client | null = null;

export function subscriptionClient(): Client {
  if (shared === null) {
    shared = createClient({
      url: graphqlWsUrl(),
      connectionParams,
      lazy: true,
      lazyCloseTimeout: 3_000,
      retryAttempts: 20,
      shouldRetry: () => true,
    });
  }
  return shared;
}
