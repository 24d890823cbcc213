import { CopyButton } from '@usage-monitor/web-kit/ui';

/** A secret the server returns once (API key, webhook secret): shown with a copy button and a warning. */
export function OneTimeSecret({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
  return (
    <div className="one-time-secret" role="region" aria-label={title}>
      <p className="one-time-title">{title}</p>
      <p className="banner banner-warning">
        Copy it now: it is shown only once and cannot be retrieved later. Store it in a secret manager.
      </p>
      <div className="secret-row">
        <code className="secret" tabIndex={0}>
          {secret}
        </code>
        <CopyButton text={secret} />
      </div>
      <button type="button" className="button" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}
