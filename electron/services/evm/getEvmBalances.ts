import { parseEvmAddress } from '../../../shared/addresses/evmAddress';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import type { BalanceRead } from './balanceRead';
import { decodeBalance } from './decodeBalance';
import { encodeBalanceOf } from './erc20Abi';
import { getEvmBalancesOneByOne } from './getEvmBalancesOneByOne';
import { decodeAggregate3, encodeAggregate3, encodeGetEthBalance, MULTICALL3_ADDRESS } from './multicall3Abi';
import { parseEvmAsset, type EvmAsset } from './parseEvmAsset';
import { hexData, quantity, toRpcQuantity } from './rpcValues';

export interface GetEvmBalancesOptions {
  /** Multicall3's address on this chain; default the canonical 0xcA11…CA11. */
  multicall?: string;
  /**
   * Largest number of sub-calls in one `aggregate3` (default 500, about 36 KB of calldata and well under nodes'
   * eth_call gas caps). More pairs are split into several eth_calls, sent together and pinned to one block number.
   */
  maxCallsPerBatch?: number;
  /** Read one pair at a time when the chain has no Multicall3 (default true). */
  fallback?: boolean;
}

export const DEFAULT_MAX_CALLS_PER_BATCH = 500;

interface SubCall {
  target: string;
  allowFailure: true;
  callData: string;
}

/**
 * Native and ERC-20 balances of every address × asset through Multicall3: ONE `eth_call` to `aggregate3` when there are
 * at most `maxCallsPerBatch` pairs (native balances via Multicall3's `getEthBalance`, tokens via `balanceOf`). Every
 * sub-call may fail on its own (allowFailure): a token contract that reverts or is missing gives that cell an error.
 * A chain without Multicall3 (its eth_call answers `0x`) is read pair by pair instead.
 * @returns reads indexed [address][asset]
 * @throws INVALID_ADDRESS, UNKNOWN_ASSET, RPC_UNAVAILABLE, CHAIN_ID_MISMATCH
 */
export async function getEvmBalances(
  call: JsonRpcCall,
  addresses: readonly string[],
  assets: readonly Pick<AssetInfo, 'ref' | 'chain' | 'symbol'>[],
  options: GetEvmBalancesOptions = {},
): Promise<BalanceRead[][]> {
  const owners = addresses.map(parseEvmAddress);
  const parsed = assets.map((asset) => parseEvmAsset(asset));
  if (owners.length === 0 || parsed.length === 0) return owners.map(() => []);
  const multicall = parseEvmAddress(options.multicall ?? MULTICALL3_ADDRESS);
  const perBatch = Math.max(1, Math.floor(options.maxCallsPerBatch ?? DEFAULT_MAX_CALLS_PER_BATCH));

  const calls: SubCall[] = owners.flatMap((owner) => parsed.map((asset) => subCall(multicall, owner, asset)));
  const batches: SubCall[][] = [];
  for (let i = 0; i < calls.length; i += perBatch) batches.push(calls.slice(i, i + perBatch));
  // Several batches must describe the same state: pin them to one block (one extra round trip, only then).
  const blockTag = batches.length > 1 ? toRpcQuantity(quantity(await call('eth_blockNumber'), 'block number')) : 'latest';

  const answers = await Promise.all(
    batches.map(async (batch) => {
      const data = encodeAggregate3(batch);
      return hexData(await call('eth_call', [{ to: multicall, data }, blockTag]), 'aggregate3 result');
    }),
  );
  if (answers.some((answer) => answer === '0x')) {
    // A call to an address without code "succeeds" with no data: this chain has no Multicall3 there.
    if (options.fallback === false) return owners.map(() => parsed.map(() => ({ ok: false, error: 'Multicall3 is not deployed on this chain' })));
    return getEvmBalancesOneByOne(call, owners, parsed, { blockTag });
  }

  const reads = answers.flatMap((answer, i) => decodeBatch(answer, (batches[i] as SubCall[]).length));
  return owners.map((_, row) => reads.slice(row * parsed.length, (row + 1) * parsed.length));
}

function subCall(multicall: string, owner: string, asset: EvmAsset): SubCall {
  if (asset.kind === 'native') {
    return { target: multicall, allowFailure: true, callData: encodeGetEthBalance(owner) };
  }
  return { target: asset.address, allowFailure: true, callData: encodeBalanceOf(owner) };
}

function decodeBatch(answer: string, expected: number): BalanceRead[] {
  let results: Array<{ success: boolean; returnData: string }>;
  try {
    results = decodeAggregate3(answer);
  } catch {
    results = [];
  }
  if (results.length !== expected) {
    return Array.from({ length: expected }, () => ({ ok: false, error: 'Multicall3 gave an unreadable answer' }));
  }
  return results.map(({ success, returnData }) => decodeBalance(success, returnData));
}
