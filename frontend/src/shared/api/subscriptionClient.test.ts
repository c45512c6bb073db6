import { describe, expect, it } from "vitest";
import { TextFrameWebSocket } from "./subscriptionClient";

describe("TextFrameWebSocket", () => {
  it("hands binary frames to onmessage as text, and text frames unchanged", () => {
    const socket = new TextFrameWebSocket("ws://127.0.0.1:9/graphql", "graphql-transport-ws");
    socket.onerror = () => {};
    const seen: unknown[] = [];
    socket.onmessage = (event) => seen.push(event.data);
    const bytes = new TextEncoder().encode('{"type":"connection_ack"}');
    socket.dispatchEvent(new MessageEvent("message", { data: bytes.buffer }));
    socket.dispatchEvent(new MessageEvent("message", { data: '{"type":"pong"}' }));
    expect(seen).toEqual(['{"type":"connection_ack"}', '{"type":"pong"}']);
    expect(socket.binaryType).toBe("arraybuffer");
    socket.close();
  });
});
