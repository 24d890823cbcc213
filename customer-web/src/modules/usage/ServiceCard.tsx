import { formatUsd } from '@usage-monitor/web-kit/money';
import { formatCount, formatServiceUnits, SERVICE_LABELS } from '@usage-monitor/web-kit/units';
import { QuotaBar } from '@usage-monitor/web-kit/ui';
import type { ServiceCardFragment } from '../../__generated__/graphql';

const USAGE_NAMES = { OPENAI: 'Tokens used', ELEVENLABS: 'Characters', SMARTFLO: 'Minutes' } as const;
const LIMIT_NAMES = {
  OPENAI: 'Monthly token limit',
  ELEVENLABS: 'Monthly character limit',
  SMARTFLO: 'Monthly minute limit',
} as const;

export function ServiceCard({ usage }: { usage: ServiceCardFragment }) {
  const name = SERVICE_LABELS[usage.service];
  const headingId = `service-${usage.service.toLowerCase()}`;
  return (
    <article className={`card service-card service-${usage.service.toLowerCase()}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <dl className="stats">
        <div>
          <dt>{USAGE_NAMES[usage.service]}</dt>
          <dd>{formatServiceUnits(usage.service, usage.units)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd className="money">{formatUsd(usage.costUsd)}</dd>
        </div>
        <div>
          <dt>Calls</dt>
          <dd>{formatCount(usage.apiCalls)}</dd>
        </div>
      </dl>
      {usage.quota ? (
        <QuotaBar quota={usage.quota} label={LIMIT_NAMES[usage.service]} />
      ) : (
        <p className="muted small no-limit">No monthly limit set for {name}.</p>
      )}
    </article>
  );
}
