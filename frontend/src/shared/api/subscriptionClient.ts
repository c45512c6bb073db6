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
      webSocketImpl: TextFrameWebSocket,
    });
  }
  return shared;
}

/**
 * graphql-transport-ws messages are JSON text frames, and graphql-ws cannot read anything else.
 * This WebSocket also accepts a server that sends the same JSON as UTF-8 binary frames: it
 * turns each binary message into a text message before graphql-ws sees it.
 */
export class TextFrameWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    this.binaryType = "arraybuffer";
    const decoder = new TextDecoder();
    // Registered before graphql-ws sets `onmessage`, so it runs first.
    this.addEventListener("message", (event) => {
      if (typeof event.data === "string") return;
      event.stopImmediatePropagation();
      this.dispatchEvent(new MessageEvent("message", { data: decoder.decode(event.data as ArrayBuffer) }));
    });
  }
}
