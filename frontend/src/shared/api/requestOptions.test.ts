import { describe, expect, it } from "vitest";
import { graphqlWsUrl } from "./requestOptions";

describe("graphqlWsUrl", () => {
  it("uses ws on http and wss on https, on the page's own host", () => {
    expect(graphqlWsUrl({ protocol: "http:", host: "127.0.0.1:8000" })).toBe("ws://127.0.0.1:8000/graphql");
    expect(graphqlWsUrl({ protocol: "https:", host: "crm.example.com" })).toBe("wss://crm.example.com/graphql");
  });
});
