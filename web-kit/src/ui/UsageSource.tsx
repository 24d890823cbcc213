import { USAGE_SOURCE_DESCRIPTIONS, USAGE_SOURCE_LABELS, USAGE_SOURCES, type UsageSourceName } from '../units/sources';

/** A log's source as both apps show it: the short label, what it means on hover. */
export function UsageSourceLabel({ source }: { source: UsageSourceName }) {
  return (
    <span className="source-tag" title={USAGE_SOURCE_DESCRIPTIONS[source]}>
      {USAGE_SOURCE_LABELS[source]}
    </span>
  );
}

/** The Source filter's select (each app puts its own label and field styling around it). */
export function UsageSourceSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: UsageSourceName | undefined;
  onChange: (source: UsageSourceName | undefined) => void;
}) {
  return (
    <select
      id={id}
      value={value ?? ''}
      onChange={(e) => onChange(USAGE_SOURCES.find((s) => s === e.target.value))}
    >
      <option value="">All sources</option>
      {USAGE_SOURCES.map((source) => (
        <option key={source} value={source}>
          {USAGE_SOURCE_LABELS[source]}
        </option>
      ))}
    </select>
  );
}
