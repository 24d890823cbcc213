import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { sessionHeaders } from '@usage-monitor/web-kit/apollo';
import { formatUsdExact } from '@usage-monitor/web-kit/money';
import { formatPeriod } from '@usage-monitor/web-kit/periods';
import { DownloadError } from '@usage-monitor/web-kit/downloads';
import { downloadStatement, StatementsTable, type StatementFormat } from '@usage-monitor/web-kit/statements';
import { ConfirmDialog, EmptyState, ErrorBanner, SkeletonRows, useToast } from '@usage-monitor/web-kit/ui';
import { withParams } from '@usage-monitor/web-kit/url';
import { FinalizeStatementDocument, StatementsDocument, type StatementRowFragment } from '../../__generated__/graphql';
import { API, SESSION_APP } from '../../app/env';
import { useCanChange } from '../../app/permissions';
import { expireSession, getSession } from '../../app/session';
import { readEnum, readString } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { TenantSelect } from '../customers/TenantSelect';

const STATUSES = ['OPEN', 'FINAL'] as const;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A month can be finalized from the first day of the next one (UTC). */
export function isMonthOver(period: string, now: Date = new Date()): boolean {
  return period < now.toISOString().slice(0, 7);
}

export function StatementsPage() {
  useDocumentTitle('Statements');
  const [params, setParams] = useSearchParams();
  const tenantId = readString(params, 'tenant');
  const status = readEnum(params, 'status', STATUSES);
  const rawPeriod = readString(params, 'period');
  const period = rawPeriod && PERIOD.test(rawPeriod) ? rawPeriod : undefined;
  const periodId = useId();
  const statusId = useId();
  const canChange = useCanChange();
  const toast = useToast();
  const { data, previousData, loading, error, refetch } = useQuery(StatementsDocument, { variables: { tenantId, period, status } });
  const [finalize] = useMutation(FinalizeStatementDocument);
  const [confirming, setConfirming] = useState<StatementRowFragment | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const shown = data ?? previousData;
  const rows = shown?.statements ?? [];

  const download = async (statement: StatementRowFragment, format: StatementFormat) => {
    const { csrfToken } = getSession();
    setDownloading(statement.id);
    try {
      await downloadStatement(statement, format, { apiBase: API.apiBaseUrl, headers: sessionHeaders(SESSION_APP, csrfToken) });
    } catch (failure) {
      if (failure instanceof DownloadError && failure.status === 401 && csrfToken) expireSession(csrfToken);
      else toast.push(failure instanceof Error ? failure.message : 'The download failed.', 'danger');
    } finally {
      setDownloading(null);
    }
  };

  return (
    <>
      <PageHeader
        title="Statements"
        description="One statement per customer and month with usage. OPEN while the month can still change; FINAL once finalized here or, 35 days after the month, by the server: then it is numbered and never changes. Later corrections appear as adjustment lines on the customer's next open statement."
      />
      <div className="toolbar">
        <TenantSelect value={tenantId} onChange={(id) => setParams(withParams(params, { tenant: id }))} />
        <div className="inline-field">
          <label htmlFor={statusId}>Status</label>
          <select id={statusId} value={status ?? ''} onChange={(e) => setParams(withParams(params, { status: e.target.value || undefined }))}>
            <option value="">All</option>
            <option value="OPEN">Open</option>
            <option value="FINAL">Final</option>
          </select>
        </div>
        <div className="inline-field">
          <label htmlFor={periodId}>Period</label>
          <input id={periodId} type="month" value={period ?? ''} onChange={(e) => setParams(withParams(params, { period: e.target.value || undefined }))} />
        </div>
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonRows rows={8} label="Loading statements" />}
      {shown && rows.length === 0 && <EmptyState title="No statements match." hint="A statement appears for each customer and month with usage." />}
      {rows.length > 0 && (
        <StatementsTable
          statements={rows}
          showCustomer
          renderCustomer={(s) => <Link to={`/customers/${s.tenant.id}`}>{s.tenant.name}</Link>}
          onDownload={(s, format) => void download(s, format)}
          downloading={downloading}
          renderActions={(s) =>
            s.status === 'OPEN' && canChange && isMonthOver(s.period) ? (
              <button type="button" className="button button-small button-primary" onClick={() => setConfirming(s)} aria-label={`Finalize ${s.tenant.name} ${formatPeriod(s.period)}`}>
                Finalize
              </button>
            ) : null
          }
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={`Finalize ${confirming.tenant.name}, ${formatPeriod(confirming.period)}?`}
          confirmLabel="Finalize statement"
          busyLabel="Finalizing…"
          tone="primary"
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            const result = await finalize({ variables: { tenantId: confirming.tenant.id, period: confirming.period } });
            const final = result.data?.finalizeStatement;
            toast.push(`Finalized: ${final?.number ?? ''} for ${confirming.tenant.name}, ${formatUsdExact(final?.totalUsd ?? confirming.totalUsd)}.`, 'success');
            await refetch();
          }}
        >
          <p>
            The statement gets the next number and its lines and total ({formatUsdExact(confirming.totalUsd)}) are frozen: it never changes again. Events that still arrive
            for this month, and voids, become adjustment lines on the customer's next open statement.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
