import { parseEvmAddress } from '../../../shared/addresses/evmAddress';
import type { ChainEndpoint, TransferRequest } from '../chains/chainAdapter';
import { estimateEvmFees } from './estimateEvmFees';
import { estimateEvmGas, NATIVE_TRANSFER_GAS } from './estimateEvmGas';
import { getEvmBalances } from './getEvmBalances';
import { nativeAssetOf } from './nativeAssetOf';
import { parseEvmAsset } from './parseEvmAsset';
import { amountOf, type PrepareContext } from './prepareEvmTransfer';

/**
 * The most `from` can send: a token's whole balance; for the native coin, the balance minus the maximum fee of the
 * tier (gas × maxFeePerGas; 21,000 gas unless `to` is a contract), floored at 0.
 * @throws INVALID_ADDRESS, UNKNOWN_ASSET, RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export async function maxEvmSendable(
  context: PrepareContext,
  target: ChainEndpoint,
  request: Omit<TransferRequest, 'amount' | 'to'> & { to?: string },
): Promise<bigint> {
  const asset = parseEvmAsset(request.asset, target.chain.id);
  const from = parseEvmAddress(request.from);
  const to = request.to === undefined ? undefined : parseEvmAddress(request.to);
  if (asset.kind === 'erc20') {
    const [row] = await getEvmBalances(context.call, [from], [request.asset], context.balances);
    return amountOf(row?.[0], request.asset);
  }
  const native = nativeAssetOf(target.chain);
  const [[read], fees, gas] = await Promise.all([
    getEvmBalances(context.call, [from], [native], context.balances).then((rows) => rows[0] ?? []),
    estimateEvmFees(context.call),
    to === undefined ? Promise.resolve(NATIVE_TRANSFER_GAS) : estimateEvmGas(context.call, { from, to, value: 0n }),
  ]);
  const max = amountOf(read, native) - gas * fees.tiers[request.tier].maxFeePerGas;
  return max > 0n ? max : 0n;
}
