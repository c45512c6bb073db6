import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { Provider } from "urql";
import { App } from "./app/App";
import { SessionGate } from "./modules/session/components/SessionGate";
import { createApiClient } from "./shared/api/client";
import "./styles/app.css";

const client = createApiClient();

createRoot(document.getElementById("root")!).render(
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
