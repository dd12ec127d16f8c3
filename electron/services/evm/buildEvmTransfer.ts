import { Transaction } from 'ethers';
import { encodeTransfer } from './erc20Abi';
import type { EvmFeeTier } from './evmFeeTiers';
import type { EvmAsset } from './parseEvmAsset';

export interface EvmTransferFields {
  chainId: bigint;
  nonce: bigint;
  /** the recipient (EIP-55) */
  to: string;
  asset: EvmAsset;
  amount: bigint;
  gasLimit: bigint;
  fee: EvmFeeTier;
}

/**
 * The unsigned EIP-1559 (type 2) transaction of a transfer: value to the recipient for the native coin, or
 * `transfer(to, amount)` on the token contract with no value. The chain id is part of what gets signed (EIP-155 via
 * the type-2 envelope), so the signature is valid on this chain only.
 */
export function buildEvmTransfer(fields: EvmTransferFields): Transaction {
  const native = fields.asset.kind === 'native';
  return Transaction.from({
    type: 2,
    chainId: fields.chainId,
    nonce: Number(fields.nonce),
    to: fields.asset.kind === 'native' ? fields.to : fields.asset.address,
    value: native ? fields.amount : 0n,
    data: native ? '0x' : encodeTransfer(fields.to, fields.amount),
    gasLimit: fields.gasLimit,
    maxFeePerGas: fields.fee.maxFeePerGas,
    maxPriorityFeePerGas: fields.fee.maxPriorityFeePerGas,
    accessList: [],
  });
}
