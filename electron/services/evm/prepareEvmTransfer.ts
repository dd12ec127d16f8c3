import { parseEvmAddress } from '../../../shared/addresses/evmAddress';
import type { AssetInfo } from '../../../shared/domain/asset';
import { StrataError } from '../../../shared/errors';
import type { ChainEndpoint, PreparedTransfer, TransferRequest } from '../chains/chainAdapter';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { assertEvmFunds } from './assertEvmFunds';
import type { BalanceRead } from './balanceRead';
import { encodeTransfer } from './erc20Abi';
import { estimateEvmFees } from './estimateEvmFees';
import { estimateEvmGas } from './estimateEvmGas';
import { evmChainId } from './evmChainId';
import type { EvmUnsigned } from './evmUnsigned';
import { getEvmBalances, type GetEvmBalancesOptions } from './getEvmBalances';
import { nativeAssetOf } from './nativeAssetOf';
import type { NonceManager } from './nonceManager';
import { parseEvmAsset } from './parseEvmAsset';
import { quantity } from './rpcValues';

const MAX_UINT256 = (1n << 256n) - 1n;

export interface PrepareContext {
  call: JsonRpcCall;
  nonces: NonceManager;
  balances?: GetEvmBalancesOptions;
}

/**
 * Validates a transfer and prices it, signing nothing: addresses (EIP-55: a wrong mixed-case checksum is
 * INVALID_ADDRESS, all-lowercase is accepted), the asset belongs to the chain, amount > 0, balances (one Multicall3
 * eth_call for the native and the token balance), fee tiers, gas, and funds INCLUDING the chosen tier's maximum fee.
 * `nonce` is the nonce the send would take now; the send reserves it for real.
 * @throws INVALID_ADDRESS, INVALID_AMOUNT, UNKNOWN_ASSET, INSUFFICIENT_FUNDS, TX_FAILED (would revert), RPC_UNAVAILABLE,
 *   CHAIN_ID_MISMATCH, UNKNOWN_CHAIN
 */
export async function prepareEvmTransfer(context: PrepareContext, target: ChainEndpoint, request: TransferRequest): Promise<PreparedTransfer> {
  const chainId = evmChainId(target.chain);
  const asset = parseEvmAsset(request.asset, target.chain.id);
  const from = parseEvmAddress(request.from);
  const to = parseEvmAddress(request.to);
  if (request.amount <= 0n) throw new StrataError('INVALID_AMOUNT', 'The amount must be greater than zero');
  if (request.amount > MAX_UINT256) throw new StrataError('INVALID_AMOUNT', 'The amount is too large');
  const native = nativeAssetOf(target.chain);
  const { call } = context;

  const read = asset.kind === 'native' ? [native] : [native, request.asset];
  const [balances, fees, nonce] = await Promise.all([
    getEvmBalances(call, [from], read, context.balances),
    estimateEvmFees(call),
    context.nonces.peek(target.chain.id, from, async () => quantity(await call('eth_getTransactionCount', [from, 'pending']), 'nonce')),
  ]);
  const row = balances[0] ?? [];
  const nativeBalance = amountOf(row[0], native);
  const balance = asset.kind === 'native' ? nativeBalance : amountOf(row[1], request.asset);
  // Before estimating: an estimate of a transfer the account cannot cover fails with a less helpful message.
  assertEvmFunds({ asset: request.asset, feeAsset: native, native: asset.kind === 'native', amount: request.amount, fee: 0n, balance, nativeBalance });

  const gasLimit = await estimateEvmGas(
    call,
    asset.kind === 'native'
      ? { from, to, value: request.amount }
      : { from, to: asset.address, value: 0n, data: encodeTransfer(to, request.amount) },
  );
  const maxFees = {
    slow: gasLimit * fees.tiers.slow.maxFeePerGas,
    normal: gasLimit * fees.tiers.normal.maxFeePerGas,
    fast: gasLimit * fees.tiers.fast.maxFeePerGas,
  };
  assertEvmFunds({ asset: request.asset, feeAsset: native, native: asset.kind === 'native', amount: request.amount, fee: maxFees[request.tier], balance, nativeBalance });

  const unsigned: EvmUnsigned = { family: 'evm', chainId, asset, gasLimit, tiers: fees.tiers };
  return {
    chain: target.chain,
    from,
    to,
    asset: request.asset,
    amount: request.amount,
    tier: request.tier,
    fees: maxFees,
    feeAsset: native,
    nonce,
    unsigned,
  };
}

/** A balance the transfer depends on; a read that failed means the asset is not usable on this chain. */
export function amountOf(read: BalanceRead | undefined, asset: Pick<AssetInfo, 'symbol'>): bigint {
  if (read === undefined) throw new StrataError('INTERNAL', 'A balance read is missing');
  if (!read.ok) throw new StrataError('UNKNOWN_ASSET', `Cannot read the ${asset.symbol.slice(0, 16)} balance: ${read.error}`);
  return read.amount;
}
