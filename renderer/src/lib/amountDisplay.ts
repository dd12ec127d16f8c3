import { formatAmount, parseBaseUnits } from '../../../shared/amounts';

/** "1234567" -> "1,234,567" (digits only; the caller keeps the sign and the fraction). */
export function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Base units as the exact decimal amount, with thousands grouped: `"1500000000000000000", 18` -> `"1.5"`,
 * `"1000000000000", 6` -> `"1,000,000"`. Used where every digit matters (the review screen, tooltips).
 */
export function exactAmount(units: string | bigint, decimals: number): string {
  const value = typeof units === 'bigint' ? units : parseBaseUnits(units);
  const [whole = '0', fraction] = formatAmount(value, decimals).split('.');
  return fraction ? `${groupThousands(whole)}.${fraction}` : groupThousands(whole);
}

/**
 * Base units for lists: grouped, the fraction cut (never rounded up, so a balance is never shown larger than it
 * is) to `maxFraction` digits; a non-zero amount too small to show reads `<0.000001`.
 */
export function displayAmount(units: string | bigint, decimals: number, maxFraction = 6): string {
  const value = typeof units === 'bigint' ? units : parseBaseUnits(units);
  const [whole = '0', fraction = ''] = formatAmount(value, decimals).split('.');
  const cut = fraction.slice(0, maxFraction).replace(/0+$/, '');
  if (value > 0n && whole === '0' && cut === '') return `<0.${'0'.repeat(Math.max(0, maxFraction - 1))}1`;
  return cut ? `${groupThousands(whole)}.${cut}` : groupThousands(whole);
}
