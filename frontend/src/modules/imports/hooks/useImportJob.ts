// The import job the wizard shows: set by the wizard's mutations, loaded once when the page is
// opened with ?job=…, and followed while it runs through `importProgress` (WebSocket), with a
// slow poll of `importJob` as a fallback (an event sent before the subscription started, a
// dropped socket). Live reports never take the job back to an older state.
import { useCallback, useEffect, useRef, useState } from "react";
import { useClient, useSubscription } from "urql";
import { ImportJobQuery } from "../graphql/ImportJobQuery";
import { ImportProgressSubscription } from "../graphql/ImportProgressSubscription";
import { isActive, isNewer, type ImportJob } from "../utils/status";

export const POLL_MS = 2_000;

export function useImportJob(initialId: string | null) {
  const client = useClient();
  const [job, setJobState] = useState<ImportJob | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(initialId !== null);
  const current = useRef<ImportJob | null>(null);

  /** The wizard's own answer (a mutation's job, or null to start again). */
  const setJob = useCallback((next: ImportJob | null) => {
    current.current = next;
    setJobState(next);
  }, []);

  /** A live report: taken only when it is about this job and not older. */
  const offer = useCallback((next: ImportJob | null | undefined) => {
    if (!next || !current.current || !isNewer(current.current, next)) return;
    current.current = next;
    setJobState(next);
  }, []);

  // Opened with ?job=…: load it once.
  useEffect(() => {
    if (initialId === null) return;
    let live = true;
    client
      .query(ImportJobQuery, { id: initialId }, { requestPolicy: "network-only" })
      .toPromise()
      .then((result) => {
        if (!live) return;
        setLoading(false);
        if (result.data?.importJob) setJob(result.data.importJob);
        else setLoadError(result.error ?? new Error("There is no such import."));
      });
    return () => {
      live = false;
    };
    // Only the address the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const id = job?.id ?? null;
  const active = job !== null && isActive(job.status);

  const [live] = useSubscription({ query: ImportProgressSubscription, variables: { jobId: id ?? "" }, pause: !active });
  useEffect(() => offer(live.data?.importProgress), [live.data, offer]);

  useEffect(() => {
    if (!active || id === null) return;
    const timer = setInterval(() => {
      client
        .query(ImportJobQuery, { id }, { requestPolicy: "network-only" })
        .toPromise()
        .then((result) => offer(result.data?.importJob));
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, id, client, offer]);

  return { job, setJob, loading, loadError };
}
