// Calendars: the account's feeds and uploaded files with their last runs (and what a run left
// outside its dates, with the fix: widen a feed's window, or sync every date of a file), "Sync
// now", add / edit / delete (manage:settings), uploading an .ics file, the business's own email
// domains, the unmatched appointments and the ignore rules. Runs refresh when a sync finishes
// anywhere (syncRunFinished; the cache refetches them).
import { useState, type ReactNode } from "react";
import { useMutation, useQuery, useSubscription } from "urql";
import type { CalendarSourceFieldsFragment, SyncRunFieldsFragment } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/components/ConfirmDialog";
import { EmptyState, ErrorState, Loading } from "../../../shared/components/States";
import { UserErrorList, type SimpleUserError } from "../../../shared/components/UserErrorList";
import { formatDateTime } from "../../../shared/format/dates";
import { useConfirmedMutation } from "../../../shared/hooks/useConfirmedMutation";
import { useCan } from "../../session/hooks/useSession";
import { CalendarSourceDeleteMutation } from "../graphql/CalendarSourceDeleteMutation";
import { CalendarSourcesQuery } from "../graphql/CalendarSourcesQuery";
import { CalendarSourceSyncMutation } from "../graphql/CalendarSourceSyncMutation";
import { SyncRunFinishedSubscription } from "../graphql/SyncRunFinishedSubscription";
import "./calendar.css";
import { CalendarSourceForm } from "./CalendarSourceForm";
import { IgnoreRules } from "./IgnoreRules";
import { REUPLOAD_HINT, SyncEveryDate, WidenWindow } from "./OutsideFixes";
import { OwnDomains } from "./OwnDomains";
import { SyncRunFigures } from "./SyncRunFigures";
import { SyncRunList } from "./SyncRunList";
import { UnmatchedAppointments } from "./UnmatchedAppointments";
import { UploadCalendarForm } from "./UploadCalendarForm";

