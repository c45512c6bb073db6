// Normalised cache (graphcache): entities by __typename + id, plus the few updates that a
// mutation or a live event cannot express by itself (lists gaining or losing customers).
import { cacheExchange, type Cache, type CacheExchangeOpts } from "@urql/exchange-graphcache";
import { relayPagination } from "@urql/exchange-graphcache/extras";

/** Types without an id are stored inside their parent entity. */
const embedded = [
  "Address",
  "CustomFieldValue",
  "PageInfo",
  "CustomerError",
  "CustomerConnection",
  "CustomerEdge",
  "AppointmentConnection",
  "AppointmentEdge",
  "CommunicationConnection",
  "CommunicationEdge",
  "CustomerCreatePayload",
  "CustomerUpdatePayload",
  "CustomerDeletePayload",
  "CustomerChangedEvent",
  "Me",
  "AccountSettings",
  "LoginPayload",
  "LogoutPayload",
  "AccountError",
];

/** Drops every cached page of every customer list, so visible lists fetch afresh. */
export function invalidateCustomerLists(cache: Cache): void {
  for (const field of cache.inspectFields("Query")) {
    if (field.fieldName === "customers") cache.invalidate("Query", field.fieldKey);
  }
}

type Data = Record<string, unknown>;

function payload(result: Data, name: string): Data | null {
  const value = result[name];
  return value && typeof value === "object" ? (value as Data) : null;
}

export const cacheConfig: CacheExchangeOpts = {
  keys: Object.fromEntries(embedded.map((name) => [name, () => null])),
  resolvers: {
    Query: {
      customers: relayPagination(),
      customer: (_parent, args) => ({ __typename: "Customer", id: args.id as string }),
    },
  },
  updates: {
    Mutation: {
      customerCreate(result, _args, cache) {
        if (payload(result, "customerCreate")?.customer) invalidateCustomerLists(cache);
      },
      customerUpdate(result, _args, cache) {
        // A changed name or status can move the customer within or out of a list.
        if (payload(result, "customerUpdate")?.customer) invalidateCustomerLists(cache);
      },
      customerDelete(result, _args, cache) {
        const deletedId = payload(result, "customerDelete")?.deletedId;
        if (typeof deletedId !== "string") return;
        cache.invalidate({ __typename: "Customer", id: deletedId });
        invalidateCustomerLists(cache);
      },
    },
    Subscription: {
      customerChanged(result, _args, cache) {
        const event = payload(result, "customerChanged");
        if (!event) return;
        if (event.kind === "DELETED" && typeof event.customerId === "string") {
          cache.invalidate({ __typename: "Customer", id: event.customerId });
        }
        if (event.kind !== "UPDATED") invalidateCustomerLists(cache);
      },
    },
  },
};

export function createCacheExchange() {
  return cacheExchange(cacheConfig);
}
