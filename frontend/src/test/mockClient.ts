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
import { filter, make, mergeMap, pipe, share, takeUntil } from "wonka";
import { createCacheExchange } from "../shared/api/cache";

export type Handler = (variables: Record<string, unknown>) => unknown;

/** A handler's answer with GraphQL errors (and no data), as the API sends a refused request. */
export class GraphQLErrorsAnswer {
  constructor(public errors: { message: string; extensions?: Record<string, unknown> }[]) {}
}

export const graphqlErrors = (...errors: { message: string; extensions?: Record<string, unknown> }[]) =>
  new GraphQLErrorsAnswer(errors);

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

  // Like fetchExchange: an operation torn down before the next microtask is never sent.
  const respond = (operation: Operation) =>
    make<OperationResult>(({ next, complete }) => {
      const name = operationName(operation);
      let active = true;
      let stopListening = () => {};
      Promise.resolve().then(async () => {
        if (!active) return;
        calls.push(operation);
        if (operation.kind === "subscription") {
          const listener = (data: unknown) => next(makeResult(operation, { data: data as Record<string, unknown> }));
          if (!listeners.has(name)) listeners.set(name, new Set());
          listeners.get(name)!.add(listener);
          stopListening = () => listeners.get(name)?.delete(listener);
          return;
        }
        const handler = handlers[name];
        let result: OperationResult;
        try {
          if (!handler) throw new Error(`No mock for ${name}`);
          const data = await handler(operation.variables as Record<string, unknown>);
          result =
            data instanceof Error
              ? makeErrorResult(operation, data)
              : data instanceof GraphQLErrorsAnswer
                ? makeResult(operation, { data: null, errors: data.errors })
                : makeResult(operation, { data: data as Record<string, unknown> });
        } catch (error) {
          result = makeErrorResult(operation, error as Error);
        }
        if (!active) return;
        next(result);
        complete();
      });
      return () => {
        active = false;
        stopListening();
      };
    });

  const network: Exchange = () => (operations$) => {
    const shared$ = share(operations$);
    return pipe(
      shared$,
      filter((operation) => operation.kind !== "teardown"),
      mergeMap((operation) => {
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
