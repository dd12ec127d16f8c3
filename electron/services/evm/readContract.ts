import { decodeFunctionResult, encodeFunctionData, type Abi, type ContractFunctionArgs, type ContractFunctionName, type ContractFunctionReturnType } from 'viem';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import type { Address, Hex } from './evmCall';

/** eth_call of a view function at the latest block, decoded with viem against a typed ABI. */
export async function readContract<const abi extends Abi, name extends ContractFunctionName<abi, 'view' | 'pure'>>(
  rpc: JsonRpcCall,
  address: Address,
  abi: abi,
  functionName: name,
  args: ContractFunctionArgs<abi, 'view' | 'pure', name>,
): Promise<ContractFunctionReturnType<abi, 'view' | 'pure', name>> {
  const data = encodeFunctionData({ abi, functionName, args } as never);
  const result = await rpc<Hex>('eth_call', [{ to: address, data }, 'latest']);
  return decodeFunctionResult({ abi, functionName, data: result } as never) as ContractFunctionReturnType<abi, 'view' | 'pure', name>;
}
