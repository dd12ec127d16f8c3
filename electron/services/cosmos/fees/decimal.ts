import { StrataError } from '../../../../shared/errors';

/**
 * An exact non-negative decimal, `units / 10^scale`. Gas prices (0.025, 0.0053, 2903231.6597) and the gas adjustment
 * (1.3) are decimals; multiplying them with floats would round fee amounts, so fee math runs on bigint.
 */
export interface ExactDecimal {
  readonly units: bigint;
  readonly scale: number;
}

const MAX_SCALE = 36;

/**
 * Parses `"0.025"`, `"1.3"`, `"160000000"` or a JS number as it appears in chain-registry JSON (`0.025`, `1e-7`).
 * A number is read through its shortest round-trip text, which is exactly what the JSON said.
 * @throws StrataError INVALID_INPUT for negative, non-finite or malformed input
 */
export function parseDecimal(input: string | number): ExactDecimal {
  if (typeof input === 'number' && !Number.isFinite(input)) throw new StrataError('INVALID_INPUT', 'Not a finite number');
  const text = typeof input === 'number' ? String(input) : input.trim();
  const match = /^([0-9]{1,40})(?:\.([0-9]{1,40}))?(?:[eE]([+-]?[0-9]{1,3}))?$/.exec(text);
  if (!match) throw new StrataError('INVALID_INPUT', `Not a non-negative decimal: ${text.slice(0, 40)}`);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  const exponent = Number(match[3] ?? '0');
  let units = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return normalize({ units, scale });
}

/**
 * A decimal from its integer atomics at a fixed scale: the SDK's LegacyDec (`cosmos.Dec`) crosses protobuf as the
 * integer `value * 10^18` in text (`"5000000000000000"` is 0.005), which is how gRPC answers carry gas prices.
 * @throws StrataError INVALID_INPUT for anything but digits
 */
export function decimalFromAtomics(atomics: string, scale: number): ExactDecimal {
  if (!/^[0-9]{1,80}$/.test(atomics)) throw new StrataError('INVALID_INPUT', `Not a decimal in atomics: ${atomics.slice(0, 40)}`);
  return normalize({ units: BigInt(atomics), scale });
}

/** decimal * decimal, exactly: a gas price raised by a margin factor. */
export function mulDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return normalize({ units: a.units * b.units, scale: a.scale + b.scale });
}

/** Drops trailing zeros so that equal values compare equal field by field. */
function normalize(value: ExactDecimal): ExactDecimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  if (scale > MAX_SCALE) throw new StrataError('INVALID_INPUT', 'Too many decimal places');
  return { units, scale };
}

/** ceil(integer * decimal), exactly. */
export function mulCeil(integer: bigint, decimal: ExactDecimal): bigint {
  const denominator = 10n ** BigInt(decimal.scale);
  const product = integer * decimal.units;
  const quotient = product / denominator;
  return product % denominator === 0n ? quotient : quotient + 1n;
}

export function compareDecimals(a: ExactDecimal, b: ExactDecimal): number {
  const scale = Math.max(a.scale, b.scale);
  const left = a.units * 10n ** BigInt(scale - a.scale);
  const right = b.units * 10n ** BigInt(scale - b.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function maxDecimal(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return compareDecimals(a, b) >= 0 ? a : b;
}

/** Plain decimal text (`"0.025"`), never exponent notation. */
export function formatDecimal(value: ExactDecimal): string {
  if (value.scale === 0) return value.units.toString();
  const digits = value.units.toString().padStart(value.scale + 1, '0');
  return `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
}
