import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { RpcResponseError } from '../rpc/rpcErrors';
import type { BalanceRead } from './balanceRead';
import { encodeBalanceOf } from './erc20Abi';
import { decodeBalance } from './decodeBalance';
import type { EvmAsset } from './parseEvmAsset';
import { hexData, quantity } from './rpcValues';

/** Requests in flight at once: enough to hide latency, few enough not to trip a public endpoint's rate limit. */
const CONCURRENCY = 8;

/**
 * Balances read pair by pair (`eth_getBalance`, `eth_call balanceOf`): for chains without Multicall3. One round trip
 * per address × asset, at most CONCURRENCY at a time. A JSON-RPC error answer marks that cell only.
 * @throws RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export async function getEvmBalancesOneByOne(
  call: JsonRpcCall,
  owners: readonly string[],
  assets: readonly EvmAsset[],
  options: { blockTag?: string } = {},
): Promise<BalanceRead[][]> {
  const blockTag = options.blockTag ?? 'latest';
  const pairs = owners.flatMap((owner) => assets.map((asset) => ({ owner, asset })));
  const reads: BalanceRead[] = new Array(pairs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pairs.length) {
      const index = next++;
      const { owner, asset } = pairs[index] as (typeof pairs)[number];
      reads[index] = await readOne(call, owner, asset, blockTag);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pairs.length) }, worker));
  return owners.map((_, row) => reads.slice(row * assets.length, (row + 1) * assets.length));
}

async function readOne(call: JsonRpcCall, owner: string, asset: EvmAsset, blockTag: string): Promise<BalanceRead> {
  try {
    if (asset.kind === 'native') return { ok: true, amount: quantity(await call('eth_getBalance', [owner, blockTag]), 'balance') };
    const data = encodeBalanceOf(owner);
    return decodeBalance(true, hexData(await call('eth_call', [{ to: asset.address, data }, blockTag]), 'balanceOf result'));
  } catch (error) {
    if (error instanceof RpcResponseError) return decodeBalance(false, '0x');
    throw error;
  }
}
