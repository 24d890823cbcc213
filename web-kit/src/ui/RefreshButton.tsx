/** The manual refresh both apps offer beside the live badge. */
export function RefreshButton({ busy, onRefresh }: { busy: boolean; onRefresh: () => void }) {
  return (
    <button
      type="button"
      className="button button-small"
      onClick={onRefresh}
      disabled={busy}
      aria-busy={busy}
    >
      <span aria-hidden="true" className={busy ? 'spin' : undefined}>
        ↻
      </span>{' '}
      {busy ? 'Refreshing…' : 'Refresh'}
    </button>
  );
}
