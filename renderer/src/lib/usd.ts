import { formatUsd as formatCents } from '../../../shared/portfolio/formatUsd';
import { groupThousands } from './amountDisplay';

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
