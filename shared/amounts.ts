import { StrataError } from './errors';

/** Largest number of decimals an asset may declare (ERC-20 allows up to 255; nothing real uses more than 36). */
const MAX_DECIMALS = 36;

/**
 * Parses a decimal amount typed by a user (`"1.5"`, `"0.000001"`) into integer base units.
 * @throws INVALID_AMOUNT for anything but a plain non-negative decimal, more decimals than the asset has, or zero
 *   (unless `allowZero`)
 */
export function parseAmount(input: string, decimals: number, options: { allowZero?: boolean } = {}): bigint {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new StrataError('INVALID_AMOUNT', `Unsupported number of decimals: ${decimals}`);
  }
  const text = input.trim();
  if (text.startsWith('-')) throw new StrataError('INVALID_AMOUNT', 'The amount must be positive');
  const match = /^([0-9]{1,78})(?:\.([0-9]{1,78}))?$|^\.([0-9]{1,78})$/.exec(text);
  if (!match) throw new StrataError('INVALID_AMOUNT', 'Write the amount as a decimal number, e.g. 1.25');
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) {
    throw new StrataError('INVALID_AMOUNT', `Too many decimals: this asset has ${decimals}`);
  }
  const units = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (units === 0n && !options.allowZero) throw new StrataError('INVALID_AMOUNT', 'The amount must be greater than zero');
  return units;
}

/** Formats integer base units as a decimal string without trailing zeros (`1500000n, 6` -> `"1.5"`). */
export function formatAmount(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const fraction = decimals === 0 ? '' : (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Parses a base-unit integer string as it crosses IPC or JSON (`"1500000"`). */
export function parseBaseUnits(input: string): bigint {
  if (!/^(0|[1-9][0-9]{0,77})$/.test(input)) throw new StrataError('INVALID_AMOUNT', 'Expected an integer amount in base units');
  return BigInt(input);
}
