import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import { DecCoin } from 'cosmjs-types/cosmos/base/v1beta1/coin';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { registryEntryFor } from '../registry/registryEntry';
import { abciQuery, CosmosQueryError } from '../rpc/abciQuery';
import type { CosmosNode, CosmosRpc } from '../rpc/createCosmosRpc';
import { decimalFromAtomics, type ExactDecimal } from './decimal';
import { FEE_MARKETS, FEEMARKET_GAS_PRICE_PATH, OSMOSIS_EIP_BASE_FEE_PATH, type FeeMarketKind } from './feeMarkets';

/** LegacyDec's fixed precision: its protobuf text is the value times 10^18. */
const LEGACY_DEC_SCALE = 18;

export interface ChainGasPrice {
  /** the minimum gas price the chain accepts now, in base units of `denom` per gas unit */
  price: ExactDecimal;
  denom: string;
  source: FeeMarketKind;
}

/**
 * The chain's current minimum gas price in `denom`, read over ABCI from its fee market (feeMarkets.ts), or null when
 * the chain runs none, does not price that denom, or its node does not know the query (an older release): the caller
 * then falls back to chain-registry's prices.
 * @throws StrataError RPC_UNAVAILABLE, CHAIN_ID_MISMATCH from the client
 */
export async function queryChainGasPrice(client: CosmosRpc, chain: ChainInfo, denom: string): Promise<ChainGasPrice | null> {
  const chainName = registryEntryFor(chain)?.chain.chainName;
  const kind = chainName === undefined ? undefined : FEE_MARKETS[chainName];
  if (kind === undefined) return null;
  try {
    const price = await client.withNode((node) => (kind === 'feemarket' ? feemarketGasPrice(node, denom) : osmosisBaseFee(node, denom)));
    return price === null ? null : { price, denom, source: kind };
  } catch (error) {
    // Unknown path (module absent on this release) or a denom the market does not price: the registry decides.
    if (error instanceof CosmosQueryError) return null;
    throw error;
  }
}

/** GasPriceRequest { string denom = 1; } -> GasPriceResponse { cosmos.base.v1beta1.DecCoin price = 1; } */
async function feemarketGasPrice(node: CosmosNode, denom: string): Promise<ExactDecimal | null> {
  const request = new BinaryWriter().uint32(10).string(denom).finish();
  const reader = new BinaryReader(await abciQuery(node, FEEMARKET_GAS_PRICE_PATH, request));
  let price: DecCoin | undefined;
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag === 10) price = DecCoin.decode(reader, reader.uint32());
    else reader.skipType(tag & 7);
  }
  if (price === undefined || price.denom !== denom || price.amount === '') return null;
  return decimalFromAtomics(price.amount, LEGACY_DEC_SCALE);
}

/** QueryEipBaseFeeRequest {} -> QueryEipBaseFeeResponse { string base_fee = 1 (LegacyDec); }, in uosmo only. */
async function osmosisBaseFee(node: CosmosNode, denom: string): Promise<ExactDecimal | null> {
  if (denom !== 'uosmo') return null;
  const reader = new BinaryReader(await abciQuery(node, OSMOSIS_EIP_BASE_FEE_PATH, new Uint8Array()));
  let baseFee = '';
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag === 10) baseFee = reader.string();
    else reader.skipType(tag & 7);
  }
  return baseFee === '' ? null : decimalFromAtomics(baseFee, LEGACY_DEC_SCALE);
}
