import { StrataError } from '../../../../shared/errors';
import { compareDecimals, formatDecimal, maxDecimal, mulCeil, parseDecimal, type ExactDecimal } from './decimal';

/**
 * Gas prices of a fee token, in chain-registry's shape (`chain.fees.feeTokens[i]`): decimals in base units per gas
 * unit, as JSON numbers or decimal strings. `fixedMinGasPrice` is a floor for every tier.
 */
export interface GasPriceConfig {
  denom: string;
  fixedMinGasPrice?: number | string;
  lowGasPrice?: number | string;
  averageGasPrice?: number | string;
  highGasPrice?: number | string;
}

export type FeeTierName = 'slow' | 'normal' | 'fast';

export interface FeeTier {
  /** integer base units: ceil(gas * gasPrice) */
  amount: bigint;
  denom: string;
  /** the gas price used, as a decimal string */
  gasPrice: string;
}

export type FeeTiers = Record<FeeTierName, FeeTier>;

/** The default safety margin on simulated gas: simulation runs without signature checks and against older state. */
export const DEFAULT_GAS_ADJUSTMENT = '1.3';

/**
 * The gas limit for a simulated gas use: ceil(gasUsed * adjustment), exactly.
 * @throws StrataError INVALID_INPUT for an adjustment below 1
 */
export function adjustGas(gasUsed: bigint, adjustment: string | number = DEFAULT_GAS_ADJUSTMENT): bigint {
  const factor = parseDecimal(adjustment);
  if (compareDecimals(factor, { units: 1n, scale: 0 }) < 0) {
    throw new StrataError('INVALID_INPUT', 'The gas adjustment must be at least 1');
  }
  return mulCeil(gasUsed, factor);
}

/**
 * Fee tiers for a gas limit: slow = low, normal = average, fast = high gas price, each raised to the fixed minimum
 * when there is one. A missing low price falls back to the minimum, then to average; missing average to low; missing
 * high to average. Amounts are ceil(gas * price) in integer base units, computed exactly.
 * @throws StrataError UNKNOWN_ASSET when the config has no gas price at all
 */
export function feeTiers(gas: bigint, config: GasPriceConfig): FeeTiers {
  const prices = tierPrices(config);
  const tier = (price: ExactDecimal): FeeTier => ({ amount: mulCeil(gas, price), denom: config.denom, gasPrice: formatDecimal(price) });
  return { slow: tier(prices.slow), normal: tier(prices.normal), fast: tier(prices.fast) };
}

function tierPrices(config: GasPriceConfig): Record<FeeTierName, ExactDecimal> {
  const read = (value: number | string | undefined) => (value === undefined ? undefined : parseDecimal(value));
  const floor = read(config.fixedMinGasPrice);
  const average0 = read(config.averageGasPrice);
  const low = read(config.lowGasPrice) ?? floor ?? average0;
  const average = average0 ?? low;
  const high = read(config.highGasPrice) ?? average;
  if (low === undefined || average === undefined || high === undefined) {
    throw new StrataError('UNKNOWN_ASSET', `No gas price is known for ${config.denom.slice(0, 64)}`);
  }
  const floored = (price: ExactDecimal) => (floor === undefined ? price : maxDecimal(price, floor));
  return { slow: floored(low), normal: floored(average), fast: floored(high) };
}
