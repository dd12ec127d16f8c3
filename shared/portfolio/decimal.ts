/**
 * Exact decimal arithmetic for money: values are `units / 10^scale` with bigint units, so sums and products never go
 * through floating point. Prices, USD values and the price cache all use these helpers.
 */
import { StrataError } from '../errors';

/** A non-negative decimal value `units / 10^scale`, exact. */
export interface ExactDecimal {
  units: bigint;
  scale: number;
}

export const ZERO: ExactDecimal = { units: 0n, scale: 0 };

/** A plain non-negative decimal as written in JSON, the cache and on IPC: `3120.55`, `0.9998`, `12`. */
const PLAIN_DECIMAL = /^(0|[1-9][0-9]{0,59})(?:\.([0-9]{1,60}))?$/;

/** Whether `text` is a plain non-negative decimal (no sign, no exponent, no leading zeros). */
export function isPlainDecimal(text: string): boolean {
  return PLAIN_DECIMAL.test(text);
}

/**
 * Parses a plain non-negative decimal exactly (`"3120.55"` -> 312055 / 10^2).
 * @throws StrataError INVALID_INPUT for anything else (signs, exponents, spaces)
 */
export function parseDecimal(text: string): ExactDecimal {
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) throw new StrataError('INVALID_INPUT', 'Expected a plain decimal number such as 3120.55');
  const fraction = match[2] ?? '';
  return { units: BigInt(`${match[1]}${fraction}`), scale: fraction.length };
}

/** `numerator / denominator` rounded half up (both non-negative, denominator positive). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Expresses `value` with `scale` decimals (scale must not be below value.scale: no rounding happens here). */
function rescale(value: ExactDecimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

/** Exact sum. */
export function addExact(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** Exact comparison: negative, zero or positive like a sort comparator. */
export function compareExact(a: ExactDecimal, b: ExactDecimal): number {
  const scale = Math.max(a.scale, b.scale);
  const diff = rescale(a, scale) - rescale(b, scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** `a / b` as a float (a share), 0 when b is zero. Exact up to the float's own precision. */
export function ratio(a: ExactDecimal, b: ExactDecimal): number {
  const scale = Math.max(a.scale, b.scale);
  const denominator = rescale(b, scale);
  if (denominator === 0n) return 0;
  // 18 digits: more than a double holds, so the result is within an ulp or two of the exact ratio.
  const PRECISION = 10n ** 18n;
  return Number((rescale(a, scale) * PRECISION) / denominator) / Number(PRECISION);
}

/**
 * Rounds half up to `decimals` fraction digits and writes the result with exactly that many (`4680.825` -> `4680.83`
 * at 2). Half up, i.e. away from zero for these non-negative values: the convention of price displays and receipts.
 */
export function toFixedHalfUp(value: ExactDecimal, decimals: number): string {
  const units = value.scale <= decimals ? rescale(value, decimals) : divideHalfUp(value.units, 10n ** BigInt(value.scale - decimals));
  return writeScaled(units, decimals);
}

/** Writes `units / 10^scale` with exactly `scale` fraction digits. */
function writeScaled(units: bigint, scale: number): string {
  if (scale === 0) return units.toString();
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Writes an exact value as a plain decimal without trailing zeros (`312055 / 10^2` -> `3120.55`, `5 / 10^0` -> `5`). */
export function toPlainDecimal(value: ExactDecimal): string {
  const text = writeScaled(value.units, value.scale);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * A number parsed from JSON, as a plain decimal string rounded half up to `significantDigits` (default 12)
 * significant digits: `3120.55` -> `"3120.55"`, `1.5e-7` -> `"0.00000015"`. Works from the shortest decimal that
 * round-trips to the double (what JavaScript prints), so a price received as `0.9998` stays exactly `0.9998`.
 * @throws StrataError INVALID_INPUT for negative, NaN or infinite numbers
 */
export function decimalFromNumber(value: number, significantDigits = 12): string {
  if (!Number.isFinite(value) || value < 0) throw new StrataError('INVALID_INPUT', 'Expected a finite non-negative number');
  const match = /^([0-9]+)(?:\.([0-9]+))?(?:e([+-][0-9]+))?$/.exec(String(value));
  if (!match) throw new StrataError('INVALID_INPUT', 'Expected a finite non-negative number');
  const fraction = match[2] ?? '';
  const digits = `${match[1]}${fraction}`.replace(/^0+/, '');
  let exponent = Number(match[3] ?? '0') - fraction.length;
  if (digits === '') return '0';
  let units = BigInt(digits);
  if (digits.length > significantDigits) {
    const drop = digits.length - significantDigits;
    units = divideHalfUp(units, 10n ** BigInt(drop));
    exponent += drop;
  }
  if (exponent >= 0) return (units * 10n ** BigInt(exponent)).toString();
  return toPlainDecimal({ units, scale: -exponent });
}
