import { useCallback, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";

type Change = (current: URLSearchParams) => URLSearchParams;

/**
 * useSearchParams whose value changes at once. The router applies address changes in a React
 * transition, so a control bound to the address (a ticked filter) would lag behind the click
 * on a busy device. Here the page renders from local state and the address follows; changes
 * that come from outside (Back, a link, a reload) are adopted.
 */
export function useImmediateSearchParams(): [
  URLSearchParams,
  (change: Change, options?: { replace?: boolean }) => void,
] {
  const [urlParams, setUrlParams] = useSearchParams();
  const [params, setParams] = useState(() => new URLSearchParams(urlParams));
  const latest = useRef(params);
  const pending = useRef<string[]>([]); // addresses we asked for that have not arrived yet
  const urlString = urlParams.toString();

  useEffect(() => {
    const ours = pending.current.indexOf(urlString);
    if (ours >= 0) {
      pending.current = pending.current.slice(ours + 1);
      return;
    }
    pending.current = [];
    if (urlString === latest.current.toString()) return;
    const adopted = new URLSearchParams(urlString);
    latest.current = adopted;
    setParams(adopted);
  }, [urlString]);

  const update = useCallback(
    (change: Change, options?: { replace?: boolean }) => {
      const next = change(new URLSearchParams(latest.current));
      latest.current = next;
      pending.current.push(next.toString());
      setParams(next);
      setUrlParams(next, options);
    },
    [setUrlParams],
  );
  return [params, update];
}
