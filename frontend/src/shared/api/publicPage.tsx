// Mounts a public page (the booking page, the preferences page) with a plain urql client: no
// cache, no WebSocket, no session, no cookies, and nothing of the staff app.
import { StrictMode, type ReactNode } from "react";
import type { Root } from "react-dom/client";
import { Client, fetchExchange, Provider } from "urql";
import "../../styles/app.css";

export function mountPublicPage(root: Root, title: string, page: ReactNode): void {
  const client = new Client({
    url: "/graphql",
    exchanges: [fetchExchange],
    preferGetMethod: false,
    requestPolicy: "network-only",
    fetchOptions: { credentials: "omit", headers: { accept: "application/graphql-response+json, application/json" } },
  });
  document.title = title;
  root.render(
    <StrictMode>
      <Provider value={client}>{page}</Provider>
    </StrictMode>,
  );
}
