import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { formatUsdExact } from '@usage-monitor/web-kit/money';
import { currentPeriod, formatEffectiveFrom, formatPeriod, isPeriod } from '@usage-monitor/web-kit/periods';
import { Badge, EmptyState, ErrorBanner, SkeletonRows, TableScroll } from '@usage-monitor/web-kit/ui';
import { formatCount, SERVICE_LABELS, SERVICES } from '@usage-monitor/web-kit/units';
import { withParams } from '@usage-monitor/web-kit/url';
import { PricingDocument } from '../../__generated__/graphql';
import { useCanChange } from '../../app/permissions';
import { readEnum } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { PeriodPicker } from '../../shared/ui/PeriodPicker';
import { AddPriceDialog } from './AddPriceDialog';
import { CatalogCheckDialog } from './CatalogCheckDialog';
import { priceStates } from './priceStatus';
import { TenantMarkupsSection } from './TenantMarkupsSection';

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
  const serviceFilter = readEnum(params, 'service', SERVICES);
  const canChange = useCanChange();
  const adding = canChange && params.get('add') === '1';
  const checkingCatalog = params.get('catalog') === '1';
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
        actions={
          <>
            <button type="button" className="button" onClick={() => setParams(withParams(params, { catalog: '1' }))}>Check catalog</button>
            {canChange && <button type="button" className="button button-primary" onClick={() => openAdd()}>+ Add price</button>}
          </>
        }
      />
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />

      <section className="section" aria-labelledby="unpriced-heading">
        <div className="section-head">
          <h2 id="unpriced-heading">Unpriced calls</h2>
          <PeriodPicker value={period} onChange={(p) => setParams(withParams(params, { period: p === currentPeriod() ? undefined : p }))} />
        </div>
        {!unpriced && loading && <SkeletonRows rows={2} label="Loading unpriced calls" />}
        {unpriced && unpriced.apiCalls === 0 && <p className="banner banner-success">Every call in {formatPeriod(period)} was priced.</p>}
        {unpriced && unpriced.apiCalls > 0 && (
          <div className="card card-warning">
            <p>
              <strong>{formatCount(unpriced.apiCalls)}</strong> calls in {formatPeriod(period)} used a model with no price and were recorded at $0 (marked Unpriced).{' '}
              {canChange ? 'Add a price so future calls are billed.' : 'An owner or manager can add a price so future calls are billed.'}
            </p>
            <ul className="plain-list">
              {unpriced.models.map((m) => (
                <li key={`${m.service}-${m.model ?? ''}`} className="list-row">
                  <span>
                    {SERVICE_LABELS[m.service]} · <code>{m.model ?? '(no model)'}</code> · {formatCount(m.apiCalls)} calls
                  </span>
                  {canChange && (
                    <button type="button" className="button button-small" onClick={() => openAdd(m.service, m.model)}>
                      Add price<span className="visually-hidden"> for {m.model ?? SERVICE_LABELS[m.service]}</span>
                    </button>
                  )}
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
            {[undefined, ...SERVICES].map((s) => (
              <button key={s ?? 'ALL'} type="button" className="segment" aria-pressed={s === serviceFilter} onClick={() => setParams(withParams(params, { service: s }))}>
                {s ? SERVICE_LABELS[s] : 'All'}
              </button>
            ))}
          </div>
        </div>
        {!shown && loading && <SkeletonRows rows={8} label="Loading prices" />}
        {shown && prices.length === 0 && <EmptyState title="No prices." hint="Add one: until then every call of that service is recorded as Unpriced." />}
        {prices.length > 0 && (
          <TableScroll label="Prices">
            <table className="data-table">
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
                      <span className="block">{SERVICE_LABELS[p.service]}</span>
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
          </TableScroll>
        )}
      </section>

      <TenantMarkupsSection canChange={canChange} />
      {checkingCatalog && <CatalogCheckDialog canChange={canChange} onClose={() => setParams(withParams(params, { catalog: undefined }))} />}
      {adding && (
        <AddPriceDialog
          initialService={readEnum(params, 'addService', SERVICES)}
          initialModel={params.get('addModel') ?? undefined}
          onClose={() => setParams(withParams(params, { add: undefined, addService: undefined, addModel: undefined }))}
        />
      )}
    </>
  );
}
