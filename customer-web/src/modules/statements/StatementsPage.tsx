import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { sessionHeaders } from '@usage-monitor/web-kit/apollo';
import { DownloadError } from '@usage-monitor/web-kit/downloads';
import { downloadStatement, StatementsTable, type StatementFormat } from '@usage-monitor/web-kit/statements';
import { EmptyState, ErrorBanner, SkeletonRows } from '@usage-monitor/web-kit/ui';
import { MyStatementsDocument, type StatementRowFragment } from '../../__generated__/graphql';
import { API, SESSION_APP } from '../../app/env';
import { useSession, useViewer } from '../auth/session-context';

/** The customer's own monthly statements (the server scopes the list to its tenant), with PDF and CSV. */
export function StatementsPage() {
  const viewer = useViewer();
  const { csrfToken, expire } = useSession();
  const { data, previousData, loading, error, refetch } = useQuery(MyStatementsDocument);
  const [downloading, setDownloading] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const shown = data ?? previousData;
  const rows = shown?.statements ?? [];

  const download = async (statement: StatementRowFragment, format: StatementFormat) => {
    setDownloading(statement.id);
    setFailure(null);
    try {
      await downloadStatement(statement, format, { apiBase: API.apiBaseUrl, headers: sessionHeaders(SESSION_APP, csrfToken) });
    } catch (problem) {
      if (problem instanceof DownloadError && problem.status === 401) expire();
      else setFailure(problem instanceof Error ? problem.message : 'The download failed.');
    } finally {
      setDownloading(null);
    }
  };

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Statements</h1>
          <p className="muted">
            {viewer.tenant.name}'s monthly statements. A month's statement is OPEN while it can still change and FINAL, numbered and unchanging, once finalized. A
            correction of a finalized month shows as an adjustment line on the next open statement.
          </p>
        </div>
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {failure && (
        <div className="banner banner-danger" role="alert">
          {failure}
        </div>
      )}
      {!shown && loading && <SkeletonRows rows={6} label="Loading statements" />}
      {shown && rows.length === 0 && <EmptyState title="No statements yet." hint="A statement appears for each month with usage." />}
      {rows.length > 0 && <StatementsTable statements={rows} onDownload={(s, format) => void download(s, format)} downloading={downloading} />}
    </div>
  );
}
