import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount, parseBaseUnits } from '../../shared/amounts';
import { expectStrataError } from './expectStrataError';

describe('amounts in base units', () => {
  it('parses decimals exactly, without floats', () => {
    expect(parseAmount('1.5', 6)).toBe(1_500_000n);
    expect(parseAmount('0.000001', 6)).toBe(1n);
    expect(parseAmount('.5', 18)).toBe(500_000_000_000_000_000n);
    expect(parseAmount('123456789012345678901234567890', 18)).toBe(123456789012345678901234567890n * 10n ** 18n);
    expect(parseAmount('0.1', 18) + parseAmount('0.2', 18)).toBe(parseAmount('0.3', 18));
    expect(parseAmount('2.50', 1)).toBe(25n);
    expect(parseAmount('7', 0)).toBe(7n);
    expect(parseAmount('0', 6, { allowZero: true })).toBe(0n);
  });

  it('rejects negative, zero, too precise and malformed amounts with INVALID_AMOUNT', () => {
    expectStrataError(() => parseAmount('-1', 6), 'INVALID_AMOUNT', /positive/);
    expectStrataError(() => parseAmount('0', 6), 'INVALID_AMOUNT', /greater than zero/);
    expectStrataError(() => parseAmount('0.0000001', 6), 'INVALID_AMOUNT', /Too many decimals: this asset has 6/);
    for (const bad of ['', '1e18', '1,5', '0x10', ' 1 . 5', 'NaN', 'Infinity', '1.', '+1']) {
      expectStrataError(() => parseAmount(bad, 18), 'INVALID_AMOUNT');
    }
  });

  it('formats base units back', () => {
    expect(formatAmount(1_500_000n, 6)).toBe('1.5');
    expect(formatAmount(1n, 18)).toBe('0.000000000000000001');
    expect(formatAmount(10n ** 18n, 18)).toBe('1');
    expect(formatAmount(-25n, 1)).toBe('-2.5');
    expect(formatAmount(42n, 0)).toBe('42');
    expect(parseBaseUnits('1500000')).toBe(1_500_000n);
    expectStrataError(() => parseBaseUnits('01'), 'INVALID_AMOUNT');
    expectStrataError(() => parseBaseUnits('-1'), 'INVALID_AMOUNT');
  });
});
