import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import type { CosmosSigner } from './cosmosSigner';
import { assertFeeCoversMinimum } from './fees/assertFeeCoversMinimum';
import { estimateCosmosFees } from './fees/estimateCosmosFees';
import type { FeeTier, FeeTierName, GasPriceConfig } from './fees/feeTiers';
import { getCosmosAccount } from './queries/getCosmosAccount';
import { getCosmosBalances } from './queries/getCosmosBalances';
import type { CosmosRpc } from './rpc/createCosmosRpc';
import { assertSufficientFunds } from './tx/assertSufficientFunds';
import { broadcastAndWait, type BroadcastOptions, type CosmosTxResult } from './tx/broadcastAndWait';
import { buildMsgSend } from './tx/buildMsgSend';
import { signCosmosTx, type CosmosSignMode } from './tx/signCosmosTx';

export interface SendCosmosTokensParams {
  to: string;
  /** decimal in the asset's display unit (`"1.5"`), or integer base units */
  amount: string | bigint;
  /** base denom; the native asset when omitted */
  denom?: string;
  /** default `normal` */
  tier?: FeeTierName;
  memo?: string;
  signMode?: CosmosSignMode;
  gasAdjustment?: string;
  /** for chains outside the bundled registry */
  gasPrices?: GasPriceConfig;
  broadcast?: BroadcastOptions;
}

export interface SendCosmosTokensResult extends CosmosTxResult {
  from: string;
  gas: bigint;
  fee: FeeTier;
}

/**
 * The whole send flow: MsgSend from the signer's address, balances, simulated fee, funds check (amount + fee),
 * account number and sequence, signature through the injected signer, broadcast and confirmation. Nothing is signed
 * when any check fails.
 * @throws StrataError INVALID_ADDRESS, INVALID_AMOUNT, UNKNOWN_ASSET, INSUFFICIENT_FUNDS, FEE_TOO_LOW, TX_FAILED, RPC_UNAVAILABLE,
 *   CHAIN_ID_MISMATCH, and the signer's errors (VAULT_LOCKED, ...)
 */
export async function sendCosmosTokens(
  client: CosmosRpc,
  chain: ChainInfo,
  signer: CosmosSigner,
  params: SendCosmosTokensParams,
): Promise<SendCosmosTokensResult> {
  const from = addressFromPublicKey(signer.pubkey, chain);
  const msg = buildMsgSend(chain, { from, to: params.to, amount: params.amount, denom: params.denom });
  const sent = { denom: msg.value.amount?.[0]?.denom ?? '', amount: BigInt(msg.value.amount?.[0]?.amount ?? '0') };
  const balances = await getCosmosBalances(client, chain, from);
  // Before simulating: a send the balance cannot cover fails simulation with a less helpful message.
  assertSufficientFunds(balances, [sent]);
  const account = await getCosmosAccount(client, chain, from);
  if (account === null) throw new StrataError('INSUFFICIENT_FUNDS', 'This account has never received funds on this chain');
  const estimate = await estimateCosmosFees(client, chain, [msg], signer.pubkey, {
    memo: params.memo,
    gasAdjustment: params.gasAdjustment,
    gasPrices: params.gasPrices,
    sequence: account.sequence,
  });
  const fee = estimate.tiers[params.tier ?? 'normal'];
  assertSufficientFunds(balances, [sent], fee);
  assertFeeCoversMinimum(fee, estimate.gas, estimate.chainMinimum);
  const signed = await signCosmosTx(signer, {
    chain,
    msgs: [msg],
    // A zero coin is not a valid fee coin: a free devnet takes an empty fee.
    fee: { amount: fee.amount === 0n ? [] : [{ denom: fee.denom, amount: fee.amount }], gas: estimate.gas },
    memo: params.memo,
    accountNumber: account.accountNumber,
    sequence: account.sequence,
    signMode: params.signMode,
  });
  const result = await broadcastAndWait(client, signed.txBytes, params.broadcast);
  return { ...result, from, gas: estimate.gas, fee };
}
