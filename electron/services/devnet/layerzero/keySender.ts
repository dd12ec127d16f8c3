import { toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { StrataError } from '../../../../shared/errors';
import type { Address, Hex } from '../deploy/deployStep';
import type { RpcRequest } from '../jsonRpc';

export interface KeySenderReceipt {
  transactionHash: Hex;
  blockNumber: bigint;
  gasUsed: bigint;
}

/** Sends transactions signed locally by one devnet key; used where the deploy context's deployer is not the signer. */
export interface KeySender {
  address: Address;
  /** Estimates (unless `gas` is given), signs, sends and waits for the receipt. A revert (in the estimate or mined) is TX_FAILED. */
  send(tx: { to?: Address; data: Hex; value?: bigint; gas?: bigint }): Promise<KeySenderReceipt>;
}

const TIP_WEI = 1_000_000_000n;
const RECEIPT_TIMEOUT_MS = 60_000;

/** A KeySender for `privateKey` on one chain. Devnet keys only: they are public test keys. */
export function createKeySender(request: RpcRequest, chainId: number, privateKey: Hex): KeySender {
  const account = privateKeyToAccount(privateKey);
  const send: KeySender['send'] = async (tx) => {
    const value = tx.value ?? 0n;
    const call = { from: account.address, to: tx.to, data: tx.data, value: toHex(value) };
    const [nonce, gas, block] = await Promise.all([
      request<Hex>('eth_getTransactionCount', [account.address, 'pending']),
      // A fixed gas limit skips the estimate (Axelar's execute: its estimate is the gas at which a command fails).
      tx.gas === undefined ? request<Hex>('eth_estimateGas', [call]) : Promise.resolve(toHex(tx.gas)),
      request<{ baseFeePerGas: Hex }>('eth_getBlockByNumber', ['latest', false]),
    ]);
    const signed = await account.signTransaction({
      type: 'eip1559',
      chainId,
      nonce: Number(BigInt(nonce)),
      to: tx.to ?? null,
      data: tx.data,
      value,
      // The margin covers the 63/64 rule of nested calls (lzReceive calls the OApp), which estimates can miss.
      gas: tx.gas ?? (BigInt(gas) * 13n) / 10n,
      maxPriorityFeePerGas: TIP_WEI,
      maxFeePerGas: BigInt(block.baseFeePerGas) * 2n + TIP_WEI,
    });
    const hash = await request<Hex>('eth_sendRawTransaction', [signed]);
    const deadline = Date.now() + RECEIPT_TIMEOUT_MS;
    for (;;) {
      const receipt = await request<{ transactionHash: Hex; blockNumber: Hex; gasUsed: Hex; status: Hex } | null>('eth_getTransactionReceipt', [hash]);
      if (receipt) {
        if (receipt.status !== '0x1') throw new StrataError('TX_FAILED', `Devnet transaction ${hash} reverted`);
        return { transactionHash: receipt.transactionHash, blockNumber: BigInt(receipt.blockNumber), gasUsed: BigInt(receipt.gasUsed) };
      }
      // Only reached with interval mining; automine answers with the receipt right away.
      if (Date.now() > deadline) throw new StrataError('RPC_UNAVAILABLE', `Transaction ${hash} was not mined in time`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { address: account.address, send };
}
