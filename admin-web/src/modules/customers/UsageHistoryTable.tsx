import { compareDecimals, formatUsd, percentOf } from '@usage-monitor/web-kit/money';
import { formatPeriod } from '@usage-monitor/web-kit/periods';
import { formatCharacters, formatCount, formatMinutes, formatTokens } from '@usage-monitor/web-kit/units';
import { TableScroll } from '@usage-monitor/web-kit/ui';
import type { CustomerOverviewQuery } from '../../__generated__/graphql';
import { formatMarginPercent } from '../pricing/margin';

type HistoryRow = CustomerOverviewQuery['usageHistory'][number];

/** Six months, oldest first, with an inline bar of each month's cost against the largest. */
export function UsageHistoryTable({ rows }: { rows: readonly HistoryRow[] }) {
  const max = rows.reduce((m, r) => (compareDecimals(r.totalCostUsd, m) > 0 ? r.totalCostUsd : m), '0');
  return (
    <TableScroll label="Usage over the last six months">
      <table className="data-table">
        <caption className="visually-hidden">Usage over the last six months</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Charged</th>
            <th scope="col" className="num">Provider cost</th>
            <th scope="col" className="num">Margin</th>
            <th scope="col" className="num">API calls</th>
            <th scope="col" className="num">OpenAI</th>
            <th scope="col" className="num">ElevenLabs</th>
            <th scope="col" className="num">Smartflo</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const width = percentOf(r.totalCostUsd, max, 0) ?? '0';
            return (
              <tr key={r.period}>
                <th scope="row" className="nowrap">
                  {formatPeriod(r.period, 'short')}
                </th>
                <td className="history-cost">
                  <span className="history-bar" style={{ width: `${width}%` }} aria-hidden="true" />
                  <span className="money">{formatUsd(r.totalCostUsd)}</span>
                </td>
                <td className="num money">{formatUsd(r.providerCostUsd ?? '0')}</td>
                <td className="num money">
                  {formatUsd(r.marginUsd ?? '0')}
                  <span className="muted small block">{formatMarginPercent(r.marginPercent)}</span>
                </td>
                <td className="num">
                  {formatCount(r.totalApiCalls)}
                  {r.errorCalls > 0 && <span className="text-danger small block">{formatCount(r.errorCalls)} errors</span>}
                </td>
                <td className="num">{formatTokens(r.openaiTotalTokens)}</td>
                <td className="num">{formatCharacters(r.elevenlabsCharacters)}</td>
                <td className="num">{formatMinutes(r.smartfloMinutes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
