import { StrataError } from '../../../../shared/errors';
import { compareDecimals, formatDecimal, maxDecimal, mulCeil, mulDecimals, parseDecimal, type ExactDecimal } from './decimal';

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

/** The default safety margin on simulated gas: simulation runs against the state of the last block, not the next. */
export const DEFAULT_GAS_ADJUSTMENT = '1.3';

/**
 * Gas added after the adjustment, whatever the adjustment: what a simulation cannot see at all. The simulated fee is
 * 1 base unit and the real one has more digits (10 gas per transaction byte, and the balance written back), the
 * signature's bytes are estimated, and a small transaction's 30% is only a few thousand gas. 10,000 gas costs 250
 * uatom at Cosmos Hub's average price; running out of gas costs the whole fee.
 */
export const GAS_FLOOR_MARGIN = 10_000n;

/**
 * The gas limit for a simulated gas use: ceil(gasUsed * adjustment) + GAS_FLOOR_MARGIN, exactly.
 * @throws StrataError INVALID_INPUT for an adjustment below 1
 */
export function adjustGas(gasUsed: bigint, adjustment: string | number = DEFAULT_GAS_ADJUSTMENT): bigint {
  const factor = parseDecimal(adjustment);
  if (compareDecimals(factor, { units: 1n, scale: 0 }) < 0) {
    throw new StrataError('INVALID_INPUT', 'The gas adjustment must be at least 1');
  }
  return mulCeil(gasUsed, factor) + GAS_FLOOR_MARGIN;
}

/**
 * Each tier's headroom over a fee market's current minimum price: the minimum may rise in the blocks between the
 * estimate and inclusion (x/feemarket and Osmosis' EIP-1559 move it a few percent a block).
 */
export const FEE_MARKET_TIER_FACTORS: Readonly<Record<FeeTierName, ExactDecimal>> = {
  slow: { units: 11n, scale: 1 },
  normal: { units: 12n, scale: 1 },
  fast: { units: 15n, scale: 1 },
};

/**
 * Fee tiers for a gas limit: slow = low, normal = average, fast = high gas price, each raised to the fixed minimum
 * when there is one. A missing low price falls back to the minimum, then to average; missing average to low; missing
 * high to average. With a fee market's current minimum (`chainMinimum`, in the config's denom) each tier is at least
 * that minimum times its FEE_MARKET_TIER_FACTORS. Amounts are ceil(gas * price) in integer base units, exactly.
 * @throws StrataError UNKNOWN_ASSET when the config has no gas price at all
 */
export function feeTiers(gas: bigint, config: GasPriceConfig, chainMinimum?: ExactDecimal): FeeTiers {
  const prices = tierPrices(config);
  if (chainMinimum !== undefined) {
    for (const name of ['slow', 'normal', 'fast'] as const) prices[name] = maxDecimal(prices[name], mulDecimals(chainMinimum, FEE_MARKET_TIER_FACTORS[name]));
  }
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
