// The customer list's filters: one control per condition the API knows, and one per active
// custom field by its type. Every change goes to the address at once (the list hook debounces);
// an INVALID_FILTER answer is shown here, at the top of the panel.
import { useEffect, useId, useState, type InputHTMLAttributes, type ReactNode } from "react";
import type { CustomFieldDefinitionFieldsFragment } from "../../../gql/graphql";
import {
  EMPTY_CHOICE,
  NO_FILTERS,
  SOURCES,
  type ArchivedChoice,
  type CustomFieldChoice,
  type ListFilters,
  type YesNo,
} from "../utils/filters";

interface Props {
  id: string;
  filters: ListFilters;
  definitions: readonly CustomFieldDefinitionFieldsFragment[] | undefined;
  definitionsError?: boolean;
  onChange: (filters: ListFilters) => void;
  /** The API's INVALID_FILTER message, if the last answer was one. */
  invalidFilter: string | null;
  /** Closes the panel (its "Show results" button and Escape, shown in the phone drawer). */
  onClose?: () => void;
}

/** The panel is the phone layout's drawer (fixed over the results; see app.css). */
function isDrawer(panel: HTMLElement): boolean {
  return typeof getComputedStyle === "function" && getComputedStyle(panel).position === "fixed";
}

/** A text or number input that keeps what is being typed and reports each change. */
function DraftInput({
  value,
  onCommit,
  ...props
}: { value: string; onCommit: (value: string) => void } & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange">) {
  const [draft, setDraft] = useState(value);
  useEffect(() => {
    setDraft((current) => (current.trim() === value.trim() ? current : value));
  }, [value]);
  return (
    <input
      {...props}
      value={draft}
      onChange={(event) => {
        setDraft(event.target.value);
        onCommit(event.target.value.trim());
      }}
    />
  );
}

function Control({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field filter-panel__field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}

/** One condition's date range ("From" / "Until"), as a fieldset titled `legend`. */
function DateRange({
  legend,
  from,
  until,
  onFrom,
  onUntil,
}: {
  legend: string;
  from: string;
  until: string;
  onFrom: (value: string) => void;
  onUntil: (value: string) => void;
}) {
  return (
    <fieldset className="filter-panel__group">
      <legend>{legend}</legend>
      <Control label="From">{(cid) => <input id={cid} type="date" value={from} onChange={(event) => onFrom(event.target.value)} />}</Control>
      <Control label="Until">{(cid) => <input id={cid} type="date" value={until} onChange={(event) => onUntil(event.target.value)} />}</Control>
    </fieldset>
  );
}

function YesNoSelect({ id, value, onChange, yes, no }: { id: string; value: YesNo; onChange: (v: YesNo) => void; yes: string; no: string }) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value as YesNo)}>
      <option value="">Any</option>
      <option value="yes">{yes}</option>
      <option value="no">{no}</option>
    </select>
  );
}

export function FilterPanel({ id, filters, definitions, definitionsError, onChange, invalidFilter, onClose }: Props) {
  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => onChange({ ...filters, [key]: value });
  const choice = (key: string): CustomFieldChoice => filters.custom[key] ?? EMPTY_CHOICE;
  const setChoice = (key: string, change: Partial<CustomFieldChoice>) =>
    onChange({ ...filters, custom: { ...filters.custom, [key]: { ...choice(key), ...change } } });
  const active = (definitions ?? []).filter((definition) => !definition.archived);

  return (
    <section
      id={id}
      className="filter-panel card"
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === "Escape" && onClose && isDrawer(event.currentTarget)) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="filter-panel__header">
        <h2 id={`${id}-title`} className="card__title">
          Filters
        </h2>
        <button type="button" className="link-button" onClick={() => onChange({ ...NO_FILTERS, custom: {} })}>
          Clear filters
        </button>
      </div>
      {invalidFilter && (
        <div className="form-errors" role="alert">
          <p className="form-errors__title">This filter cannot be applied:</p>
          <p className="filter-panel__error">{invalidFilter}</p>
        </div>
      )}
      <Control label="Communication status">
        {(cid) => (
          <select id={cid} value={filters.status} onChange={(event) => set("status", event.target.value as ListFilters["status"])}>
            <option value="">Any</option>
            <option value="ALLOWED">Allowed</option>
            <option value="BLOCKED">Blocked</option>
          </select>
        )}
      </Control>
      <Control label="Booking blocked">
        {(cid) => <YesNoSelect id={cid} value={filters.blocked} onChange={(v) => set("blocked", v)} yes="Blocked" no="Not blocked" />}
      </Control>
      <Control label="Upcoming appointment">
        {(cid) => <YesNoSelect id={cid} value={filters.upcoming} onChange={(v) => set("upcoming", v)} yes="Has one" no="Has none" />}
      </Control>
      <DateRange
        legend="Last appointment"
        from={filters.lastAfter}
        until={filters.lastBefore}
        onFrom={(value) => set("lastAfter", value)}
        onUntil={(value) => set("lastBefore", value)}
      />
      <DateRange
        legend="Created"
        from={filters.createdFrom}
        until={filters.createdTo}
        onFrom={(value) => set("createdFrom", value)}
        onUntil={(value) => set("createdTo", value)}
      />
      <Control label="Source">
        {(cid) => (
          <select id={cid} value={filters.source} onChange={(event) => set("source", event.target.value as ListFilters["source"])}>
            <option value="">Any</option>
            {SOURCES.map((source) => (
              <option key={source.value} value={source.value}>
                {source.label}
              </option>
            ))}
          </select>
        )}
      </Control>
      <Control label="Archived">
        {(cid) => (
          <select id={cid} value={filters.archived} onChange={(event) => set("archived", event.target.value as ArchivedChoice)}>
            <option value="active">Active customers</option>
            <option value="archived">Archived customers</option>
            <option value="all">All customers</option>
          </select>
        )}
      </Control>

      {definitionsError && <p className="muted">The custom fields could not be loaded.</p>}
      {active.length > 0 && (
        <fieldset className="filter-panel__group filter-panel__group--custom">
          <legend>Custom fields</legend>
          {active.map((definition) => (
            <CustomFieldFilterControl
              key={definition.key}
              definition={definition}
              choice={choice(definition.key)}
              onChange={(change) => setChoice(definition.key, change)}
            />
          ))}
        </fieldset>
      )}
      {onClose && (
        <button type="button" className="button button--primary filter-panel__done" onClick={onClose}>
          Show results
        </button>
      )}
    </section>
  );
}

