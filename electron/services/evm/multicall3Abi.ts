import { decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';

/**
 * Multicall3's canonical address: the same on nearly every public EVM chain (deployed with a presigned transaction),
 * and where the Strata devnet places its own.
 */
export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** The Multicall3 functions balances are read with (from Multicall3's published ABI). */
export const MULTICALL3_ABI = [
  {
    type: 'function',
    name: 'aggregate3',
    stateMutability: 'payable',
    inputs: [
      {
        name: 'calls',
        type: 'tuple[]',
        components: [
          { name: 'target', type: 'address' },
          { name: 'allowFailure', type: 'bool' },
          { name: 'callData', type: 'bytes' },
        ],
      },
    ],
    outputs: [
      {
        name: 'returnData',
        type: 'tuple[]',
        components: [
          { name: 'success', type: 'bool' },
          { name: 'returnData', type: 'bytes' },
        ],
      },
    ],
  },
  { type: 'function', name: 'getEthBalance', stateMutability: 'view', inputs: [{ name: 'addr', type: 'address' }], outputs: [{ name: 'balance', type: 'uint256' }] },
] as const;

/** One sub-call of `aggregate3`. */
export interface Multicall3Call {
  target: string;
  allowFailure: boolean;
  callData: string;
}

export function encodeAggregate3(calls: readonly Multicall3Call[]): Hex {
  return encodeFunctionData({ abi: MULTICALL3_ABI, functionName: 'aggregate3', args: [calls.map((c) => ({ target: c.target as Hex, allowFailure: c.allowFailure, callData: c.callData as Hex }))] });
}

/** @throws (viem's decoding error) for data that is not an aggregate3 answer */
export function decodeAggregate3(data: string): Array<{ success: boolean; returnData: string }> {
  return [...decodeFunctionResult({ abi: MULTICALL3_ABI, functionName: 'aggregate3', data: data as Hex })];
}

export function encodeGetEthBalance(owner: string): Hex {
  return encodeFunctionData({ abi: MULTICALL3_ABI, functionName: 'getEthBalance', args: [owner as Hex] });
}
