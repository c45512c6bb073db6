// A urql client whose "server" is a map of operation name -> handler, optionally behind the
// app's real normalised cache, recording every operation that reaches the network.
import {
  Client,
  makeErrorResult,
  makeResult,
  type Exchange,
  type Operation,
  type OperationResult,
} from "@urql/core";
import { filter, fromPromise, fromValue, make, mergeMap, pipe, share, takeUntil } from "wonka";
import { createCacheExchange } from "../shared/api/cache";

export type Handler = (variables: Record<string, unknown>) => unknown;

export interface MockClient {
  client: Client;
  /** Operations that reached the network, in order. */
  calls: Operation[];
  callsOf: (name: string) => Operation[];
  /** Pushes a subscription event to every active subscription of that name. */
  emit: (name: string, data: unknown) => void;
}

export function operationName(operation: Operation): string {
  for (const definition of operation.query.definitions) {
    if (definition.kind === "OperationDefinition" && definition.name) return definition.name.value;
  }
  return "";
}

export function mockClient(handlers: Record<string, Handler>, options: { cache?: boolean } = {}): MockClient {
  const calls: Operation[] = [];
  const listeners = new Map<string, Set<(data: unknown) => void>>();

  const respond = (operation: Operation) => {
    const name = operationName(operation);
    if (operation.kind === "subscription") {
      return make<OperationResult>(({ next }) => {
        const listener = (data: unknown) => next(makeResult(operation, { data }));
        if (!listeners.has(name)) listeners.set(name, new Set());
        listeners.get(name)!.add(listener);
        return () => listeners.get(name)?.delete(listener);
      });
    }
    const handler = handlers[name];
    if (!handler) return fromValue(makeErrorResult(operation, new Error(`No mock for ${name}`)));
    return fromPromise(
      Promise.resolve()
        .then(() => handler(operation.variables as Record<string, unknown>))
        .then(
          (data) => (data instanceof Error ? makeErrorResult(operation, data) : makeResult(operation, { data })),
          (error: Error) => makeErrorResult(operation, error),
        ),
    );
  };

  const network: Exchange = () => (operations$) => {
    const shared$ = share(operations$);
    return pipe(
      shared$,
      filter((operation) => { if (process.env.MOCK_DEBUG) console.log("op", operation.kind, operation.key, new Error().stack?.split("\n").slice(2, 4).join("|")); return operation.kind !== "teardown"; }),
      mergeMap((operation) => {
        calls.push(operation); if (process.env.MOCK_DEBUG) console.log("push", operation.kind, operation.key, calls.length);
        const teardown$ = pipe(
          shared$,
          filter((other) => other.kind === "teardown" && other.key === operation.key),
        );
        return pipe(respond(operation), takeUntil(teardown$));
      }),
    );
  };

  const exchanges = options.cache ? [createCacheExchange(), network] : [network];
  const client = new Client({ url: "/graphql", exchanges, preferGetMethod: false });
  return {
    client,
    calls,
    callsOf: (name) => calls.filter((operation) => operationName(operation) === name),
    emit: (name, data) => listeners.get(name)?.forEach((listener) => listener(data)),
  };
}
