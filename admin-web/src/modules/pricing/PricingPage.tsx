import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { PricingDocument } from '../../__generated__/graphql';
import { formatEffectiveFrom, formatInt, SERVICE_LABEL } from '../../shared/format';
import { formatUsdExact } from '../../shared/money';
import { currentPeriod, isPeriod, periodLabel } from '../../shared/period';
import { readEnum, SERVICE_VALUES, withParams } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { Badge } from '../../shared/ui/Badge';
import { EmptyState } from '../../shared/ui/EmptyState';
import { ErrorBanner } from '../../shared/ui/ErrorBanner';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PeriodPicker } from '../../shared/ui/PeriodPicker';
import { SkeletonRows } from '../../shared/ui/Skeleton';
import { AddPriceDialog } from './AddPriceDialog';
import { priceStates } from './priceStatus';

const STATE_BADGE = {
  current: <Badge tone="success">Current</Badge>,
  scheduled: <Badge tone="info">Scheduled</Badge>,
  superseded: <Badge tone="neutral">Superseded</Badge>,
};

export function PricingPage() {
  useDocumentTitle('Pricing');
  const [params, setParams] = useSearchParams();
  const rawPeriod = params.get('period');
  const period = isPeriod(rawPeriod) ? rawPeriod : currentPeriod();
  const serviceFilter = readEnum(params, 'service', SERVICE_VALUES);
  const adding = params.get('add') === '1';
  const { data, previousData, loading, error, refetch } = useQuery(PricingDocument, { variables: { period } });
  const shown = data ?? previousData;
  const states = priceStates(shown?.prices ?? []);
  const prices = (shown?.prices ?? []).filter((p) => !serviceFilter || p.service === serviceFilter);
  const unpriced = shown?.unpricedUsage;
  const openAdd = (service?: string, model?: string | null) => setParams(withParams(params, { add: '1', addService: service, addModel: model ?? undefined }));

  return (
    <>
      <PageHeader
        title="Pricing"
        description="What each call costs. Prices take effect from a date; recorded costs are never rewritten."
        actions={<button type="button" className="button button-primary" onClick={() => openAdd()}>+ Add price</button>}
      />
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />

      <section className="section" aria-labelledby="unpriced-heading">
        <div className="section-head">
          <h2 id="unpriced-heading">Unpriced calls</h2>
          <PeriodPicker value={period} onChange={(p) => setParams(withParams(params, { period: p === currentPeriod() ? undefined : p }))} />
        </div>
        {!unpriced && loading && <SkeletonRows rows={2} label="Loading unpriced calls" />}
        {unpriced && unpriced.apiCalls === 0 && <p className="banner banner-success">Every call in {periodLabel(period)} was priced.</p>}
        {unpriced && unpriced.apiCalls > 0 && (
          <div className="card card-warning">
            <p>
              <strong>{formatInt(unpriced.apiCalls)}</strong> calls in {periodLabel(period)} used a model with no price and were recorded at $0 (marked Unpriced). Add a price so future calls are billed.
            </p>
            <ul className="plain-list">
              {unpriced.models.map((m) => (
                <li key={`${m.service}-${m.model ?? ''}`} className="list-row">
                  <span>
                    {SERVICE_LABEL[m.service]} · <code>{m.model ?? '(no model)'}</code> · {formatInt(m.apiCalls)} calls
                  </span>
                  <button type="button" className="button button-small" onClick={() => openAdd(m.service, m.model)}>
                    Add price<span className="visually-hidden"> for {m.model ?? SERVICE_LABEL[m.service]}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="prices-heading">
        <div className="section-head">
          <h2 id="prices-heading">Price list</h2>
          <div className="segmented" role="group" aria-label="Filter by service">
            {[undefined, ...SERVICE_VALUES].map((s) => (
              <button key={s ?? 'ALL'} type="button" className="segment" aria-pressed={s === serviceFilter} onClick={() => setParams(withParams(params, { service: s }))}>
                {s ? SERVICE_LABEL[s] : 'All'}
              </button>
            ))}
          </div>
        </div>
        {!shown && loading && <SkeletonRows rows={8} label="Loading prices" />}
        {shown && prices.length === 0 && <EmptyState title="No prices." hint="Add one: until then every call of that service is recorded as Unpriced." />}
        {prices.length > 0 && (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Prices">
            <table className="table">
              <caption className="visually-hidden">Prices</caption>
              <thead>
                <tr>
                  <th scope="col">Service · model prefix</th>
                  <th scope="col" className="num">Input /1K tok</th>
                  <th scope="col" className="num">Cached /1K tok</th>
                  <th scope="col" className="num">Output /1K tok</th>
                  <th scope="col" className="num">/1K chars</th>
                  <th scope="col" className="num">/min</th>
                  <th scope="col">Effective from</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {prices.map((p) => (
                  <tr key={p.id} className={states.get(p.id) === 'superseded' ? 'row-muted' : undefined}>
                    <td>
                      <span className="block">{SERVICE_LABEL[p.service]}</span>
                      {p.model ? <code className="nowrap">{p.model}</code> : <span className="muted small">all models</span>}
                    </td>
                    <td className="num money">{formatUsdExact(p.inputPer1kTokens)}</td>
                    <td className="num money">{formatUsdExact(p.cachedInputPer1kTokens)}</td>
                    <td className="num money">{formatUsdExact(p.outputPer1kTokens)}</td>
                    <td className="num money">{formatUsdExact(p.per1kCharacters)}</td>
                    <td className="num money">{formatUsdExact(p.perMinute)}</td>
                    <td className="nowrap">{formatEffectiveFrom(p.effectiveFrom)}</td>
                    <td>{STATE_BADGE[states.get(p.id) ?? 'current']}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {adding && (
        <AddPriceDialog
          initialService={readEnum(params, 'addService', SERVICE_VALUES)}
          initialModel={params.get('addModel') ?? undefined}
          onClose={() => setParams(withParams(params, { add: undefined, addService: undefined, addModel: undefined }))}
        />
      )}
    </>
  );
}
