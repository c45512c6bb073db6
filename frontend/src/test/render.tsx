import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { Provider, type Client } from "urql";

/** Renders `ui` at `path` (matched by `pattern`) with the given urql client. */
export function renderPage(
  ui: ReactElement,
  {
    client,
    path = "/",
    pattern = "*",
    wrap = (node) => node,
  }: { client: Client; path?: string; pattern?: string; wrap?: (node: ReactElement) => ReactElement },
) {
  const user = userEvent.setup();
  const location: { current: string } = { current: path };
  function Spy() {
    const here = useLocation();
    location.current = `${here.pathname}${here.search}`;
    return null;
  }
  const view = render(
    <Provider value={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={pattern} element={wrap(ui)} />
          <Route path="*" element={<p>Elsewhere</p>} />
        </Routes>
        <Spy />
      </MemoryRouter>
    </Provider>,
  );
  return { ...view, user, location };
}
