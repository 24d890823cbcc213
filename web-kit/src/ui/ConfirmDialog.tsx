import { useState, type ReactNode } from 'react';
import { errorMessage } from '../apollo/graphql-errors';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  /** What happens, and what cannot be undone. */
  children: ReactNode;
  confirmLabel: string;
  /** The confirm button while the action runs, e.g. "Removing…". */
  busyLabel?: string;
  /** Danger for what ends access or deletes; primary otherwise. */
  tone?: 'danger' | 'primary';
  /** The action; the dialog closes when it resolves and shows the failure when it rejects. */
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  /** The failure in the page's words (clients branch on error codes); errorMessage otherwise. */
  describeError?: (error: unknown) => ReactNode;
}

/**
 * A question before an action that cannot be undone (remove, revoke, sign out everywhere):
 * the failure stays in the dialog, beside the choice, instead of a toast that vanishes.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busyLabel,
  tone = 'danger',
  onConfirm,
  onClose,
  describeError = errorMessage,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (failure) {
      setError(failure);
      setBusy(false);
      return;
    }
    onClose();
  };

  return (
    <Dialog title={title} onClose={onClose}>
      <div className="confirm-body">{children}</div>
      {error ? (
        <div className="banner banner-danger" role="alert">
          {describeError(error)}
        </div>
      ) : null}
      <div className="confirm-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={`button button-${tone}`}
          onClick={() => void confirm()}
          disabled={busy}
        >
          {busy ? (busyLabel ?? `${confirmLabel}…`) : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
