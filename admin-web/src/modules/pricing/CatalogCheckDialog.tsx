import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrorsOf } from '@usage-monitor/web-kit/apollo';
import { formatUsdExact } from '@usage-monitor/web-kit/money';
import { Dialog, EmptyState, ErrorBanner, Field, SkeletonRows, TableScroll, useToast } from '@usage-monitor/web-kit/ui';
import { ApplyPriceCatalogDocument, PriceCatalogDiffDocument } from '../../__generated__/graphql';

/**
 * "Check catalog": the bundled price catalog's OpenAI prices beside ours (per million tokens),
 * and, for those who may change prices, applying them from a chosen date. Nothing changes until
 * Apply; costs already recorded never do.
 */
export function CatalogCheckDialog({ canChange, onClose }: { canChange: boolean; onClose: () => void }) {
  const { data, loading, error, refetch } = useQuery(PriceCatalogDiffDocument, { fetchPolicy: 'network-only' });
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const [apiError, setApiError] = useState<unknown>(null);
  const toast = useToast();
  const [apply, { loading: applying }] = useMutation(ApplyPriceCatalogDocument, { refetchQueries: ['Pricing', 'PriceCatalogDiff'] });
  const changes = data?.priceCatalogDiff ?? [];
  const dateError = clientError ?? fieldErrorsOf(apiError).effectiveFrom;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const when = new Date(effectiveFrom);
    if (!effectiveFrom || Number.isNaN(when.getTime())) return setClientError('Choose when the catalog prices start.');
    setClientError(null);
    try {
      const result = await apply({ variables: { effectiveFrom: when.toISOString() } });
      toast.push(`${result.data?.applyPriceCatalog.length ?? 0} catalog prices added, effective ${when.toLocaleString()}`, 'success');
      onClose();
    } catch (e) {
      setApiError(e);
    }
  };

  const rate = (value: string | null | undefined) => (value == null ? <span className="muted">—</span> : formatUsdExact(value));

  return (
    <Dialog title="Check the price catalog" description="OpenAI prices from the catalog bundled with this version, beside the prices in force now (USD per million tokens). ElevenLabs and Smartflo stay manual." onClose={onClose} wide>
      <ErrorBanner error={error} onRetry={() => void refetch()} />
      {loading && <SkeletonRows rows={5} label="Comparing with the catalog" />}
      {data && changes.length === 0 && <EmptyState title="Our OpenAI prices match the catalog." hint="Nothing to update." />}
      {changes.length > 0 && (
        <TableScroll label="Catalog changes">
          <table className="data-table">
            <caption className="visually-hidden">Models whose catalog price differs from ours</caption>
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col" className="num">Input: ours → catalog</th>
                <th scope="col" className="num">Cached input: ours → catalog</th>
                <th scope="col" className="num">Output: ours → catalog</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.model}>
                  <td>
                    <code>{c.model}</code>
                    {c.currentInputPerMillionUsd == null && <span className="muted small block">not priced yet</span>}
                  </td>
                  <td className="num money">{rate(c.currentInputPerMillionUsd)} → {rate(c.catalogInputPerMillionUsd)}</td>
                  <td className="num money">{rate(c.currentCachedInputPerMillionUsd)} → {rate(c.catalogCachedInputPerMillionUsd)}</td>
                  <td className="num money">{rate(c.currentOutputPerMillionUsd)} → {rate(c.catalogOutputPerMillionUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canChange && changes.length > 0 && (
        <form className="form" onSubmit={submit} noValidate>
          {apiError && !dateError ? <div className="banner banner-danger" role="alert">{errorMessage(apiError)}</div> : null}
          <Field label="Effective from (your local time)" hint="Cannot be in the past: recorded costs are never rewritten." error={dateError}>
            {(p) => <input {...p} type="datetime-local" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>Close</button>
            <button type="submit" className="button button-primary" disabled={applying}>
              {applying ? 'Applying…' : `Apply ${changes.length} change${changes.length === 1 ? '' : 's'}`}
            </button>
          </div>
        </form>
      )}
      {(!canChange || changes.length === 0) && (
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>Close</button>
        </div>
      )}
    </Dialog>
  );
}
