import { useEffect, type RefObject } from "react";

/** After a failed save, moves focus to the first control marked aria-invalid. */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, trigger: unknown) {
  useEffect(() => {
    if (!trigger) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [form, trigger]);
}
