// Addresses of the customer downloads (plain GETs; the session cookie authenticates them):
//   /export/customers.csv|xlsx?search=…&searchMode=FULL_TEXT&filter={CustomerFilter as JSON}
//   /export/customers/{global id}.json   one customer's data (GDPR access request)
import type { CustomerFilter, SearchMode } from "../../../gql/graphql";

export type ExportFormat = "csv" | "xlsx";

/** What the list shows; null (or nothing set) exports every active customer. */
export interface ExportScope {
  search: string;
  mode: SearchMode;
  /** The API's filter, or null when no filter is set. */
  filter: CustomerFilter | null;
}

export function customersExportUrl(format: ExportFormat, scope: ExportScope | null): string {
  const params = new URLSearchParams();
  if (scope?.search) {
    params.set("search", scope.search);
    if (scope.mode === "FULL_TEXT") params.set("searchMode", "FULL_TEXT");
  }
  if (scope?.filter) params.set("filter", JSON.stringify(scope.filter));
  const query = params.toString();
  return `/export/customers.${format}${query ? `?${query}` : ""}`;
}

export function customerDataUrl(id: string): string {
  return `/export/customers/${encodeURIComponent(id)}.json`;
}
