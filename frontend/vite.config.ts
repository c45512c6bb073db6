/// <reference types="vitest/config" />
import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { initialJsBudget } from "./initialJsBudget.ts";
import { precompress } from "./precompress.ts";
import { trustedDocumentId, trustedDocumentText } from "./trustedDocumentText.ts";

// The API during development: `python -m clientele serve` (default port 8000).
const API = process.env.CLIENTELE_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  base: "/",
  // graphiql.html (GraphiQL, served at GET /graphql) is a page of its own, outside the budget
  plugins: [react(), initialJsBudget(150, { except: ["graphiql"] }), precompress(), trustedDocuments()],
  build: {
    assetsDir: "assets",
    rollupOptions: {
      input: { index: "index.html", graphiql: "graphiql.html" },
    },
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      // Host is kept, so the server sees the WebSocket come from its own origin (cookie auth).
      "/graphql": { target: API, changeOrigin: false, ws: true },
    },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
  },
});

/**
 * The SPA's trusted documents go out with the build as dist/trusted-documents.json
 * {"sha256:<hex>": text}, where the server reads them (backend/clientele/api/trusted_documents.py):
 * codegen's documents (src/gql/persisted-documents.json) as the server runs them, each under the
 * id the bundle sends (trustedDocumentText.ts). A mismatch fails the build.
 */
function trustedDocuments(): Plugin {
  return {
    name: "clientele-trusted-documents",
    apply: "build",
    generateBundle() {
      const path = new URL("./src/gql/persisted-documents.json", import.meta.url);
      const persisted = JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
      const trusted: Record<string, string> = {};
      for (const [id, text] of Object.entries(persisted)) {
        if (trustedDocumentId(text) !== id) this.error(`${id} is not the id of its document: run codegen`);
        trusted[id] = trustedDocumentText(text);
      }
      this.emitFile({ type: "asset", fileName: "trusted-documents.json", source: JSON.stringify(trusted, null, 1) });
    },
  };
}
