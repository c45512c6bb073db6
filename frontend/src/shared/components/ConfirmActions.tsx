// The buttons of a confirmation dialog: Cancel (focused when the dialog opens) and the action,
// which says `busyLabel` and is disabled while its request runs.
interface Props {
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
  label: string;
  busyLabel: string;
  /** The action's look: danger (delete, revoke) unless it is harmless. */
  tone?: "danger" | "primary";
}

export function ConfirmActions({ onCancel, onConfirm, busy, label, busyLabel, tone = "danger" }: Props) {
  return (
    <div className="form__actions">
      <button type="button" className="button" onClick={onCancel} data-autofocus>
        Cancel
      </button>
      <button type="button" className={`button button--${tone}`} disabled={busy} onClick={onConfirm}>
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
