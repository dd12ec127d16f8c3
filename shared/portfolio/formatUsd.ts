import { parseDecimal, toFixedHalfUp } from './decimal';

/**
 * A USD value string from the portfolio (`"4680.83"`, `"1234567.5"`) for display: `$4,680.83`, `$1,234,567.50`.
 * Rounded half up to cents, thousands grouped with commas whatever the locale (the figures must read the same in
 * tests, screenshots and support requests). A negative value reads `-$1.00`; null (no price) and anything that is
 * not a plain decimal read as `missing` (default an em dash), so a bad value never shows as a number.
 */
export function formatUsd(value: string | null | undefined, options: { missing?: string } = {}): string {
  const missing = options.missing ?? '—';
  if (value === null || value === undefined) return missing;
  const negative = value.startsWith('-');
  let fixed: string;
  try {
    fixed = toFixedHalfUp(parseDecimal(negative ? value.slice(1) : value), 2);
  } catch {
    return missing;
  }
  const [whole = '0', cents = '00'] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // "-0.00" would suggest a loss where there is none.
  const sign = negative && fixed !== '0.00' ? '-' : '';
  return `${sign}$${grouped}.${cents}`;
}
