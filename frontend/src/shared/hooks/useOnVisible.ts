import { useEffect, useRef } from "react";

/**
 * Calls `onVisible` whenever the returned element scrolls near the viewport (infinite scroll).
 * Browsers without IntersectionObserver simply never call it; the caller keeps a button too.
 */
export function useOnVisible<E extends Element>(
  onVisible: () => void,
  enabled: boolean,
  /** Change it (e.g. the number of loaded rows) to check again after the content grew. */
  generation: unknown = 0,
) {
  const ref = useRef<E | null>(null);
  const callback = useRef(onVisible);
  callback.current = onVisible;

  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [enabled, generation]);

  return ref;
}