export function CalendarsPage() {
  const canManage = useCan("MANAGE_SETTINGS");
  const [result, reexecute] = useQuery({ query: CalendarSourcesQuery });
  useSubscription({ query: SyncRunFinishedSubscription });
  const deleting = useConfirmedMutation(CalendarSourceDeleteMutation, {
    variables: (source: CalendarSourceFieldsFragment) => ({ id: source.id }),
    payload: (data) => data.calendarSourceDelete,
  });
  const sources = result.data?.calendarSources;

  return (
    <section className="page" aria-labelledby="calendars-title">
      <div className="page__header">
        <h1 id="calendars-title">Calendars</h1>
      </div>
      <p className="page__intro">
        Appointments come from your calendars: feeds are checked regularly, uploaded files once. Customers are recognised
        by the email, phone or name in each event. Nothing is ever written back to a calendar.
      </p>
      <section className="card" aria-labelledby="source-list-title">
        <h2 id="source-list-title" className="card__title">
          Sources {sources && <span className="muted">({sources.length})</span>}
        </h2>
        {!sources ? (
          result.error ? (
            <ErrorState title="The calendars could not be loaded." error={result.error} onRetry={() => reexecute({ requestPolicy: "network-only" })} />
          ) : (
            <Loading label="Loading calendars…" />
          )
        ) : sources.length === 0 ? (
          <EmptyState title="No calendars yet.">{canManage && <p className="muted">Add a feed or upload a file below.</p>}</EmptyState>
        ) : (
          <ul className="admin-list source-list" aria-label="Calendar sources">
            {sources.map((source) => (
              <SourceItem key={source.id} source={source} canManage={canManage} onDelete={() => deleting.ask(source)} />
            ))}
          </ul>
        )}
      </section>
      {canManage && <CalendarSourceForm />}
      {canManage && <UploadCalendarForm />}
      <OwnDomains />
      <UnmatchedAppointments />
      <IgnoreRules />
      <ConfirmDialog
        confirmation={deleting}
        title="Delete calendar?"
        label="Delete calendar"
        busyLabel="Deleting…"
        errorsTitle="The calendar was not deleted:"
        failureTitle="The calendar could not be deleted."
      >
        <p>
          {deleting.pending?.name} will no longer be synced. Its appointments stay as history with their customers, and
          the calendar itself is never touched.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function SourceItem({ source, canManage, onDelete }: { source: CalendarSourceFieldsFragment; canManage: boolean; onDelete: () => void }) {
  const [editing, setEditing] = useState(false);
  // Each "Widen the window" asks the open form to focus the dates synced.
  const [widen, setWiden] = useState(0);
  const [run, setRun] = useState<SyncRunFieldsFragment | null>(null);
  const [errors, setErrors] = useState<SimpleUserError[]>([]);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching }, sync] = useMutation(CalendarSourceSyncMutation);
  const isUrl = source.kind === "URL";

  async function syncNow() {
    setFailure(null);
    setRun(null);
    const result = await sync({ id: source.id });
    const payload = result.data?.calendarSourceSync;
    if (!payload) return setFailure(result.error ?? new Error("The server sent no answer."));
    setRun(payload.syncRun);
    setErrors(payload.userErrors.filter((error) => !(error.code === "SYNC_FAILED" && payload.syncRun?.error)));
  }

  // What brings in the events a run left outside its dates (nothing to offer when it synced every date).
  const fix = (shown: SyncRunFieldsFragment | null | undefined): ReactNode => {
    if (!canManage || !shown || shown.windowStart === null) return undefined;
    if (isUrl) {
      return (
        <WidenWindow
          sourceName={source.name}
          onWiden={() => {
            setEditing(true);
            setWiden((count) => count + 1);
          }}
        />
      );
    }
    return source.allDates ? <span>{REUPLOAD_HINT}</span> : <SyncEveryDate sourceId={source.id} sourceName={source.name} />;
  };

  return (
    <li className="admin-row source">
      <span className="admin-row__name">{source.name}</span>
      <span className="admin-row__sub source__url">{isUrl ? source.url : <span className="muted">Uploaded file</span>}</span>
      <span className="admin-row__sub muted">
        Last synced: {source.lastSyncedAt ? formatDateTime(source.lastSyncedAt) : "never"}
        {isUrl && ` · checked every ${source.pollMinutes} min`}
        {source.allDates ? " · every date" : ` · ${source.windowPastDays} days back, ${source.windowFutureDays} ahead`}
        {!source.cancelMissing && " · adds and changes only"}
        {source.ownDomains.length > 0 && ` · own domains: ${source.ownDomains.join(", ")}`}
      </span>
      {canManage && (
        <div className="admin-row__actions">
          {isUrl && (
            <button type="button" className="button button--small" disabled={fetching} onClick={syncNow} aria-label={`Sync ${source.name} now`}>
              {fetching ? "Syncing…" : "Sync now"}
            </button>
          )}
          <button type="button" className="button button--small" aria-expanded={editing} onClick={() => setEditing((open) => !open)} aria-label={`Edit ${source.name}`}>
            Edit
          </button>
          <button type="button" className="button button--small button--danger" onClick={onDelete} aria-label={`Delete ${source.name}`}>
            Delete
          </button>
        </div>
      )}
      <div className="source__details">
        <div aria-live="polite" className="source__sync-result">
          {run && (
            <>
              {run.error ? "Sync failed. " : "Synced. "}
              <SyncRunFigures run={run} fix={fix(run)} />
            </>
          )}
        </div>
        <UserErrorList errors={errors} title="The sync did not run:" />
        {failure && <ErrorState title="The sync could not be started." error={failure} />}
        {editing && (
          <CalendarSourceForm source={source} focusDates={widen} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
        )}
        <h3 className="source__runs-title">Last runs</h3>
        <SyncRunList sourceId={source.id} sourceName={source.name} fix={fix} />
      </div>
    </li>
  );
}
