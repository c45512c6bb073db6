// The row under a form: an optional Cancel and the submit button, which shows its busy label
// and is disabled while the request runs.
interface Props {
  onCancel?: () => void;
  busy: boolean;
  label: string;
  busyLabel?: string;
  /** The cancel button's text ("Cancel" unless that would read like the action, e.g. "Keep it"). */
  cancelLabel?: string;
  /** A destructive action (Block, Delete) is danger-styled. */
  danger?: boolean;
}

export function FormActions({ onCancel, busy, label, busyLabel = "Saving…", cancelLabel = "Cancel", danger = false }: Props) {
  return (
    <div className="form__actions">
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      )}
      <button type="submit" className={danger ? "button button--danger" : "button button--primary"} disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
