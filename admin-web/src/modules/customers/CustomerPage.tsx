import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatUtcDate } from '@usage-monitor/web-kit/periods';
import { Badge, EmptyState, ErrorBanner, SkeletonRows, TabLinks } from '@usage-monitor/web-kit/ui';
import { CustomerDocument } from '../../__generated__/graphql';
import { readChoice } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ApiKeysTab } from './ApiKeysTab';
import { CustomerOverviewTab } from './CustomerOverviewTab';
import { CustomerSettingsTab } from './CustomerSettingsTab';
import { GatewayStatusCard } from './GatewayStatusCard';
import { CustomerUsersTab } from './CustomerUsersTab';
import { EndUserList } from '../end-users/EndUserList';
import { ProviderCredentialsTab } from './ProviderCredentialsTab';

const TABS = [
  { id: 'overview', label: 'Usage' },
  { id: 'end-users', label: 'End users' },
  { id: 'users', label: 'Portal users' },
  { id: 'keys', label: 'API keys' },
  { id: 'credentials', label: 'Provider credentials' },
  { id: 'settings', label: 'Settings' },
] as const;

export function CustomerPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const tab = readChoice(params, 'tab', TABS.map((t) => t.id), 'overview');
  const { data, previousData, loading, error, refetch } = useQuery(CustomerDocument, { variables: { id } });
  const shown = data ?? previousData;
  const tenant = shown?.tenant?.id === id ? shown.tenant : data?.tenant;
  useDocumentTitle(tenant?.name ?? 'Customer');

  if (!tenant) {
    if (loading) return <SkeletonRows rows={6} label="Loading customer" />;
    if (error) return <ErrorBanner error={error} onRetry={() => void refetch()} />;
    return <EmptyState title="This customer does not exist." hint="It may have been created in another environment." action={<Link className="button" to="/customers">Back to customers</Link>} />;
  }

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/customers">Customers</Link> <span aria-hidden="true">/</span> <span aria-current="page">{tenant.name}</span>
      </nav>
      <PageHeader
        title={tenant.name}
        description={
          <>
            {tenant.status === 'ACTIVE' ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Suspended</Badge>} Customer since{' '}
            {formatUtcDate(tenant.createdAt)}
            {tenant.contactEmail && <> · {tenant.contactEmail}</>}
          </>
        }
      />
      <ErrorBanner error={error} onRetry={() => void refetch()} stale />
      <TabLinks tabs={TABS} current={tab} label="Customer sections" />
      <div className="tab-panel">
        {tab === 'overview' && <CustomerOverviewTab tenantId={tenant.id} gateway={<GatewayStatusCard tenant={tenant} />} />}
        {tab === 'end-users' && <EndUserList tenantId={tenant.id} />}
        {tab === 'users' && <CustomerUsersTab tenantId={tenant.id} tenantName={tenant.name} />}
        {tab === 'keys' && <ApiKeysTab tenantId={tenant.id} />}
        {tab === 'credentials' && <ProviderCredentialsTab tenantId={tenant.id} credentials={tenant.providerCredentials} />}
        {tab === 'settings' && <CustomerSettingsTab key={`${tenant.id}-${tenant.name}-${tenant.status}-${tenant.contactEmail}-${tenant.webhookUrl}`} tenant={tenant} />}
      </div>
    </>
  );
}
