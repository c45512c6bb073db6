// GraphiQL, served by the app at GET /graphql (text/html) from this build: no CDN. A page of its
// own (graphiql.html), so the staff app never loads it; the IDE (Monaco and its web workers,
// bundled by Vite and served from /assets) is imported lazily after the page has painted.
import { createRoot } from "react-dom/client";
import { csrfTokenOfPage, graphiqlFetcher } from "./fetcher";

const root = createRoot(document.getElementById("graphiql")!);
const fetcher = graphiqlFetcher(window.location, csrfTokenOfPage(document));

void import("./GraphiQLPage").then(({ GraphiQLPage }) => root.render(<GraphiQLPage fetcher={fetcher} />));

