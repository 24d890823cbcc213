import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '@usage-monitor/web-kit/periods';
import { EmptyState, ErrorBanner, SkeletonRows, TableScroll } from '@usage-monitor/web-kit/ui';
import { withParams } from '@usage-monitor/web-kit/url';
import { AuditLogDocument, type AuditAction } from '../../__generated__/graphql';
import { readString } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { TenantSelect } from '../customers/TenantSelect';

const ACTION_LABEL: Record<AuditAction, string> = {
  TENANT_CREATED: 'Customer created',
  TENANT_UPDATED: 'Customer updated',
  USER_CREATED: 'User created',
  API_KEY_CREATED: 'API key created',
  API_KEY_REVOKED: 'API key revoked',
  CREDENTIAL_SET: 'Provider credential set',
  QUOTA_SET: 'Quota set',
  QUOTA_REMOVED: 'Quota removed',
  PRICE_ADDED: 'Price added',
  ALERT_ACKNOWLEDGED: 'Alert acknowledged',
  ALERT_RESOLVED: 'Alert resolved',
  WEBHOOK_SECRET_ROTATED: 'Webhook secret rotated',
  GATEWAY_WEBHOOK_TOKEN_ROTATED: 'Gateway webhook token rotated',
  GATEWAY_WEBHOOK_TOKEN_REVOKED: 'Gateway webhook token revoked',
  STATEMENT_FINALIZED: 'Statement finalized',
  USAGE_VOIDED: 'Usage voided',
  PASSWORD_CHANGED: 'Password changed',
  PASSWORD_RESET: 'Password reset',
  SESSIONS_REVOKED: 'Sessions signed out',
  USER_INVITED: 'User invited',
  INVITATION_REVOKED: 'Invitation withdrawn',
  USER_ROLE_CHANGED: 'Role changed',
  USER_REMOVED: 'User removed',
  TENANT_PRICING_SET: 'Markup set',
};

function Changes({ changes }: { changes: unknown }) {
  if (changes === null || changes === undefined) return <span className="muted">—</span>;
  const text = JSON.stringify(changes, null, 2);
  if (text.length <= 60) return <code className="small code-wrap">{JSON.stringify(changes)}</code>;
  return (
    <details>
      <summary>Show changes</summary>
      <pre className="code-block">{text}</pre>
    </details>
  );
}

export function AuditLogPage() {
  useDocumentTitle('Audit log');
  const [params, setParams] = useSearchParams();
  const tenantId = readString(params, 'tenant');
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogDocument, { variables: { tenantId } });
  const shown = data ?? previousData;
  const entries = shown?.auditLog ?? [];

  return (
    <>
      <PageHeader title="Audit log" description="The last 100 administrative changes, newest first." />
      <div className="toolbar">
        <TenantSelect value={tenantId} onChange={(id) => setParams(withParams(params, { tenant: id }))} />
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!shown} />
      {!shown && loading && <SkeletonRows rows={10} label="Loading audit log" />}
      {shown && entries.length === 0 && <EmptyState title="Nothing recorded yet." hint="Changes to customers, keys, quotas, prices and alerts appear here." />}
      {entries.length > 0 && (
        <TableScroll label="Audit log">
          <table className="data-table">
            <caption className="visually-hidden">Audit log</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Customer</th>
                <th scope="col">Target</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTime(e.createdAt)}</td>
                  <td>{e.actorEmail ?? <span className="muted">system</span>}</td>
                  <td>{ACTION_LABEL[e.action] ?? e.action}</td>
                  <td>{e.tenant ? <Link to={`/customers/${e.tenant.id}`}>{e.tenant.name}</Link> : <span className="muted">—</span>}</td>
                  <td>
                    {/* A uuid over four lines helps nobody: its start is enough to tell rows apart. */}
                    {e.targetId ? (
                      <code className="small nowrap" title={e.targetId}>
                        <span aria-hidden="true">{e.targetId.length > 13 ? `${e.targetId.slice(0, 8)}…` : e.targetId}</span>
                        <span className="visually-hidden">{e.targetId}</span>
                      </code>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td><Changes changes={e.changes} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
