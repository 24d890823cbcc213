import { errorMessage } from '../graphqlErrors';

/**
 * Shown above data that could not be refreshed; the last good data stays visible below it
 * (`stale`), so a flaky connection never blanks a page someone is reading.
 */
export function ErrorBanner({ error, onRetry, stale }: { error: unknown; onRetry?: () => void; stale?: boolean }) {
  if (!error) return null;
  return (
    <div className="banner banner-danger" role="alert">
      <span>
        {errorMessage(error)}
        {stale && ' Showing the last data loaded.'}
      </span>
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
