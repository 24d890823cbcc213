/** Margin as a percent of provider cost, as the server gives it (2 decimals); "—" with no provider cost. */
export function formatMarginPercent(percent: string | null | undefined): string {
  return percent == null ? '—' : `${percent} %`;
}
