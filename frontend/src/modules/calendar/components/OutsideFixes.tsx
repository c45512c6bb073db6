// The actions that bring in the events a run left outside its dates: for an uploaded file,
// "Sync every date" (the source then syncs all dates of the file; the file has to be uploaded
// again); for a feed, "Widen the window" (opens the source's form at the dates synced).
import { useState } from "react";
import { useMutation } from "urql";
import { ErrorState } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { CalendarSourceUpdateMutation } from "../graphql/CalendarSourceUpdateMutation";

export const REUPLOAD_HINT = "Every date of the file is synced from now on: upload it again to add these events.";

export function SyncEveryDate({ sourceId, sourceName, onDone }: { sourceId: string; sourceName?: string; onDone?: () => void }) {
  const [{ fetching }, update] = useMutation(CalendarSourceUpdateMutation);
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);

  async function syncEveryDate() {
    setFailure(null);
    const result = await update({ id: sourceId, input: { allDates: true } });
    const payload = result.data?.calendarSourceUpdate;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    setErrors(payload.userErrors);
    if (payload.userErrors.length === 0) {
      setDone(true);
      onDone?.();
    }
  }

  return (
    <>
      {!done && (
        <button
          type="button"
          className="button button--small"
          disabled={fetching}
          onClick={syncEveryDate}
          aria-label={sourceName ? `Sync every date of ${sourceName}` : undefined}
        >
          {fetching ? "Saving…" : "Sync every date"}
        </button>
      )}
      <span aria-live="polite">{done && REUPLOAD_HINT}</span>
      <UserErrorList errors={errors} title="The setting was not changed:" />
      {failure && <ErrorState title="The setting could not be saved." error={failure} />}
    </>
  );
}

export function WidenWindow({ sourceName, onWiden }: { sourceName: string; onWiden: () => void }) {
  return (
    <button type="button" className="button button--small" onClick={onWiden} aria-label={`Widen the window of ${sourceName}`}>
      Widen the window
    </button>
  );
}
