import { describe, expect, it } from 'vitest';
import { addExact, compareExact, decimalFromNumber, parseDecimal, ratio, toFixedHalfUp, toPlainDecimal } from '../../shared/portfolio/decimal';
import { expectStrataError } from '../unit/expectStrataError';

describe('exact decimals', () => {
  it('parses plain decimals exactly and refuses anything else', () => {
    expect(parseDecimal('3120.55')).toEqual({ units: 312055n, scale: 2 });
    expect(parseDecimal('0.9998')).toEqual({ units: 9998n, scale: 4 });
    expect(parseDecimal('12')).toEqual({ units: 12n, scale: 0 });
    for (const bad of ['', '-1', '1e5', ' 1', '1.', '.5', '01', '1,5', 'NaN', '0x10']) {
      expectStrataError(() => parseDecimal(bad), 'INVALID_INPUT');
    }
  });

  it('rounds half up to a fixed number of decimals', () => {
    expect(toFixedHalfUp({ units: 4680825n, scale: 3 }, 2)).toBe('4680.83');
    expect(toFixedHalfUp({ units: 4680824n, scale: 3 }, 2)).toBe('4680.82');
    expect(toFixedHalfUp({ units: 5n, scale: 3 }, 2)).toBe('0.01');
    expect(toFixedHalfUp({ units: 4999n, scale: 6 }, 2)).toBe('0.00');
    expect(toFixedHalfUp({ units: 5n, scale: 0 }, 2)).toBe('5.00');
    expect(toFixedHalfUp({ units: 7n, scale: 1 }, 0)).toBe('1');
  });

  it('adds, compares and divides without floats', () => {
    const sum = addExact(parseDecimal('0.1'), parseDecimal('0.2'));
    expect(toPlainDecimal(sum)).toBe('0.3');
    expect(compareExact(sum, parseDecimal('0.30'))).toBe(0);
    expect(compareExact(parseDecimal('0.3'), parseDecimal('0.29999999999999999999'))).toBe(1);
    expect(ratio(parseDecimal('1'), parseDecimal('3'))).toBeCloseTo(1 / 3, 14);
    expect(ratio(parseDecimal('1'), parseDecimal('0'))).toBe(0);
    expect(toPlainDecimal({ units: 1500n, scale: 3 })).toBe('1.5');
    expect(toPlainDecimal({ units: 1500n, scale: 0 })).toBe('1500');
  });

  it('turns JSON numbers into plain decimals with at most 12 significant digits, half up', () => {
    expect(decimalFromNumber(JSON.parse('3120.55'))).toBe('3120.55');
    expect(decimalFromNumber(JSON.parse('0.9998'))).toBe('0.9998');
    expect(decimalFromNumber(JSON.parse('1.5e-7'))).toBe('0.00000015');
    expect(decimalFromNumber(JSON.parse('1e21'))).toBe('1000000000000000000000');
    expect(decimalFromNumber(JSON.parse('64012'))).toBe('64012');
    expect(decimalFromNumber(JSON.parse('0'))).toBe('0');
    // 123456789.123456789 prints as 123456789.12345679: 17 digits, cut to 12.
    expect(decimalFromNumber(Number('123456789.123456789'))).toBe('123456789.123');
    expect(decimalFromNumber(0.1234567890125)).toBe('0.123456789013');
    expect(decimalFromNumber(0.000012345678901234)).toBe('0.0000123456789012');
    expect(decimalFromNumber(999999999999.5)).toBe('1000000000000');
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expectStrataError(() => decimalFromNumber(bad), 'INVALID_INPUT');
  });
});
