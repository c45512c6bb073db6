// The customer's preferences page's entry (loaded by main.tsx for /preferences/<token>): a plain
// urql client (no cache, no WebSocket, no session, no cookies), the page, and nothing of the
// staff app.
import { StrictMode } from "react";
import type { Root } from "react-dom/client";
import { Client, fetchExchange, Provider } from "urql";
import { PreferencesPage } from "./components/PreferencesPage";
import "../../styles/app.css";

export function mountPreferences(root: Root, token: string): void {
  const client = new Client({
    url: "/graphql",
    exchanges: [fetchExchange],
    preferGetMethod: false,
    requestPolicy: "network-only",
    fetchOptions: { credentials: "omit", headers: { accept: "application/graphql-response+json, application/json" } },
  });
  document.title = "Message preferences";
  root.render(
    <StrictMode>
      <Provider value={client}>
        <PreferencesPage token={token} />
      </Provider>
    </StrictMode>,
  );
}