type TextMatch = "is" | "contains";

/** A text field: its value is the text, or contains it (both ignore case and accents). The choice
 * of "is"/"contains" is kept while the text is empty; with text it follows the filters. */
function TextFieldFilter({
  label,
  choice,
  onChange,
}: {
  label: string;
  choice: CustomFieldChoice;
  onChange: (change: Partial<CustomFieldChoice>) => void;
}) {
  const [chosen, setChosen] = useState<TextMatch>(choice.contains ? "contains" : "is");
  const match: TextMatch = choice.contains ? "contains" : choice.values.some(Boolean) ? "is" : chosen;
  const text = match === "contains" ? choice.contains : (choice.values[0] ?? "");
  const commit = (how: TextMatch, value: string) =>
    onChange(how === "contains" ? { values: [], contains: value } : { values: value ? [value] : [], contains: "" });
  return (
    <div className="filter-panel__pair" role="group" aria-label={label}>
      <Control label={`${label}: match`}>
        {(cid) => (
          <select
            id={cid}
            value={match}
            onChange={(event) => {
              const how = event.target.value as TextMatch;
              setChosen(how);
              if (text) commit(how, text);
            }}
          >
            <option value="is">is</option>
            <option value="contains">contains</option>
          </select>
        )}
      </Control>
      <Control label={`${label} ${match}`}>
        {(cid) => <DraftInput id={cid} type="text" autoComplete="off" value={text} onCommit={(value) => commit(match, value)} />}
      </Control>
    </div>
  );
}

/** text: is or contains; dropdown: any of the ticked options; number: min/max; date: from/to; checkbox: yes/no/any. */
export function CustomFieldFilterControl({
  definition,
  choice,
  onChange,
}: {
  definition: CustomFieldDefinitionFieldsFragment;
  choice: CustomFieldChoice;
  onChange: (change: Partial<CustomFieldChoice>) => void;
}) {
  const { label } = definition;
  switch (definition.type) {
    case "DROPDOWN":
      return (
        <fieldset className="filter-panel__options">
          <legend>{label}</legend>
          {definition.options.map((option) => (
            <label key={option} className="filter-panel__option">
              <input
                type="checkbox"
                checked={choice.values.includes(option)}
                onChange={(event) =>
                  onChange({
                    values: event.target.checked
                      ? [...choice.values, option]
                      : choice.values.filter((value) => value !== option),
                  })
                }
              />{" "}
              {option}
            </label>
          ))}
        </fieldset>
      );
    case "CHECKBOX":
      return (
        <Control label={label}>
          {(cid) => (
            <YesNoSelect
              id={cid}
              value={(choice.values[0] as YesNo | undefined) ?? ""}
              onChange={(v) => onChange({ values: v ? [v] : [] })}
              yes="Yes (ticked)"
              no="No (not ticked)"
            />
          )}
        </Control>
      );
    case "NUMBER":
      return (
        <div className="filter-panel__pair" role="group" aria-label={label}>
          <Control label={`${label}: at least`}>
            {(cid) => <DraftInput id={cid} type="number" step="any" inputMode="decimal" value={choice.min} onCommit={(min) => onChange({ min })} />}
          </Control>
          <Control label={`${label}: at most`}>
            {(cid) => <DraftInput id={cid} type="number" step="any" inputMode="decimal" value={choice.max} onCommit={(max) => onChange({ max })} />}
          </Control>
        </div>
      );
    case "DATE":
      return (
        <div className="filter-panel__pair" role="group" aria-label={label}>
          <Control label={`${label}: from`}>
            {(cid) => <input id={cid} type="date" value={choice.from} onChange={(event) => onChange({ from: event.target.value })} />}
          </Control>
          <Control label={`${label}: until`}>
            {(cid) => <input id={cid} type="date" value={choice.to} onChange={(event) => onChange({ to: event.target.value })} />}
          </Control>
        </div>
      );
    default:
      return <TextFieldFilter label={label} choice={choice} onChange={onChange} />;
  }
}
