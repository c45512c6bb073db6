// The IDE itself: GraphiQL 5 (Monaco editors; their web workers come from this build through
// graphiql/setup-workers/vite) with the explorer plugin, the docs and the history.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import type { Fetcher } from "@graphiql/toolkit";
import { GraphiQL, HISTORY_PLUGIN } from "graphiql";
import "./graphiql.css";

const plugins = [HISTORY_PLUGIN, explorerPlugin()];

export function GraphiQLPage({ fetcher }: { fetcher: Fetcher }) {
  return <GraphiQL fetcher={fetcher} plugins={plugins} isHeadersEditorEnabled shouldPersistHeaders={false} />;
}
