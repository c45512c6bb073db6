// The public booking page's entry (loaded by main.tsx for /book/<slug>): a plain urql client
// (no cache, no WebSocket, no session), the page, and nothing of the staff app.
import { StrictMode } from "react";
import type { Root } from "react-dom/client";
import { Client, fetchExchange, Provider } from "urql";
import { BookingPage } from "./components/BookingPage";
import "../../styles/app.css";

export function mountBooking(root: Root, accountSlug: string): void {
  const client = new Client({
    url: "/graphql",
    exchanges: [fetchExchange],
    preferGetMethod: false,
    requestPolicy: "network-only",
    fetchOptions: { credentials: "omit", headers: { accept: "application/graphql-response+json, application/json" } },
  });
  document.title = "Request an appointment";
  root.render(
    <StrictMode>
      <Provider value={client}>
        <BookingPage accountSlug={accountSlug} />
      </Provider>
    </StrictMode>,
  );
}
