// Runs graphql-http's server audit against a live server and prints the results as JSON.
// Usage: node tests/http/audit.mjs http://127.0.0.1:8000/graphql
import { auditServer } from "graphql-http";

const url = process.argv[2];
const results = await auditServer({ url, fetchFn: fetch });
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
