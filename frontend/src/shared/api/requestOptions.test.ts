import { describe, expect, it } from "vitest";
import { fetchOptions, graphqlWsUrl } from "./requestOptions";

describe("graphqlWsUrl", () => {
  it("uses ws on http and wss on https, on the page's own host", () => {
    expect(graphqlWsUrl({ protocol: "http:", host: "127.0.0.1:8000" })).toBe("ws://127.0.0.1:8000/graphql");
    expect(graphqlWsUrl({ protocol: "https:", host: "crm.example.com" })).toBe("wss://crm.example.com/graphql");
  });
});

describe("fetchOptions", () => {
  it("asks for a single JSON response", () => {
    const headers = fetchOptions().headers as Record<string, string>;
    expect(headers.accept).toBe("application/graphql-response+json, application/json");
    expect(headers.accept).not.toMatch(/event-stream|multipart/);
  });
});
