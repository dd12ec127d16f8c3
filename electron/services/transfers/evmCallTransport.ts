import { Transaction } from 'ethers';
import { StrataError } from '../../../shared/errors';
import type { ChainEndpoint, DigestSigner } from '../chains/chainAdapter';
import { processChainClients, type ChainClients } from '../chains/chainClients';
import { estimateEvmFees } from '../evm/estimateEvmFees';
import { estimateEvmGas } from '../evm/estimateEvmGas';
import { evmChainId } from '../evm/evmChainId';
import { quantity } from '../evm/rpcValues';
import { sendEvmTransaction } from '../evm/sendEvmTransaction';
import { signEvmTransaction } from '../evm/signEvmTransaction';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { assertWithinReviewedFee, simulateBeforeSigning } from './checkBeforeSigning';
import type { EvmFeeTier } from '../evm/evmFeeTiers';
import type { CallReceipt, CallStatus, CallTransport, SignedCall, UnsignedCall } from './stepRunner';

interface RawReceipt {
  status?: unknown;
  blockNumber?: unknown;
  logs?: Array<{ address: string; topics: string[]; data: string }>;
}

/**
 * A CallTransport for one EVM chain and one vault account: type-2 transactions at the "normal" fee tier, signed
 * through the injected DigestSigner (keys stay in the vault), broadcast with eth_sendRawTransaction. The chain's RPC
 * client and the nonce come from `clients`, the ones sends use too: one nonce rule per account (max of the chain's
 * pending count and the next nonce handed out here), so a send and a route step from one account never collide.
 */
export function evmCallTransport(target: ChainEndpoint, signer: DigestSigner, clients: ChainClients = processChainClients): CallTransport {
  const call: JsonRpcCall = clients.evm(target).request;
  const { nonces } = clients;
  const pendingNonce = async (): Promise<bigint> => quantity(await call('eth_getTransactionCount', [signer.address, 'pending']), 'nonce');
  const chainId = evmChainId(target.chain);
  const signCall = async (stepCall: UnsignedCall, nonce: bigint, gasLimit: bigint, fee: EvmFeeTier): Promise<SignedCall> => {
    const unsigned = Transaction.from({
      type: 2,
      chainId,
      nonce: Number(nonce),
      to: stepCall.to,
      value: stepCall.value,
      data: stepCall.data,
      gasLimit,
      maxFeePerGas: fee.maxFeePerGas,
      maxPriorityFeePerGas: fee.maxPriorityFeePerGas,
      accessList: [],
    });
    const signed = await signEvmTransaction(unsigned, signer, signer.address);
    if (signed.hash === null) throw new StrataError('INTERNAL', 'A signed transaction has no hash');
    return { chain: target.chain.id, from: signer.address, nonce, hash: signed.hash, raw: signed.serialized };
  };
  /** The nonce of the last call signed here and not broadcast here: a step that signs again gives it back first. */
  let unbroadcast: bigint | null = null;
  return {
    chain: target.chain.id,
    from: signer.address,
    async sign(stepCall) {
      // The previous signature never reached a node (its journal write failed, say): its nonce must not leave a gap.
      if (unbroadcast !== null) nonces.release(target.chain.id, signer.address, unbroadcast);
      unbroadcast = null;
      // Estimated before the nonce is taken: a call that would revert takes no nonce.
      const gasLimit = stepCall.gasLimit ?? (await estimateEvmGas(call, { from: signer.address, to: stepCall.to, value: stepCall.value, data: stepCall.data }));
      const fee = (await estimateEvmFees(call)).tiers.normal;
      if (stepCall.reviewedGasFeeWei !== undefined) assertWithinReviewedFee({ gasLimit, maxFeePerGas: fee.maxFeePerGas }, stepCall.reviewedGasFeeWei);
      await simulateBeforeSigning(call, { from: signer.address, to: stepCall.to, value: stepCall.value, data: stepCall.data, gas: gasLimit }, stepCall.label);
      const nonce = await nonces.reserve(target.chain.id, signer.address, pendingNonce);
      try {
        const signed = await signCall(stepCall, nonce, gasLimit, fee);
        unbroadcast = nonce;
        return signed;
      } catch (error) {
        nonces.release(target.chain.id, signer.address, nonce);
        throw error;
      }
    },
    async broadcast(signed) {
      const tx = Transaction.from(signed.raw);
      if (tx.hash?.toLowerCase() !== signed.hash.toLowerCase()) throw new StrataError('INTERNAL', 'The journaled transaction does not match its hash');
      if (unbroadcast !== null && BigInt(tx.nonce) === unbroadcast) unbroadcast = null;
      try {
        await sendEvmTransaction(call, tx);
      } catch (error) {
        // Refused or unanswered: the next reservation trusts the chain's count (the journal may broadcast again).
        nonces.resync(target.chain.id, signer.address);
        throw error;
      }
    },
    async status(record): Promise<CallStatus> {
      const receipt = await call<RawReceipt | null>('eth_getTransactionReceipt', [record.hash]);
      if (receipt !== null && typeof receipt === 'object') return { kind: 'mined', receipt: parseReceipt(receipt) };
      const known = await call<unknown>('eth_getTransactionByHash', [record.hash]);
      if (known !== null && known !== undefined) return { kind: 'pending' };
      const mined = quantity(await call('eth_getTransactionCount', [record.from, 'latest']), 'transaction count');
      // Looked up once more: the transaction may have been mined between the two reads.
      if (mined > BigInt(record.nonce)) {
        const again = await call<RawReceipt | null>('eth_getTransactionReceipt', [record.hash]);
        return again !== null && typeof again === 'object' ? { kind: 'mined', receipt: parseReceipt(again) } : { kind: 'replaced' };
      }
      return { kind: 'unknown' };
    },
  };
}

function parseReceipt(raw: RawReceipt): CallReceipt {
  return {
    status: quantity(raw.status, 'receipt status') === 1n ? 1 : 0,
    blockNumber: quantity(raw.blockNumber, 'block number'),
    logs: (raw.logs ?? []).map((log) => ({ address: log.address, topics: [...log.topics], data: log.data })),
  };
}

