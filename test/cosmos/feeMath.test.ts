import { describe, expect, it } from 'vitest';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { formatDecimal, mulCeil, parseDecimal } from '../../electron/services/cosmos/fees/decimal';
import { adjustGas, feeTiers } from '../../electron/services/cosmos/fees/feeTiers';
import { gasPricesFor } from '../../electron/services/cosmos/registry/gasPrices';
import { expectStrataError } from '../unit/expectStrataError';

describe('exact decimals', () => {
  it('reads registry numbers and decimal strings exactly', () => {
    expect(parseDecimal(0.025)).toEqual({ units: 25n, scale: 3 });
    expect(parseDecimal('0.0250')).toEqual({ units: 25n, scale: 3 });
    expect(parseDecimal(1e-7)).toEqual({ units: 1n, scale: 7 });
    expect(parseDecimal(160000000)).toEqual({ units: 160000000n, scale: 0 });
    expect(parseDecimal(2903231.6597)).toEqual({ units: 29032316597n, scale: 4 });
    expect(parseDecimal('1.5e3')).toEqual({ units: 1500n, scale: 0 });
    expect(formatDecimal(parseDecimal(0.0053))).toBe('0.0053');
    expect(formatDecimal(parseDecimal(1e-7))).toBe('0.0000001');
  });

  it('rejects negative and malformed decimals', () => {
    expectStrataError(() => parseDecimal(-0.1), 'INVALID_INPUT');
    expectStrataError(() => parseDecimal('1,5'), 'INVALID_INPUT');
    expectStrataError(() => parseDecimal(Number.NaN), 'INVALID_INPUT');
    expectStrataError(() => parseDecimal(Number.POSITIVE_INFINITY), 'INVALID_INPUT');
  });

  it('rounds products up, and only when there is a remainder', () => {
    expect(mulCeil(200_000n, parseDecimal('0.025'))).toBe(5_000n);
    expect(mulCeil(123_457n, parseDecimal('0.025'))).toBe(3_087n); // 3086.425
    expect(mulCeil(1n, parseDecimal('0.0000001'))).toBe(1n);
    expect(mulCeil(0n, parseDecimal('0.3'))).toBe(0n);
  });
});

describe('adjustGas', () => {
  it('multiplies by 1.3 exactly and rounds up', () => {
    // ceil(gasUsed * adjustment) + the 10,000 gas floor margin
    expect(adjustGas(100_000n)).toBe(140_000n);
    expect(adjustGas(94_967n)).toBe(133_458n); // 123457.1
    expect(adjustGas(94_967n, '1.5')).toBe(152_451n); // 142450.5
    expect(adjustGas(70_000n, '1')).toBe(80_000n);
  });

  it('refuses an adjustment below 1', () => {
    expectStrataError(() => adjustGas(100_000n, '0.9'), 'INVALID_INPUT');
  });
});

describe('fee tiers from chain-registry gas prices', () => {
  const gas = 123_457n;

  it('Cosmos Hub: low 0.01 / average 0.025 / high 0.03 uatom (floor 0.005)', () => {
    const prices = gasPricesFor(resolveChain('cosmoshub'));
    expect(prices).toMatchObject({ denom: 'uatom', fixedMinGasPrice: 0.005, lowGasPrice: 0.01, averageGasPrice: 0.025, highGasPrice: 0.03 });
    expect(feeTiers(gas, prices)).toEqual({
      slow: { amount: 1_235n, denom: 'uatom', gasPrice: '0.01' }, // 1234.57
      normal: { amount: 3_087n, denom: 'uatom', gasPrice: '0.025' }, // 3086.425
      fast: { amount: 3_704n, denom: 'uatom', gasPrice: '0.03' }, // 3703.71
    });
    expect(feeTiers(200_000n, prices).normal.amount).toBe(5_000n);
  });

  it('Osmosis: 0.03 / 0.1 / 0.16 uosmo', () => {
    expect(feeTiers(gas, gasPricesFor(resolveChain('osmosis')))).toEqual({
      slow: { amount: 3_704n, denom: 'uosmo', gasPrice: '0.03' }, // 3703.71
      normal: { amount: 12_346n, denom: 'uosmo', gasPrice: '0.1' }, // 12345.7
      fast: { amount: 19_754n, denom: 'uosmo', gasPrice: '0.16' }, // 19753.12
    });
  });

  it('Injective: 160000000 inj base units per gas, 18 decimals, no float anywhere', () => {
    const tiers = feeTiers(gas, gasPricesFor(resolveChain('injective')));
    expect(tiers.normal).toEqual({ amount: 19_753_120_000_000n, denom: 'inj', gasPrice: '160000000' });
    expect(tiers.slow.amount).toBe(19_753_120_000_000n);
    expect(tiers.fast.amount).toBe(19_753_120_000_000n);
    // Far beyond 2^53: a float would have lost the last digits.
    expect(feeTiers(98_765_432_109n, gasPricesFor(resolveChain('injective'))).normal.amount).toBe(15_802_469_137_440_000_000n);
  });

  it('raises every tier to the fixed minimum gas price', () => {
    const tiers = feeTiers(100_000n, { denom: 'ufoo', fixedMinGasPrice: '0.02', lowGasPrice: 0.01, averageGasPrice: 0.015, highGasPrice: 0.04 });
    expect(tiers).toEqual({
      slow: { amount: 2_000n, denom: 'ufoo', gasPrice: '0.02' },
      normal: { amount: 2_000n, denom: 'ufoo', gasPrice: '0.02' },
      fast: { amount: 4_000n, denom: 'ufoo', gasPrice: '0.04' },
    });
  });

  it('fills missing tiers (Neutron lists no minimum; a devnet may list only an average)', () => {
    expect(feeTiers(1_000_000n, gasPricesFor(resolveChain('neutron')))).toEqual({
      slow: { amount: 5_300n, denom: 'untrn', gasPrice: '0.0053' },
      normal: { amount: 5_300n, denom: 'untrn', gasPrice: '0.0053' },
      fast: { amount: 5_300n, denom: 'untrn', gasPrice: '0.0053' },
    });
    expect(feeTiers(10n, { denom: 'stake', averageGasPrice: '0.25' })).toEqual({
      slow: { amount: 3n, denom: 'stake', gasPrice: '0.25' },
      normal: { amount: 3n, denom: 'stake', gasPrice: '0.25' },
      fast: { amount: 3n, denom: 'stake', gasPrice: '0.25' },
    });
  });

  it('fails clearly without gas prices', () => {
    expectStrataError(() => feeTiers(10n, { denom: 'stake' }), 'UNKNOWN_ASSET');
    expectStrataError(
      () =>
        gasPricesFor({ id: 'cosmos:strata-local-1', name: 'Local' }),
      'UNKNOWN_CHAIN',
    );
  });
});
