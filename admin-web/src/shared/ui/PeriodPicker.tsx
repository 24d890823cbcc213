import { useId } from 'react';
import { formatPeriod, recentPeriods } from '@usage-monitor/web-kit/periods';

export function PeriodPicker({ value, onChange, label = 'Month' }: { value: string; onChange: (period: string) => void; label?: string }) {
  const id = useId();
  const periods = recentPeriods(12);
  const options = periods.includes(value) ? periods : [value, ...periods];
  return (
    <div className="inline-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((p, i) => (
          <option key={p} value={p}>
            {formatPeriod(p)}
            {i === 0 && p === periods[0] ? ' (current)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
