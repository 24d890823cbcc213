import { QuotaBar } from '@usage-monitor/web-kit/ui';
import type { QuotaBarFragment } from '../../__generated__/graphql';

export function BudgetCard({ costQuota }: { costQuota: QuotaBarFragment }) {
  return (
    <section className="card budget-card" aria-labelledby="budget-title">
      <h2 id="budget-title">Monthly budget</h2>
      <QuotaBar quota={costQuota} label="Cost this month against your budget" />
    </section>
  );
}
