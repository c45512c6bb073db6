import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Client, fetchExchange } from "urql";
import { describe, expect, it, vi } from "vitest";
import { BookingFormFieldsDocument, MeDocument } from "../../gql/graphql";
import { CustomerChangedSubscription } from "../../modules/customers/graphql/CustomerChangedSubscription";
import { documentIdExchange, documentIdOf, subscriptionPayload } from "./documentIds";

const persisted = JSON.parse(readFileSync(join(process.cwd(), "src/gql/persisted-documents.json"), "utf8")) as Record<string, string>;

function clientSending(preferGetMethod: false | "within-url-limit") {
  const fetch = vi.fn(async () => new Response(JSON.stringify({ data: { me: null } }), { headers: { "content-type": "application/json" } }));
  const client = new Client({ url: "http://app.test/graphql", exchanges: [documentIdExchange, fetchExchange], fetch, preferGetMethod });
  return { client, fetch };
}

describe("documentIdExchange", () => {
  it("sends a query's trusted document id instead of its text, and hands back the original operation", async () => {
    const { client, fetch } = clientSending(false);
    const result = await client.query(MeDocument, {}).toPromise();
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const body = JSON.parse(init.body as string);
    expect(body.documentId).toBe(documentIdOf(MeDocument));
    expect(body.documentId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(body).not.toHaveProperty("query");
    expect(body.operationName).toBe("Me");
    expect(Object.keys(persisted)).toContain(body.documentId);
    expect(result.operation.query).toBe(MeDocument);
    expect(result.data).toEqual({ me: null });
  });

  it("sends cacheable reads as GET with documentId in the URL", async () => {
    const { client, fetch } = clientSending("within-url-limit");
    await client.query(BookingFormFieldsDocument, { accountSlug: "praxis" }).toPromise();
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const params = new URL(url).searchParams;
    expect(init.method).toBe("GET");
    expect(params.get("documentId")).toBe(documentIdOf(BookingFormFieldsDocument));
    expect(params.get("query")).toBeNull();
    expect(params.get("operationName")).toBe("BookingFormFields");
    expect(JSON.parse(params.get("variables")!)).toEqual({ accountSlug: "praxis" });
  });

  it("leaves documents without an id alone", () => {
    expect(documentIdOf({ kind: "Document", definitions: [] })).toBeNull();
    expect(documentIdOf(null)).toBeNull();
  });
});

describe("subscriptionPayload", () => {
  const request = { query: "subscription CustomerChanged { x }", operationName: "CustomerChanged", variables: { id: "Q3" } };

  it("sends a subscription by its trusted document id, with the empty query graphql-ws needs", () => {
    const payload = subscriptionPayload(request, CustomerChangedSubscription, true);
    expect(payload.documentId).toBe(documentIdOf(CustomerChangedSubscription));
    expect(Object.keys(persisted)).toContain(payload.documentId);
    expect(payload).toMatchObject({ query: "", operationName: "CustomerChanged", variables: { id: "Q3" } });
  });

  it("sends the text outside a production build", () => {
    const payload = subscriptionPayload(request, CustomerChangedSubscription, false);
    expect(payload).toEqual(request);
  });
});
