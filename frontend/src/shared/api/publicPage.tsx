// Mounts a public page (the booking page, the preferences page) with a plain urql client: no
// cache, no WebSocket, no session, no cookies, and nothing of the staff app. Operations go out
// as trusted document ids (documentIds.ts); `cacheableReads` pages send their queries with GET,
// which a CDN may cache (public reads only: the booking form, not a customer's preferences).
import { StrictMode, type ReactNode } from "react";
import type { Root } from "react-dom/client";
import { Client, fetchExchange, Provider } from "urql";
import { trustedDocumentExchanges } from "./documentIds";
import "../../styles/app.css";

export function mountPublicPage(root: Root, title: string, page: ReactNode, { cacheableReads = false } = {}): void {
  const client = new Client({
    url: "/graphql",
    exchanges: [...trustedDocumentExchanges, fetchExchange],
    preferGetMethod: cacheableReads ? "within-url-limit" : false,
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
