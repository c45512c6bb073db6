// Loading, error and empty states, the same on every page.
import type { ReactNode } from "react";
import type { CombinedError } from "urql";

export function Loading({ label }: { label: string }) {
  return (
    <div className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Readable text for a failed request: network trouble or the API's own message. */
export function errorText(error: CombinedError | Error): string {
  if ("networkError" in error && error.networkError) {
    return "The server could not be reached. Check your connection and try again.";
  }
  if ("graphQLErrors" in error && error.graphQLErrors.length > 0) {
    return error.graphQLErrors.map((e) => e.message).join(" ");
  }
  return error.message;
}

export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: CombinedError | Error;
  onRetry?: () => void;
}) {
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title}</p>
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {children}
    </div>
  );
}
