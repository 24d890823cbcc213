/** A markup in percent as the server takes it: at most 6 decimals, not below -100 (api-contract-next.md). */
export function markupInputError(text: string): string | null {
  const value = text.trim();
  if (!/^-?\d{1,6}(\.\d+)?$/.test(value)) return 'Enter a percent, e.g. 20 or -10.';
  const decimals = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
  if (decimals > 6) return 'Use at most 6 decimals.';
  // Compared as text: "-100.000001" and below are refused, "-100" is allowed.
  if (value.startsWith('-')) {
    const [whole, fraction = ''] = value.slice(1).split('.');
    if (Number(whole) > 100 || (Number(whole) === 100 && /[1-9]/.test(fraction))) return 'A markup cannot be below -100 %.';
  }
  return null;
}

/** What a markup means for a $1.00 provider cost, e.g. "20" → "$1.00 → $1.20". */
export function markupExample(text: string): string | null {
  if (markupInputError(text)) return null;
  const [whole, fraction = ''] = text.trim().replace('-', '').split('.');
  // Cents of (100 + markup) on $1, exact to the cent shown.
  const sign = text.trim().startsWith('-') ? -1n : 1n;
  const micro = BigInt(whole!) * 1_000_000n + BigInt((fraction + '000000').slice(0, 6));
  const charged = 100_000_000n + sign * micro;
  const cents = (charged + 500_000n) / 1_000_000n;
  return `$1.00 of provider cost → $${(cents / 100n).toString()}.${(cents % 100n).toString().padStart(2, '0')}`;
}
