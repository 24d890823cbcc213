import { usePatchParams, withParams } from '@usage-monitor/web-kit/url';
import { readString } from '../../shared/urlFilters';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { TenantSelect } from '../customers/TenantSelect';
import { EndUserList } from './EndUserList';

export function EndUsersPage() {
  useDocumentTitle('End users');
  const [params, patch] = usePatchParams();
  const tenantId = readString(params, 'customer');
  return (
    <>
      <PageHeader title="End users" description="Who inside each customer spends what, over the last 7 to 365 days (UTC)." />
      <EndUserList
        tenantId={tenantId}
        toolbar={<TenantSelect value={tenantId} onChange={(id) => patch((current) => withParams(current, { customer: id }))} />}
      />
    </>
  );
}
