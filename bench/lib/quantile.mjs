/** The q-quantile of ascending values by nearest rank (p99 = the value 99 % of samples do not pass); NaN when empty. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
