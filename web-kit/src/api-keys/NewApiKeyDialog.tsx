import { CopyButton } from '../ui/CopyButton';
import { Dialog } from '../ui/Dialog';

/** A key the server returns once: shown with a copy button and a warning, until it is stored. */
export function NewApiKeyDialog({
  name,
  secret,
  onDone,
}: {
  name: string;
  secret: string;
  onDone: () => void;
}) {
  return (
    <Dialog title={`New API key “${name}”`} onClose={onDone}>
      <p className="banner banner-warning">
        Copy it now: it is shown only once and cannot be retrieved later. Store it in a secret manager.
      </p>
      <div className="new-key-row">
        <code className="new-key" tabIndex={0} aria-label="The new API key">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy key" />
      </div>
      <p className="muted small">
        Send it as <code>Authorization: Bearer &lt;key&gt;</code> with <code>recordUsage</code> and{' '}
        <code>checkQuota</code>.
      </p>
      <div className="confirm-actions">
        <button type="button" className="button button-primary" onClick={onDone}>
          I have stored it
        </button>
      </div>
    </Dialog>
  );
}
