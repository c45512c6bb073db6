// The staff app's entry (loaded by main.tsx for every path but /book/…): session, cache,
// router and shell.
import { StrictMode } from "react";
import type { Root } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { Provider } from "urql";
import { App } from "./app/App";
import { SessionGate } from "./modules/session/components/SessionGate";
import { createApiClient } from "./shared/api/client";
import "./styles/app.css";

export function mountStaff(root: Root): void {
  const client = createApiClient();
  root.render(
    <StrictMode>
      <Provider value={client}>
        <BrowserRouter>
          <SessionGate>
            <App />
          </SessionGate>
        </BrowserRouter>
      </Provider>
    </StrictMode>,
  );
}
