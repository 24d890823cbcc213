import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { currentPeriod, formatPeriod, monthRange } from '@usage-monitor/web-kit/periods';
import { Badge, ErrorBanner } from '@usage-monitor/web-kit/ui';
import { formatCount, SERVICE_LABELS, type ServiceName, type UsageSourceName } from '@usage-monitor/web-kit/units';
import { GatewayCallCountsDocument, type GatewayStatusCardFragment } from '../../__generated__/graphql';
import { API } from '../../app/env';

/** The providers the gateway calls with the tenant's own key (Smartflo posts to it instead). */
const GATEWAY_PROVIDERS: readonly ServiceName[] = ['OPENAI', 'ELEVENLABS'];

// Counting by source reads the log itself (the rollups keep no source): refreshed once a minute,
// not on every recorded call like the rest of the page.
const COUNTS_POLL_MS = 60_000;

function usageLogsLink(tenantId: string, source: UsageSourceName, period: string): string {
  return `/usage-logs?${new URLSearchParams({ tenant: tenantId, source, from: `${period}-01` })}`;
}

/**
 * Whether this customer can send provider calls through the metering gateway (its provider keys
 * are set) and how many it did this month, by how they were metered.
 */
export function GatewayStatusCard({ tenant }: { tenant: GatewayStatusCardFragment }) {
  const period = currentPeriod();
  const { from } = monthRange(period);
  const filter = (source: UsageSourceName) => ({ tenantId: tenant.id, source, from });
  const { data, previousData, error, refetch } = useQuery(GatewayCallCountsDocument, {
    variables: { measured: filter('GATEWAY'), estimated: filter('GATEWAY_ESTIMATED'), webhook: filter('WEBHOOK') },
    pollInterval: COUNTS_POLL_MS,
  });
  const counts = data ?? previousData;
  const urls = API.integrationUrls();
  const gatewayCalls = counts ? counts.measured.totalCount + counts.estimated.totalCount : undefined;

  return (
    <section className="section" aria-labelledby="gateway-heading">
      <div className="section-head">
        <h2 id="gateway-heading">Metering gateway</h2>
        <Link to="?tab=credentials" className="text-link">
          Provider credentials →
        </Link>
      </div>
      <ErrorBanner error={error} onRetry={() => void refetch()} stale={!!counts} />
      <div className="card-grid card-grid-3">
        {GATEWAY_PROVIDERS.map((provider) => {
          const credential = tenant.providerCredentials.find((c) => c.provider === provider);
          return (
            <div className="card" key={provider} aria-label={`${SERVICE_LABELS[provider]} through the gateway`} role="group">
              <p className="stat-label">{SERVICE_LABELS[provider]} credential</p>
              <p className="stat-value-sm">
                {credential ? <Badge tone="success">Set</Badge> : <Badge tone="warning">Not set</Badge>}
              </p>
              <p className="muted small">
                {credential
                  ? `Gateway calls go to ${SERVICE_LABELS[provider]} with the customer’s own key.`
                  : `Gateway calls answer 424 PROVIDER_CREDENTIAL_MISSING until it is set.`}
              </p>
            </div>
          );
        })}
        <div className="card stat-card" role="group" aria-label="Gateway calls this month">
          <p className="stat-label">Through the gateway · {formatPeriod(period)}</p>
          <p className="stat-value">{gatewayCalls === undefined ? '…' : formatCount(gatewayCalls)}</p>
          {counts && (
            <p className="muted small">
              <Link to={usageLogsLink(tenant.id, 'GATEWAY', period)}>{formatCount(counts.measured.totalCount)} measured</Link>
              {' · '}
              <Link to={usageLogsLink(tenant.id, 'GATEWAY_ESTIMATED', period)}>
                {formatCount(counts.estimated.totalCount)} estimated
              </Link>
              {' · '}
              <Link to={usageLogsLink(tenant.id, 'WEBHOOK', period)}>
                {formatCount(counts.webhook.totalCount)} webhook {counts.webhook.totalCount === 1 ? 'record' : 'records'}
              </Link>
            </p>
          )}
        </div>
      </div>
      <p className="muted small">
        The customer’s code points the OpenAI SDK at <code>{urls.openai}</code> and the ElevenLabs SDK at{' '}
        <code>{urls.elevenlabs}</code>, with one of its Usage Monitor API keys; the portal’s Integrate page shows how.
      </p>
    </section>
  );
}
