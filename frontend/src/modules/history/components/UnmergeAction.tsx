// "Unmerge" on a MERGED history entry (edit:customers) while the merge can be undone; the
// outcome (both profiles back, or why not: changed since, window over, undone already) plainly.
import { Link } from "react-router";
import type { AuditEntryFieldsFragment } from "../../../gql/graphql";
import { profilePath } from "../../customers/paths";
import { useUnmerge } from "../../duplicates/hooks/useUnmerge";
import { entryMergeUuid, mergeGlobalId, unmergeWindowOpen } from "../../duplicates/utils/mergeIds";
import { useCan } from "../../session/hooks/useSession";

interface Props {
  entry: AuditEntryFieldsFragment;
  /** Raw UUIDs of merges the history shows as undone (UNMERGED entries). */
  undone: ReadonlySet<string>;
  onChanged?: () => void;
}

export function UnmergeAction({ entry, undone, onChanged }: Props) {
  const canEdit = useCan("EDIT_CUSTOMERS");
  const { unmerge, busy, outcome } = useUnmerge();
  const uuid = entry.action === "MERGED" ? entryMergeUuid(entry) : null;
  if (!uuid || !canEdit) return null;
  if (outcome?.done) {
    return (
      <p className="notice notice--success" role="status">
        The merge is undone:{" "}
        {outcome.done.restoredId ? <Link to={profilePath(outcome.done.restoredId)}>{outcome.done.restoredName}</Link> : outcome.done.restoredName} is
        a separate profile again.
      </p>
    );
  }
  if (undone.has(uuid) || !unmergeWindowOpen(entry.at)) return null;
  return (
    <div className="history__unmerge">
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={async () => {
          if (await unmerge(mergeGlobalId(uuid))) onChanged?.();
        }}
      >
        {busy ? "Unmerging…" : "Unmerge"}
      </button>
      {outcome?.error && (
        <p className="field__error" role="alert">
          The merge could not be undone: {outcome.error}
        </p>
      )}
    </div>
  );
}
