/** Amount parsing anchors and limits (issue #18 item 3): every branch of parseAmount/formatAmount/parseBaseUnits pinned. */
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, parseBaseUnits } from '../../shared/amounts';
import { expectStrataError } from './expectStrataError';

describe('parseAmount anchors', () => {
  it.each(['1,000.50', '1.2.3', 'a.5', '1.5x', 'x1.5', '.5.5', '..5', '1..5', '.', '5.', '1 000', '$1', '.5x', 'x.5'])(
    '%j is not a decimal number',
    (text) => {
      expectStrataError(() => parseAmount(text, 18), 'INVALID_AMOUNT', /^Write the amount as a decimal number, e\.g\. 1\.25$/);
    },
  );

  it('trims surrounding white space', () => {
    expect(parseAmount('  1.5\n', 6)).toBe(1_500_000n);
    expect(parseAmount('\t.25 ', 2)).toBe(25n);
  });

  it('a leading-dot fraction keeps every digit', () => {
    expect(parseAmount('.25', 2)).toBe(25n);
    expect(parseAmount('.123456', 6)).toBe(123_456n);
  });

  it('strips every trailing zero of the fraction before counting decimals', () => {
    expect(parseAmount('1.500', 1)).toBe(15n);
    expect(parseAmount('2.000000', 0)).toBe(2n);
    expectStrataError(() => parseAmount('1.05', 1), 'INVALID_AMOUNT', /^Too many decimals: this asset has 1$/);
  });

  it('accepts up to 78 digits on each side and refuses 79', () => {
    expect(parseAmount('9'.repeat(78), 0)).toBe(10n ** 78n - 1n);
    expectStrataError(() => parseAmount('1'.repeat(79), 0), 'INVALID_AMOUNT', /decimal number/);
    expect(parseAmount(`0.${'0'.repeat(35)}1`, 36)).toBe(1n);
    expectStrataError(() => parseAmount(`0.${'1'.repeat(79)}`, 36), 'INVALID_AMOUNT', /decimal number/);
  });

  it('refuses a negative amount with its own message', () => {
    expectStrataError(() => parseAmount(' -1', 6), 'INVALID_AMOUNT', /^The amount must be positive$/);
    expectStrataError(() => parseAmount('-0', 6, { allowZero: true }), 'INVALID_AMOUNT', /^The amount must be positive$/);
  });

  it('zero is refused unless allowed, in every spelling', () => {
    for (const zero of ['0', '0.0', '.0', '000']) {
      expectStrataError(() => parseAmount(zero, 6), 'INVALID_AMOUNT', /^The amount must be greater than zero$/);
      expect(parseAmount(zero, 6, { allowZero: true })).toBe(0n);
    }
  });
});

describe('parseAmount decimals range', () => {
  it.each([-1, 37, 255, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('decimals %s is refused', (decimals) => {
    expectStrataError(() => parseAmount('1', decimals), 'INVALID_AMOUNT', new RegExp(`^Unsupported number of decimals: ${decimals}$`));
  });

  it('accepts 0 and the 36-decimal limit', () => {
    expect(parseAmount('3', 0)).toBe(3n);
    expect(parseAmount('1', 36)).toBe(10n ** 36n);
    expect(parseAmount('1.5', 36)).toBe(15n * 10n ** 35n);
  });
});

describe('formatAmount', () => {
  it('formats zero as "0" with or without decimals', () => {
    expect(formatAmount(0n, 6)).toBe('0');
    expect(formatAmount(0n, 0)).toBe('0');
    expect(formatAmount(0n, 36)).toBe('0');
  });

  it('keeps inner zeros and drops only trailing ones', () => {
    expect(formatAmount(1_050_000n, 6)).toBe('1.05');
    expect(formatAmount(1_000_001n, 6)).toBe('1.000001');
    expect(formatAmount(100n, 2)).toBe('1');
    expect(formatAmount(-1n, 2)).toBe('-0.01');
    expect(formatAmount(10n ** 36n + 1n, 36)).toBe(`1.${'0'.repeat(35)}1`);
  });

  it('round-trips with parseAmount', () => {
    for (const text of ['0.000001', '123.456', '1', '999999999999.999999']) expect(formatAmount(parseAmount(text, 6), 6)).toBe(text);
  });
});

describe('parseBaseUnits', () => {
  it('accepts 0 and up to 78 digits without a leading zero', () => {
    expect(parseBaseUnits('0')).toBe(0n);
    expect(parseBaseUnits('9'.repeat(78))).toBe(10n ** 78n - 1n);
  });

  it.each(['', ' 1', '1 ', '1.0', '+1', '00', '1'.repeat(79), '0x1', '1e3'])('%j is refused', (text) => {
    expectStrataError(() => parseBaseUnits(text), 'INVALID_AMOUNT', /^Expected an integer amount in base units$/);
  });
});
