// "Export" on the customer list (export:customers): a dialog to choose CSV or Excel and either
// the list as searched and filtered now or all customers; the download is a plain link to the
// export endpoint (components/exportLinks.ts).
import { useId, useMemo, useState } from "react";
import { useQuery } from "urql";
import { Dialog } from "../../../shared/components/Dialog";
import { useCan } from "../../session/hooks/useSession";
import { CustomFieldDefinitionsQuery } from "../graphql/CustomFieldDefinitionsQuery";
import type { CustomerListParams } from "../hooks/useCustomerListParams";
import { filterInput } from "../utils/filters";
import { customersExportUrl, type ExportFormat } from "./exportLinks";

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: "csv", label: "CSV" },
  { value: "xlsx", label: "Excel (.xlsx)" },
];

type Scope = "current" | "all";

/** The toolbar's "Export" button and its dialog; nothing without export:customers. */
export function ExportCustomersButton({ list }: { list: CustomerListParams }) {
  const [open, setOpen] = useState(false);
  if (!useCan("EXPORT_CUSTOMERS")) return null;
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Export
      </button>
      <Dialog open={open} title="Export customers" onClose={() => setOpen(false)} size="narrow">
        <ExportCustomersForm list={list} onClose={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

export function ExportCustomersForm({ list, onClose }: { list: CustomerListParams; onClose: () => void }) {
  const { search, mode, filters, filterCount } = list;
  const narrowed = search !== "" || filterCount > 0;
  const [format, setFormat] = useState<ExportFormat>("csv");
  const [scope, setScope] = useState<Scope>(narrowed ? "current" : "all");
  const name = useId();

  // A custom field filter needs its definition to be typed (the list has usually loaded it).
  const hasCustom = Object.keys(filters.custom).length > 0;
  const [definitions] = useQuery({ query: CustomFieldDefinitionsQuery, variables: { includeArchived: false }, pause: !hasCustom });
  const filter = useMemo(
    () => (filterCount > 0 ? filterInput(filters, definitions.data?.customFieldDefinitions ?? []) : null),
    [filters, filterCount, definitions.data],
  );
  const waiting = scope === "current" && hasCustom && !definitions.data && !definitions.error;
  const href = customersExportUrl(format, scope === "current" ? { search, mode, filter } : null);

  const radio = (group: string, value: string, label: string, checked: boolean, onChange: () => void) => (
    <div key={value} className="field field--checkbox">
      <input id={`${name}-${group}-${value}`} type="radio" name={`${name}-${group}`} value={value} checked={checked} onChange={onChange} />
      <label htmlFor={`${name}-${group}-${value}`}>{label}</label>
    </div>
  );

  const described = [search ? `search “${search}”${mode === "FULL_TEXT" ? " (full text)" : ""}` : null, filterCount ? `${filterCount} ${filterCount === 1 ? "filter" : "filters"}` : null]
    .filter(Boolean)
    .join(", ");

  return (
    <div className="form">
      <fieldset className="form__group">
        <legend>Format</legend>
        {FORMATS.map((choice) => radio("format", choice.value, choice.label, format === choice.value, () => setFormat(choice.value)))}
      </fieldset>
      <fieldset className="form__group">
        <legend>Customers</legend>
        {radio("scope", "current", "Current search and filters", scope === "current", () => setScope("current"))}
        {radio("scope", "all", "All customers", scope === "all", () => setScope("all"))}
        <p className="field__hint">
          {narrowed ? `The list now shows: ${described}.` : "No search or filter is active."} “All customers” leaves out archived ones.
        </p>
      </fieldset>
      <p className="muted">If several exports are running, the server may ask you to try again in a moment.</p>
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
        {waiting ? (
          <span className="muted">Preparing…</span>
        ) : (
          <a className="button button--primary" href={href} download data-autofocus>
            Download
          </a>
        )}
      </div>
    </div>
  );
}
