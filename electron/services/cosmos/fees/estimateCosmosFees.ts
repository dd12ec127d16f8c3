import type { EncodeObject } from '@cosmjs/proto-signing';
import { addressFromPublicKey } from '../../../../shared/addresses/addressFromPublicKey';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { assertCompressedPubkey } from '../keyScheme';
import { getCosmosAccount } from '../queries/getCosmosAccount';
import { gasPricesFor } from '../registry/gasPrices';
import type { CosmosRpc } from '../rpc/createCosmosRpc';
import { adjustGas, DEFAULT_GAS_ADJUSTMENT, feeTiers, type FeeTiers, type GasPriceConfig } from './feeTiers';
import { queryChainGasPrice, type ChainGasPrice } from './queryChainGasPrice';
import { simulateCosmosTx } from './simulateCosmosTx';

export interface CosmosFeeEstimate {
  /** gas the simulation used */
  gasUsed: bigint;
  /** the gas limit to sign: ceil(gasUsed * gasAdjustment) + GAS_FLOOR_MARGIN */
  gas: bigint;
  tiers: FeeTiers;
  /** the chain's current minimum gas price from its fee market; null when it runs none (registry prices only) */
  chainMinimum: ChainGasPrice | null;
}

export interface EstimateCosmosFeesOptions {
  memo?: string;
  /** decimal, default "1.3" */
  gasAdjustment?: string;
  /** gas prices for a chain outside the bundled registry (a devnet); default: chain-registry's first fee token */
  gasPrices?: GasPriceConfig;
  /** the signer's sequence when the caller already read it; otherwise it is queried */
  sequence?: bigint;
}

/**
 * Simulates the messages as the chain will execute them (the signer's key, its sequence, a non-zero fee in the fee
 * denom), adjusts the gas, and prices it in three tiers from the gas prices (slow = low, normal = average, fast =
 * high; the fixed minimum as a floor), each at least the fee market's current minimum where the chain runs one.
 * @throws StrataError UNKNOWN_CHAIN (no gas prices), INSUFFICIENT_FUNDS / TX_FAILED (simulation failed),
 *   RPC_UNAVAILABLE, CHAIN_ID_MISMATCH, INVALID_INPUT
 */
export async function estimateCosmosFees(
  client: CosmosRpc,
  chain: ChainInfo,
  msgs: readonly EncodeObject[],
  signerPubkey: Uint8Array,
  options: EstimateCosmosFeesOptions = {},
): Promise<CosmosFeeEstimate> {
  assertCompressedPubkey(signerPubkey);
  const prices = options.gasPrices ?? gasPricesFor(chain);
  const sequence =
    options.sequence ?? (await getCosmosAccount(client, chain, addressFromPublicKey(signerPubkey, chain)))?.sequence ?? 0n;
  const chainMinimum = await queryChainGasPrice(client, chain, prices.denom);
  // A chain that charges nothing executes an empty fee; every other one deducts a fee, so the simulation carries one.
  const free = feeTiers(1n, prices, chainMinimum?.price).fast.amount === 0n;
  const gasUsed = await simulateCosmosTx(client, chain, msgs, signerPubkey, { memo: options.memo, sequence, feeDenom: free ? null : prices.denom });
  const gas = adjustGas(gasUsed, options.gasAdjustment ?? DEFAULT_GAS_ADJUSTMENT);
  return { gasUsed, gas, tiers: feeTiers(gas, prices, chainMinimum?.price), chainMinimum };
}
