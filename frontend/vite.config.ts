/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { initialJsBudget } from "./initialJsBudget.ts";
import { precompress } from "./precompress.ts";

// The API during development: `python -m clientele serve` (default port 8000).
const API = process.env.CLIENTELE_API ?? "http://127.0.0.1:8000";

export default defineConfig({
  base: "/",
  plugins: [react(), initialJsBudget(150), precompress()],
  build: {
    assetsDir: "assets",
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
