import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage, fieldErrorsOf } from '@usage-monitor/web-kit/apollo';
import { formatDateTime, formatEffectiveFrom } from '@usage-monitor/web-kit/periods';
import { Badge, EmptyState, ErrorBanner, Field, SkeletonRows, TableScroll, useToast } from '@usage-monitor/web-kit/ui';
import { withParams } from '@usage-monitor/web-kit/url';
import { SetTenantPricingDocument, TenantMarkupsDocument } from '../../__generated__/graphql';
import { TenantSelect } from '../customers/TenantSelect';
import { markupExample, markupInputError } from './markupForm';

/** Tomorrow in UTC as YYYY-MM-DD: the first day a new markup can start without touching today's calls. */
function tomorrowUtc(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * A customer's markup on provider cost: the history (in force, scheduled, earlier) and a form to
 * set one from a UTC day on. The server refuses a start that would reprice calls already counted.
 */
export function TenantMarkupsSection({ canChange }: { canChange: boolean }) {
  const [params, setParams] = useSearchParams();
  const tenantId = params.get('markupTenant') ?? undefined;
  return (
    <section className="section" aria-labelledby="markups-heading">
      <div className="section-head">
        <h2 id="markups-heading">Customer markups</h2>
        <TenantSelect value={tenantId} onChange={(t) => setParams(withParams(params, { markupTenant: t }), { replace: true })} allLabel="Choose a customer" />
      </div>
      <p className="muted small">
        Prices above are what providers charge the platform. A customer is charged provider cost × (1 + markup %), with the markup in force when each call happened; calls already counted keep their cost.
      </p>
      {tenantId ? <TenantMarkups key={tenantId} tenantId={tenantId} canChange={canChange} /> : <EmptyState title="Choose a customer to see and set its markup." />}
    </section>
  );
}

function TenantMarkups({ tenantId, canChange }: { tenantId: string; canChange: boolean }) {
  const { data, previousData, loading, error, refetch } = useQuery(TenantMarkupsDocument, { variables: { tenantId } });
  const rows = (data ?? previousData)?.tenantPricing;
  return (
    <div className="markups">
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!rows} />
      {canChange && <MarkupForm tenantId={tenantId} />}
      {!rows && loading && <SkeletonRows rows={3} label="Loading markups" />}
      {rows && rows.length === 0 && <p className="muted">No markup: this customer is charged provider cost.</p>}
      {rows && rows.length > 0 && (
        <TableScroll label="Markup history">
          <table className="data-table">
            <caption className="visually-hidden">Markup history</caption>
            <thead>
              <tr>
                <th scope="col" className="num">Markup</th>
                <th scope="col">Effective from</th>
                <th scope="col">State</th>
                <th scope="col">Set</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const scheduled = new Date(row.effectiveFrom).getTime() > Date.now();
                return (
                  <tr key={row.effectiveFrom} className={!row.inForce && !scheduled ? 'row-muted' : undefined}>
                    <td className="num">{row.markupPercent} %</td>
                    <td className="nowrap">{formatEffectiveFrom(row.effectiveFrom)}</td>
                    <td>{row.inForce ? <Badge tone="success">In force</Badge> : scheduled ? <Badge tone="info">Scheduled</Badge> : <Badge tone="neutral">Superseded</Badge>}</td>
                    <td className="nowrap muted small">{formatDateTime(row.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

function MarkupForm({ tenantId }: { tenantId: string }) {
  const [markup, setMarkup] = useState('');
  const [day, setDay] = useState(tomorrowUtc);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [apiError, setApiError] = useState<unknown>(null);
  const toast = useToast();
  const [save, { loading }] = useMutation(SetTenantPricingDocument, { refetchQueries: ['TenantMarkups'] });
  const apiFieldErrors = fieldErrorsOf(apiError);
  const errorFor = (f: string) => clientErrors[f] ?? apiFieldErrors[f];
  const unplaced = Object.entries(apiFieldErrors).filter(([f]) => f !== 'markupPercent' && f !== 'effectiveFrom');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setApiError(null);
    const errors: Record<string, string> = {};
    const markupError = markupInputError(markup);
    if (markupError) errors.markupPercent = markupError;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) errors.effectiveFrom = 'Enter a date.';
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    try {
      await save({ variables: { input: { tenantId, markupPercent: markup.trim(), effectiveFrom: `${day}T00:00:00.000Z` } } });
      toast.push(`Markup of ${markup.trim()} % set from ${day} (UTC)`, 'success');
      setMarkup('');
    } catch (e) {
      setApiError(e);
    }
  };

  return (
    <form className="form markup-form" onSubmit={submit} noValidate aria-label="Set a markup">
      {apiError && (!Object.keys(apiFieldErrors).length || unplaced.length) ? (
        <div className="banner banner-danger" role="alert">
          {unplaced.length ? unplaced.map(([, m]) => m).join(' ') : errorMessage(apiError)}
        </div>
      ) : null}
      <div className="form-grid">
        <Field label="Markup (%)" hint={markupExample(markup) ?? 'e.g. 20 charges provider cost × 1.20; -10 is a 10 % discount.'} error={errorFor('markupPercent')}>
          {(p) => <input {...p} name="markupPercent" inputMode="decimal" value={markup} onChange={(e) => setMarkup(e.target.value)} placeholder="20" autoComplete="off" />}
        </Field>
        <Field label="Effective from (UTC day)" hint="From 00:00 UTC that day. It may not start before a call already counted." error={errorFor('effectiveFrom')}>
          {(p) => <input {...p} name="effectiveFrom" type="date" value={day} onChange={(e) => setDay(e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={loading}>{loading ? 'Saving…' : 'Set markup'}</button>
      </div>
    </form>
  );
}
