// Trusted documents: queries and mutations go out as `documentId` (the SHA-256 codegen wrote into
// each document, `__meta__.hash`) instead of their text; the server holds the same documents
// (src/gql/persisted-documents.json, shipped as dist/trusted-documents.json) and may refuse text
// from the SPA altogether (TRUSTED_DOCUMENTS_ONLY). Placed just before fetchExchange: the cache
// above it still sees the full document, and each result is handed back with the original
// operation. Subscriptions go over the WebSocket by id too (subscriptionPayload); documents
// without a hash go out as they are.
// Production builds only (the e2e tests run one): `vite dev` sends text, as the server's
// manifest comes from the last build, not from the sources being edited.
import type { DocumentNode } from "graphql"; // types only: graphql-js stays out of the bundle
import { makeOperation, type Exchange, type Operation } from "urql";
import { map, pipe } from "wonka";

type Hashed = { __meta__?: { hash?: unknown } };

/** The trusted document id codegen embedded in a document, or null. */
export function documentIdOf(query: unknown): string | null {
  const hash = (query as Hashed | null)?.__meta__?.hash;
  return typeof hash === "string" ? hash : null;
}

function operationNameOf(query: DocumentNode): string | null {
  for (const definition of query.definitions) {
    if (definition.kind === "OperationDefinition") return definition.name?.value ?? null;
  }
  return null;
}

/**
 * urql names the operation from the document's definitions, which a document sent by id lacks:
 * this fetch puts `operationName` back into the JSON body (POST) or the URL (GET), for logs,
 * the server's choice among operations, and tools that read it.
 */
function withOperationName(fetcher: typeof fetch | undefined, name: string): typeof fetch {
  return (input, init) => {
    const send = fetcher ?? globalThis.fetch;
    if (typeof init?.body === "string") {
      return send(input, { ...init, body: JSON.stringify({ ...JSON.parse(init.body), operationName: name }) });
    }
    if (!init?.body && typeof input === "string") {
      return send(`${input}${input.includes("?") ? "&" : "?"}operationName=${encodeURIComponent(name)}`, init);
    }
    return send(input, init);
  };
}

export const documentIdExchange: Exchange =
  ({ forward }) =>
  (operations$) => {
    const originals = new Map<number, Operation>();
    const byId = (operation: Operation): Operation => {
      if (operation.kind === "teardown") {
        originals.delete(operation.key);
        return operation;
      }
      const documentId = operation.kind === "subscription" ? null : documentIdOf(operation.query);
      if (documentId === null) return operation;
      originals.set(operation.key, operation);
      // urql's fetch sends `documentId` and no `query` for a document without definitions
      const query: DocumentNode & { documentId: string } = { kind: "Document" as DocumentNode["kind"], definitions: [], documentId };
      const name = operationNameOf(operation.query);
      const context = name ? { ...operation.context, fetch: withOperationName(operation.context.fetch, name) } : operation.context;
      return makeOperation(operation.kind, { ...operation, query }, context);
    };
    return pipe(
      forward(pipe(operations$, map(byId))),
      map((result) => {
        const original = originals.get(result.operation.key);
        return original ? { ...result, operation: original } : result;
      }),
    );
  };

/** What a subscription's fields are sent as, besides `query`. */
type SubscriptionRequest = { query?: string; operationName?: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> };

/**
 * The payload of a WebSocket `subscribe`: in a production build a trusted document's id with an
 * empty `query` (graphql-ws refuses to send a payload whose `query` is not a string; the server
 * reads "" beside an id as none), otherwise the text.
 */
export function subscriptionPayload(
  request: SubscriptionRequest,
  query: DocumentNode,
  byId: boolean = import.meta.env.PROD,
): SubscriptionRequest & { query: string; documentId?: string } {
  const documentId = byId ? documentIdOf(query) : null;
  return documentId === null ? { ...request, query: request.query ?? "" } : { ...request, query: "", documentId };
}

/** The exchanges to put just before fetchExchange: documentIdExchange in a production build. */
export const trustedDocumentExchanges: Exchange[] = import.meta.env.PROD ? [documentIdExchange] : [];
