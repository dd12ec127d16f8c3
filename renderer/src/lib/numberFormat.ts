import { formatAmount, parseBaseUnits } from '../../../shared/amounts';
import { formatUsd as formatCents } from '../../../shared/portfolio/formatUsd';

/*
 * The renderer's one number formatter: every amount, USD figure and percentage on screen goes through here.
 * - Amounts: thousands grouped with "," everywhere; lists cut (never rounded up) to 6 decimals (displayAmount),
 *   fees to 6 significant digits (feeAmount); the full precision (exactAmount) in the title (hover) and on copy.
 * - USD: cents, or the significant digits of a small figure; exact decimal strings, never floats.
 * - Percentages: "12.5%", at most 2 decimals, trailing zeros dropped, grouped (percentOfBps, percentOfFraction).
 */

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

/**
 * A fee: 6 significant digits, cut (never rounded), grouped: `"204512345678901", 18` -> `"0.000204512"`,
 * `"1234567891", 6` -> `"1,234.56"`; a whole part longer than that keeps every whole digit. Show exactAmount in
 * its title.
 */
export function feeAmount(units: string | bigint, decimals: number, significant = 6): string {
  const value = typeof units === 'bigint' ? units : parseBaseUnits(units);
  const negative = value < 0n;
  const [whole = '0', fraction = ''] = formatAmount(negative ? -value : value, decimals).split('.');
  let kept: string;
  if (whole !== '0') {
    kept = fraction.slice(0, Math.max(0, significant - whole.length));
  } else {
    const zeros = fraction.length - fraction.replace(/^0+/, '').length;
    kept = fraction.slice(0, zeros + significant);
  }
  kept = kept.replace(/0+$/, '');
  const text = kept ? `${groupThousands(whole)}.${kept}` : groupThousands(whole);
  return negative ? `-${text}` : text;
}

/** A plain decimal string (`"-12.5"`, `"3000"`) as an integer scaled by 10^scale, rounded half away from zero. */
function scaled(value: string, scale: number): bigint {
  const match = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(value.trim());
  if (!match) throw new Error('not a decimal');
  const [, sign = '', whole = '0', fraction = ''] = match;
  const kept = BigInt(whole + fraction.slice(0, scale).padEnd(scale, '0'));
  const roundUp = (fraction[scale] ?? '0') >= '5' ? 1n : 0n;
  const magnitude = kept + roundUp;
  return sign === '-' ? -magnitude : magnitude;
}

function unscaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${groupThousands(whole)}${scale > 0 ? `.${fraction}` : ''}`;
}

/**
 * A USD decimal string from main (`"4500.5"`) for display: `$4,500.50`. Values are rounded to `fraction` digits
 * (half away from zero) from the string itself, never through a float. null (no price) reads as an em dash.
 */
export function formatUsd(value: string | null, fraction = 2): string {
  // Cents are the portfolio's own rounding: the same function main's figures are checked against.
  if (fraction === 2) return formatCents(value);
  if (value === null) return '—';
  let text: string;
  try {
    text = unscaled(scaled(value, fraction), fraction);
  } catch {
    return '—';
  }
  return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
}

/** A fee or cost in USD: a small figure keeps its significant digits (`$0.0061`), a large one is in cents; null reads "no price". */
export function usdText(value: string | null): string {
  if (value === null) return 'no price';
  return /^0\.00/.test(value) ? formatUsd(value, 4) : formatUsd(value);
}

/** A unit price: cents for prices of a dollar or more, up to 6 decimals below (`$0.998712`). */
export function formatPrice(value: string | null): string {
  if (value === null) return '—';
  const small = /^0(\.|$)/.test(value.trim());
  return formatUsd(value, small ? 6 : 2).replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** Exact sum of decimal strings (`["0.1", "0.2"]` -> `"0.3"`); null when the list is empty. */
export function sumDecimals(values: readonly string[]): string | null {
  if (values.length === 0) return null;
  const scale = Math.max(0, ...values.map((v) => v.split('.')[1]?.length ?? 0));
  const total = values.reduce((sum, v) => sum + scaled(v, scale), 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** USD value of `units` base units at `price` dollars per whole unit, as an exact decimal string. */
export function usdValueOf(units: bigint, decimals: number, price: string): string {
  const [whole = '0', fraction = ''] = price.split('.');
  const priceScaled = BigInt(whole + fraction);
  const product = units * priceScaled;
  const scale = decimals + fraction.length;
  const digits = product.toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${int}${frac ? `.${frac}` : ''}`;
}

/** A share of a total (0..1) as a percentage for people: "42.5%", "<0.1%", "100%". */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  if (share > 0 && share < 0.001) return '<0.1%';
  const percent = Math.round(share * 1000) / 10;
  return `${percent % 1 === 0 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** Basis points as a percentage: 166 -> "1.66%", 1250 -> "12.5%", 0 -> "0%", 1234567 -> "12,345.67%". */
export function percentOfBps(bps: number): string {
  const negative = bps < 0;
  const hundredths = Math.round(Math.abs(bps));
  const whole = groupThousands(String(Math.floor(hundredths / 100)));
  const fraction = String(hundredths % 100).padStart(2, '0').replace(/0+$/, '');
  return `${negative && hundredths > 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}%`;
}

/** A fraction (0.4512) as a percentage with exactly `digits` decimals: "45.1%"; grouped. */
export function percentOfFraction(value: number, digits = 1): string {
  return `${(value * 100).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

/** Percentage points (already ×100) with exactly `digits` decimals: 12.345 -> "12.35%" (digits 2). */
export function percentText(points: number, digits = 1): string {
  return percentOfFraction(points / 100, digits);
}
