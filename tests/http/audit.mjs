// Runs graphql-http's server audit against a live server and prints the results as JSON.
// Usage: node tests/http/audit.mjs http://127.0.0.1:8000/graphql [TOKEN]
import { auditServer } from "graphql-http";

const [url, token] = process.argv.slice(2);
// with a token, every audit request is authenticated (as partners' apps are)
const fetchFn = token
  ? (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    }
  : fetch;
const results = await auditServer({ url, fetchFn });
const plain = await Promise.all(
  results.map(async (r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    reason: r.status === "ok" ? null : r.reason,
    response: r.status === "ok" ? null : {
      status: r.response.status,
      body: (await r.response.text()).slice(0, 300),
    },
  })),
);
console.log(JSON.stringify(plain));
