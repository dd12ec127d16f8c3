import { encodeAbiParameters, keccak256, parseAbiParameters, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Hex } from '../deploy/deployStep';

/** One command of a gateway batch: `deployToken`, `mintToken`, ... with its ABI-encoded params. */
export interface GatewayCommand {
  commandId: Hex;
  command: 'deployToken' | 'mintToken';
  params: Hex;
}

/**
 * The id of the command that delivers a `TokenSent` log, derived like axelar-local-dev's `getEVMLogID`:
 * keccak256 of "<source chain name>:<source tx hash>:<log index>". Deterministic, so any relayer (or the adapter's
 * tracking) finds the same id, and the gateway's isCommandExecuted(id) says whether it was delivered.
 */
export function transferCommandId(sourceChainName: string, txHash: string, logIndex: number): Hex {
  return keccak256(toHex(`${sourceChainName}:${txHash.toLowerCase()}:${logIndex}`));
}

/** Params of `mintToken` (for an external token: an unlock, a transfer out of the gateway). */
export function mintTokenParams(symbol: string, account: Hex, amount: bigint): Hex {
  return encodeAbiParameters(parseAbiParameters('string, address, uint256'), [symbol, account, amount]);
}

/** Params of `deployToken` registering an existing ERC-20 as an external token (cap and mint limit 0: none). */
export function registerExternalTokenParams(token: { name: string; symbol: string; decimals: number; address: Hex }): Hex {
  return encodeAbiParameters(parseAbiParameters('string, string, uint8, uint256, address, uint256'), [token.name, token.symbol, token.decimals, 0n, token.address, 0n]);
}

/** The operator set AxelarAuthWeighted is created with: one operator, weight 1, threshold 1. */
export function singleOperatorSet(operator: Hex): Hex {
  return encodeAbiParameters(parseAbiParameters('address[], uint256[], uint256'), [[operator], [1n], 1n]);
}

/**
 * The input of AxelarGateway.execute for `commands` on `chainId`, signed by one operator the way AxelarAuthWeighted
 * verifies it: data = abi.encode(chainId, ids, names, params); the operator signs the EIP-191 message of
 * keccak256(data); proof = abi.encode([operator], [1], 1, [signature]); input = abi.encode(data, proof).
 */
export async function signedExecuteInput(chainId: number, commands: readonly GatewayCommand[], operatorPrivateKey: Hex): Promise<Hex> {
  const operator = privateKeyToAccount(operatorPrivateKey);
  const data = encodeAbiParameters(parseAbiParameters('uint256, bytes32[], string[], bytes[]'), [
    BigInt(chainId),
    commands.map((c) => c.commandId),
    commands.map((c) => c.command),
    commands.map((c) => c.params),
  ]);
  const signature = await operator.signMessage({ message: { raw: keccak256(data) } });
  const proof = encodeAbiParameters(parseAbiParameters('address[], uint256[], uint256, bytes[]'), [[operator.address], [1n], 1n, [signature]]);
  return encodeAbiParameters(parseAbiParameters('bytes, bytes'), [data, proof]);
}
