// The figures of an analysis or of a finished import, as a definition list.
export interface Figure {
  label: string;
  value: number;
}

export function ImportCounts({ figures, label }: { figures: Figure[]; label: string }) {
  return (
    <div role="group" aria-label={label}>
      <dl className="import-counts">
        {figures.map((figure) => (
          <div key={figure.label} className="import-counts__item">
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
