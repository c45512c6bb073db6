// The merge a MERGED history entry records. The entry stores the merge's raw UUID (change
// `merge`, `to`); the API's global IDs are base64 of "<Type>:<uuid>" (backend core/ids.py), so
// the ID customerUnmerge takes is base64("CustomerMerge:<uuid>").
import type { AuditEntryFieldsFragment } from "../../../gql/graphql";

/** How long a merge can be undone (customerUnmerge's window). */
export const UNMERGE_DAYS = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function mergeGlobalId(uuid: string): string {
  return btoa(`CustomerMerge:${uuid}`);
}

/** The raw UUID of the merge a MERGED (change `to`) or UNMERGED (change `from`) entry names. */
export function entryMergeUuid(entry: Pick<AuditEntryFieldsFragment, "action" | "changes">): string | null {
  const change = entry.changes.find((c) => c.field === "merge");
  const value = entry.action === "MERGED" ? change?.to : entry.action === "UNMERGED" ? change?.from : null;
  return typeof value === "string" && UUID.test(value) ? value : null;
}

/** Whether the merge of an entry made at `at` can still be undone at `now`. */
export function unmergeWindowOpen(at: string, now: Date = new Date()): boolean {
  return new Date(at).getTime() + UNMERGE_DAYS * 24 * 3600 * 1000 > now.getTime();
}
