import type { MsgSendEncodeObject } from '@cosmjs/stargate';
import { parseBech32Address } from '../../../../shared/addresses/bech32Address';
import { parseAmount } from '../../../../shared/amounts';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { cosmosPrefix } from '../cosmosChainId';
import { assetIndexFor, denomKey, displayDecimals } from '../registry/assetIndex';

export interface MsgSendParams {
  /** sender: the signer's address on this chain */
  from: string;
  to: string;
  /** a decimal typed by the user (`"1.5"`, read with the asset's decimals), or integer base units */
  amount: string | bigint;
  /** base denom; the chain's native asset when omitted */
  denom?: string;
}

/** The Cosmos SDK's denom rule (3 to 128 characters, a letter first). */
const DENOM = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;

/**
 * A bank MsgSend of one coin. Both addresses must carry the chain's bech32 prefix; a decimal amount is read with the
 * asset's display decimals (chain-registry, or the chain's native asset).
 * @throws StrataError INVALID_ADDRESS (bad address or another chain's prefix), INVALID_AMOUNT, INVALID_INPUT (denom),
 *   UNKNOWN_ASSET (a decimal amount of a denom whose decimals are unknown: give base units)
 */
export function buildMsgSend(chain: ChainInfo, params: MsgSendParams): MsgSendEncodeObject {
  const prefix = cosmosPrefix(chain);
  const from = parseBech32Address(params.from, prefix).address;
  const to = parseBech32Address(params.to, prefix).address;
  const denom = denomKey(params.denom ?? chain.nativeAsset.denom);
  if (!DENOM.test(denom)) throw new StrataError('INVALID_INPUT', 'Not a valid denom');
  const amount = checkUnits(typeof params.amount === 'bigint' ? params.amount : parseAmount(params.amount, decimalsOf(chain, denom)));
  return {
    typeUrl: '/cosmos.bank.v1beta1.MsgSend',
    value: { fromAddress: from, toAddress: to, amount: [{ denom, amount: amount.toString() }] },
  };
}

function checkUnits(units: bigint): bigint {
  if (units <= 0n) throw new StrataError('INVALID_AMOUNT', 'The amount must be greater than zero');
  if (units >= 2n ** 256n) throw new StrataError('INVALID_AMOUNT', 'The amount is too large');
  return units;
}

function decimalsOf(chain: ChainInfo, denom: string): number {
  const asset = assetIndexFor(chain)?.assets.get(denom);
  if (asset !== undefined) return displayDecimals(asset);
  if (denom === chain.nativeAsset.denom) return chain.nativeAsset.decimals;
  throw new StrataError('UNKNOWN_ASSET', 'The decimals of this denom are unknown: give the amount in base units');
}
