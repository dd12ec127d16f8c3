import { getAddress, zeroAddress } from 'viem';
import { StrataError } from '../../../../shared/errors';
import type { JsonRpcCall } from '../../rpc/httpJsonRpc';
import { readContract } from '../../evm/readContract';
import { UNISWAP_V2_FACTORY_ABI, UNISWAP_V2_PAIR_ABI } from './uniswapV2Abi';
import type { Address } from './uniswapV2Types';

/** A pair's reserves in the direction of a trade (base units of tokenIn and tokenOut). */
export interface PairReserves {
  pair: Address;
  reserveIn: bigint;
  reserveOut: bigint;
}

/**
 * The pair of tokenIn/tokenOut from the factory, and its reserves ordered as in/out (the pair stores them by
 * token0 = the lower address).
 * @throws StrataError PRICE_UNAVAILABLE when the factory has no such pair; RPC errors as the transport throws them
 */
export async function readPairReserves(rpc: JsonRpcCall, factory: Address, tokenIn: Address, tokenOut: Address): Promise<PairReserves> {
  const pair = await readContract(rpc, factory, UNISWAP_V2_FACTORY_ABI, 'getPair', [tokenIn, tokenOut]);
  if (pair === zeroAddress) throw new StrataError('PRICE_UNAVAILABLE', 'There is no Uniswap V2 pool for this pair of tokens');
  const [[reserve0, reserve1], token0] = await Promise.all([
    readContract(rpc, pair, UNISWAP_V2_PAIR_ABI, 'getReserves', []),
    readContract(rpc, pair, UNISWAP_V2_PAIR_ABI, 'token0', []),
  ]);
  const inIsToken0 = getAddress(token0) === getAddress(tokenIn);
  return { pair: getAddress(pair), reserveIn: inIsToken0 ? reserve0 : reserve1, reserveOut: inIsToken0 ? reserve1 : reserve0 };
}
