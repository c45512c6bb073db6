import { afterEach, describe, expect, it, vi } from "vitest";
import { csrfTokenOfPage, graphiqlFetcher } from "./fetcher";

afterEach(() => {
  vi.unstubAllGlobals();
  document.head.innerHTML = "";
});

describe("GraphiQL's fetcher", () => {
  it("sends the page's CSRF token with the session cookie, and the headers editor's values", async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { me: null } }), { headers: { "content-type": "application/json" } }));
    vi.stubGlobal("fetch", fetch);
    const fetcher = graphiqlFetcher({ protocol: "http:", host: "127.0.0.1:8000" }, "csrf-123");
    const result = await fetcher({ query: "{ me { name } }" }, { headers: { Authorization: "Bearer clt_x" } });
    expect(result).toEqual({ data: { me: null } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/graphql");
    expect(init.credentials).toBe("same-origin");
    expect(init.headers).toMatchObject({ "x-csrf-token": "csrf-123", Authorization: "Bearer clt_x" });
  });

  it("reads the token the server wrote into the page, none when signed out", () => {
    expect(csrfTokenOfPage(document)).toBeNull();
    document.head.innerHTML = '<meta name="csrf-token" content="" />';
    expect(csrfTokenOfPage(document)).toBeNull();
    document.head.innerHTML = '<meta name="csrf-token" content="abc" />';
    expect(csrfTokenOfPage(document)).toBe("abc");
  });
});
