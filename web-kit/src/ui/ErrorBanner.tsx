import { errorMessage } from '../apollo/graphql-errors';

/**
 * Shown above data that could not be refreshed; the last good data stays visible below it
 * (`stale`), so a flaky connection never blanks a page someone is reading.
 */
export function ErrorBanner({
  error,
  onRetry,
  stale,
  message,
}: {
  error: unknown;
  onRetry?: () => void;
  stale?: boolean;
  /** What could not be done, in the page's words; the error's own sentence when omitted. */
  message?: string;
}) {
  if (!error) return null;
  return (
    <div className="banner banner-danger" role="alert">
      <span>
        {message ?? errorMessage(error)}
        {stale && ' Showing the last data loaded.'}
      </span>
      {onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
