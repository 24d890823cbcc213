import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { formatUsd } from '@usage-monitor/web-kit/money';
import { currentPeriod, formatPeriod, formatUtcDate } from '@usage-monitor/web-kit/periods';
import { Badge, EmptyState, ErrorBanner, SearchBox, SkeletonRows, TableScroll } from '@usage-monitor/web-kit/ui';
import { formatCount } from '@usage-monitor/web-kit/units';
import { withParams } from '@usage-monitor/web-kit/url';
import { CustomersDocument } from '../../__generated__/graphql';
import { usePollInterval } from '../../app/connection';
import { useCanChange } from '../../app/permissions';
import { readString } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { CreateCustomerDialog } from './CreateCustomerDialog';

export function CustomersPage() {
  useDocumentTitle('Customers');
  const [params, setParams] = useSearchParams();
  const search = readString(params, 'q') ?? '';
  const canChange = useCanChange();
  const creating = canChange && params.get('new') === '1';
  const period = currentPeriod();
  const { data, previousData, loading, error, refetch } = useQuery(CustomersDocument, {
    variables: { search: search || undefined, period },
    pollInterval: usePollInterval(),
  });
  const shown = data ?? previousData;
  const usage = new Map(shown?.monthlySummaries.map((s) => [s.tenant.id, s]) ?? []);
  const tenants = [...(shown?.tenants ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <PageHeader
        title="Customers"
        description="Everyone you resell OpenAI, ElevenLabs and Smartflo to."
        actions={
          canChange && (
            <button type="button" className="button button-primary" onClick={() => setParams(withParams(params, { new: '1' }))}>
              + New customer
            </button>
          )
        }
      />
      <div className="toolbar">
        <SearchBox label="Search customers by name" value={search} onCommit={(q) => setParams(withParams(params, { q }), { replace: true })} />
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonRows rows={8} label="Loading customers" />}
      {shown && tenants.length === 0 && (
        search ? (
          <EmptyState title={`No customer matches “${search}”.`} hint="Check the spelling or clear the search." />
        ) : (
          <EmptyState
            title="No customers yet."
            hint={canChange ? 'Create your first customer, then give them an API key to start recording usage.' : 'An owner or manager of this console creates customers.'}
            action={
              canChange && (
                <button type="button" className="button button-primary" onClick={() => setParams(withParams(params, { new: '1' }))}>
                  Create a customer
                </button>
              )
            }
          />
        )
      )}
      {tenants.length > 0 && (
        <TableScroll label="Customers">
          <table className="data-table">
            <caption className="visually-hidden">Customers</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Contact</th>
                <th scope="col" className="num">Cost · {formatPeriod(period, 'short')}</th>
                <th scope="col" className="num">API calls</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {tenants.map((t) => {
                const summary = usage.get(t.id);
                return (
                  <tr key={t.id}>
                    <td>
                      <Link to={`/customers/${t.id}`} className="strong-link">
                        {t.name}
                      </Link>
                    </td>
                    <td>{t.status === 'ACTIVE' ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Suspended</Badge>}</td>
                    <td>{t.contactEmail ?? <span className="muted">—</span>}</td>
                    <td className="num money">{formatUsd(summary?.totalCostUsd ?? '0')}</td>
                    <td className="num">{formatCount(summary?.totalApiCalls ?? 0)}</td>
                    <td className="nowrap">{formatUtcDate(t.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {creating && <CreateCustomerDialog onClose={() => setParams(withParams(params, { new: undefined }))} />}
    </>
  );
}
