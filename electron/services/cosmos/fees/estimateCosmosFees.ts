import type { EncodeObject } from '@cosmjs/proto-signing';
import { addressFromPublicKey } from '../../../../shared/addresses/addressFromPublicKey';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { assertCompressedPubkey } from '../keyScheme';
import { getCosmosAccount } from '../queries/getCosmosAccount';
import { gasPricesFor } from '../registry/gasPrices';
import type { CosmosRpc } from '../rpc/createCosmosRpc';
import { adjustGas, DEFAULT_GAS_ADJUSTMENT, feeTiers, type FeeTiers, type GasPriceConfig } from './feeTiers';
import { simulateCosmosTx } from './simulateCosmosTx';

export interface CosmosFeeEstimate {
  /** gas the simulation used */
  gasUsed: bigint;
  /** the gas limit to sign: ceil(gasUsed * gasAdjustment) */
  gas: bigint;
  tiers: FeeTiers;
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
 * Simulates the messages and prices the adjusted gas in three tiers from the chain's gas prices (slow = low,
 * normal = average, fast = high; the fixed minimum gas price as a floor).
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
  const gasUsed = await simulateCosmosTx(client, chain, msgs, signerPubkey, { memo: options.memo, sequence });
  const gas = adjustGas(gasUsed, options.gasAdjustment ?? DEFAULT_GAS_ADJUSTMENT);
  return { gasUsed, gas, tiers: feeTiers(gas, prices) };
}
