import { Link } from 'react-router';
import { formatUsd } from '@usage-monitor/web-kit/money';
import { formatPeriodRange } from '@usage-monitor/web-kit/periods';
import { formatCharacters, formatCount, formatMinutes, formatTokens } from '@usage-monitor/web-kit/units';
import type { SummaryCardFragment } from '../../__generated__/graphql';
import { formatMarginPercent } from '../pricing/margin';

export function SummaryCard({ summary }: { summary: SummaryCardFragment }) {
  return (
    <article className="card summary-card" aria-labelledby={`summary-${summary.tenant.id}`}>
      <header className="summary-head">
        <h3 id={`summary-${summary.tenant.id}`}>
          <Link to={`/customers/${summary.tenant.id}`}>{summary.tenant.name}</Link>
        </h3>
        <p className="muted small">{formatPeriodRange(summary.periodStart, summary.periodEnd)}</p>
      </header>
      <p className="summary-total">
        <span className="muted small">Total cost</span>
        <span className="money-highlight">{formatUsd(summary.totalCostUsd)}</span>
      </p>
      <table className="summary-lines">
        <caption className="visually-hidden">Usage of {summary.tenant.name} by service</caption>
        <tbody>
          <tr>
            <th scope="row">OpenAI</th>
            <td title={`${formatCount(summary.openaiInputTokens)} in / ${formatCount(summary.openaiOutputTokens)} out`}>
              {formatTokens(summary.openaiTotalTokens)}
            </td>
            <td className="money">{formatUsd(summary.openaiCostUsd)}</td>
          </tr>
          <tr>
            <th scope="row">ElevenLabs</th>
            <td>{formatCharacters(summary.elevenlabsCharacters)}</td>
            <td className="money">{formatUsd(summary.elevenlabsCostUsd)}</td>
          </tr>
          <tr>
            <th scope="row">Smartflo</th>
            <td>{formatMinutes(summary.smartfloMinutes)}</td>
            <td className="money">{formatUsd(summary.smartfloCostUsd)}</td>
          </tr>
          <tr>
            <th scope="row">API calls</th>
            <td>{formatCount(summary.totalApiCalls)}</td>
            <td className={summary.errorCalls > 0 ? 'text-danger' : 'muted'}>
              {formatCount(summary.errorCalls)} {summary.errorCalls === 1 ? 'error' : 'errors'}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="summary-lines summary-margin">
        <caption className="visually-hidden">Margin of {summary.tenant.name}</caption>
        <tbody>
          <tr>
            <th scope="row">Provider cost</th>
            <td />
            <td className="money">{formatUsd(summary.providerCostUsd ?? '0')}</td>
          </tr>
          <tr>
            <th scope="row">Margin</th>
            <td className="muted">{formatMarginPercent(summary.marginPercent)}</td>
            <td className="money">{formatUsd(summary.marginUsd ?? '0')}</td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}
