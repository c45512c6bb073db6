// Customers → Import (/customers/import, import:customers and add:customers; lazy-loaded): upload
// a spreadsheet, match its columns, check the preview, choose how to treat existing customers
// and rows with errors, follow the import live, then see (and maybe undo) what it did. The job
// lives on the server; its id is kept in the address (?job=) so a reload finds it again.
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useMutation } from "urql";
import { ErrorState, Loading } from "../../../shared/components/States";
import type { SimpleUserError } from "../../../shared/components/UserErrorList";
import { LIST_PATH } from "../../customers/paths";
import { CustomerImportPreviewMutation } from "../graphql/CustomerImportPreviewMutation";
import { useImportJob } from "../hooks/useImportJob";
import { isFinished, type ImportJob } from "../utils/status";
import { ImportProgressBar } from "./ImportProgressBar";
import { MappingStep, type Reanalysis } from "./MappingStep";
import { PreviewSection } from "./PreviewSection";
import { ResultStep } from "./ResultStep";
import { RunningStep } from "./RunningStep";
import { StrategyForm } from "./StrategyForm";
import { UploadStep } from "./UploadStep";
import "./imports.css";

const STEPS = ["Upload", "Match and check", "Import", "Result"];

export function ImportPage() {
  const [params, setParams] = useSearchParams();
  const { job, setJob, loading, loadError } = useImportJob(params.get("job"));
  // The last finished analysis: shown (busy) while a changed mapping is analysed again.
  const [ready, setReady] = useState<ImportJob | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [{ fetching: reanalysing }, preview] = useMutation(CustomerImportPreviewMutation);

  if (job?.status === "READY" && job !== ready) setReady(job);

  /** The job as the wizard's last mutation left it; `fresh`: a new file (or none), so no earlier analysis. */
  function show(next: ImportJob | null, fresh = false) {
    setJob(next);
    if (fresh || next === null) setReady(null);
    if ((next?.id ?? null) !== params.get("job")) setParams(next ? { job: next.id } : {}, { replace: true });
  }

  async function reanalyse(change: Reanalysis): Promise<readonly SimpleUserError[]> {
    if (!ready) return [];
    setFailure(null);
    const result = await preview({ input: { jobId: ready.id, ...change } });
    const payload = result.data?.customerImportPreview;
    if (!payload) {
      setFailure(result.error ?? new Error("The server sent no answer."));
      return [];
    }
    if (payload.userErrors.length === 0 && payload.job) show(payload.job);
    return payload.userErrors;
  }

  let step = 0;
  let content;
  if (loading) {
    content = <Loading label="Loading the import…" />;
  } else if (loadError && !job) {
    content = (
      <>
        <ErrorState title="The import could not be loaded." error={loadError} />
        <p>
          <button type="button" className="button" onClick={() => show(null)}>
            Start a new import
          </button>
        </p>
      </>
    );
  } else if (!job) {
    content = <UploadStep onUploaded={(uploaded) => show(uploaded, true)} />;
  } else if (job.status === "ANALYSING" && !ready) {
    step = 1;
    content = (
      <section className="card" aria-labelledby="import-analysing-title">
        <h2 id="import-analysing-title" className="card__title">
          Reading {job.fileName}…
        </h2>
        <ImportProgressBar label="Reading the file" fraction={job.progress.fraction} text={`${job.progress.processedRows} rows read`} />
      </section>
    );
  } else if (job.status === "READY" || job.status === "ANALYSING") {
    step = 1;
    const shown = job.status === "READY" ? job : ready!;
    const busy = job.status === "ANALYSING" || reanalysing;
    content = (
      <>
        <MappingStep job={shown} busy={busy} onReanalyse={reanalyse} />
        {failure && <ErrorState title="The file could not be analysed again." error={failure} />}
        <PreviewSection job={shown} />
        <StrategyForm job={shown} disabled={busy} onStarted={show} />
        <p>
          <button type="button" className="link-button" onClick={() => show(null)}>
            Choose another file
          </button>
        </p>
      </>
    );
  } else if (!isFinished(job.status)) {
    step = 2;
    content = <RunningStep job={job} onChange={show} />;
  } else {
    step = 3;
    content = <ResultStep job={job} onChange={show} onStartAgain={() => show(null)} />;
  }

  return (
    <section className="page import" aria-labelledby="import-title">
      <Link to={LIST_PATH} className="back-link">
        <span aria-hidden="true">←</span> Customers
      </Link>
      <h1 id="import-title">Import customers</h1>
      <ol className="import-steps" aria-label="Steps">
        {STEPS.map((label, index) => (
          <li key={label} aria-current={index === step ? "step" : undefined} className={index < step ? "import-steps__done" : undefined}>
            {label}
          </li>
        ))}
      </ol>
      {content}
    </section>
  );
}
