// A real <progress> (role progressbar) with the percentage as aria-valuenow, and the rows done
// as live text (role status).
interface Props {
  label: string;
  fraction: number;
  /** What the live text says, e.g. "120 of 500 rows". */
  text: string;
}

export function ImportProgressBar({ label, fraction, text }: Props) {
  const percent = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  return (
    <div className="import-progress">
      <progress
        className="import-progress__bar"
        max={100}
        value={percent}
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      />
      <p className="import-progress__text" role="status">
        {text} ({percent}%)
      </p>
    </div>
  );
}
