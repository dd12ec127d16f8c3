import { StrataError } from '../../../shared/errors';
import type { ChainEndpoint, DigestSigner, PreparedTransfer, SentTransfer } from '../chains/chainAdapter';
import type { JsonRpcCall } from '../rpc/httpJsonRpc';
import { buildEvmTransfer } from './buildEvmTransfer';
import { evmChainId } from './evmChainId';
import { evmUnsignedOf } from './evmUnsigned';
import type { NonceManager } from './nonceManager';
import { quantity } from './rpcValues';
import { sendEvmTransaction } from './sendEvmTransaction';
import { signEvmTransaction } from './signEvmTransaction';

export interface SendOptions {
  /**
   * Called with the final hash and nonce after signing and before broadcasting. The activity journal records the
   * transaction as pending here, so a crash after the broadcast never loses it. If it throws, nothing is sent.
   */
  beforeBroadcast?: (tx: SentTransfer) => Promise<void>;
}

/**
 * Signs a prepared transfer at its tier through the injected signer and broadcasts it. The nonce is reserved now
 * (nonce manager), the sender recovered from the signature is checked to be `prepared.from`, and the nonce is given
 * back when nothing was broadcast.
 * @throws CHAIN_ID_MISMATCH (prepared for another chain), INVALID_INPUT (a signer for another account), TX_REJECTED,
 *   INSUFFICIENT_FUNDS, RPC_UNAVAILABLE (the broadcast's fate is unknown: the journal's recheck settles it), INTERNAL
 */
export async function sendEvmTransfer(
  context: { call: JsonRpcCall; nonces: NonceManager },
  target: ChainEndpoint,
  prepared: PreparedTransfer,
  signer: DigestSigner,
  options: SendOptions = {},
): Promise<SentTransfer> {
  const unsigned = evmUnsignedOf(prepared.unsigned);
  if (prepared.chain.id !== target.chain.id || unsigned.chainId !== evmChainId(target.chain)) {
    throw new StrataError('CHAIN_ID_MISMATCH', `This transfer was prepared for ${prepared.chain.name}, not ${target.chain.name}`);
  }
  if (signer.address.toLowerCase() !== prepared.from.toLowerCase()) {
    throw new StrataError('INVALID_INPUT', 'The signer is not the sending account; nothing was sent');
  }
  const { call, nonces } = context;
  const chain = target.chain.id;
  const from = prepared.from;
  const nonce = await nonces.reserve(chain, from, async () => quantity(await call('eth_getTransactionCount', [from, 'pending']), 'nonce'));

  let signed;
  try {
    const tx = buildEvmTransfer({
      chainId: unsigned.chainId,
      nonce,
      to: prepared.to,
      asset: unsigned.asset,
      amount: prepared.amount,
      gasLimit: unsigned.gasLimit,
      fee: unsigned.tiers[prepared.tier],
    });
    signed = await signEvmTransaction(tx, signer, from);
    await options.beforeBroadcast?.({ hash: signed.hash as string, nonce });
  } catch (error) {
    nonces.release(chain, from, nonce);
    throw error;
  }
  try {
    const hash = await sendEvmTransaction(call, signed);
    return { hash, nonce };
  } catch (error) {
    // Without an answer the transaction may have reached a node: trust the chain's count next time, not ours.
    if (error instanceof StrataError && (error.code === 'RPC_UNAVAILABLE' || error.code === 'CHAIN_ID_MISMATCH')) nonces.resync(chain, from);
    else nonces.release(chain, from, nonce);
    throw error;
  }
}
