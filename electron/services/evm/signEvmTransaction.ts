import { getBytes, hexlify, Signature, Transaction } from 'ethers';
import { StrataError } from '../../../shared/errors';
import type { DigestSigner } from '../chains/chainAdapter';

/**
 * Signs an unsigned transaction through the injected signer: the signer sees only the 32-byte `unsignedHash`, never a
 * key leaves the vault. The signed copy's sender is recovered from the signature and must be `expectedFrom`: a signer
 * backed by the wrong key is caught here, before anything is broadcast.
 * @returns a signed copy (the input is not modified)
 * @throws INTERNAL when the signature does not recover to `expectedFrom` or is malformed
 */
export async function signEvmTransaction(unsigned: Transaction, signer: DigestSigner, expectedFrom: string): Promise<Transaction> {
  const tx = unsigned.clone();
  // A hardware signer is handed the whole transaction to show; the vault only ever sees the digest.
  const { signature, recovery } = signer.signEvmTransaction
    ? await signer.signEvmTransaction(getBytes(tx.unsignedSerialized))
    : await signer.signDigest(getBytes(tx.unsignedHash));
  if (signature.length !== 64 || (recovery !== 0 && recovery !== 1)) {
    throw new StrataError('INTERNAL', 'The signer returned a malformed signature; nothing was sent');
  }
  tx.signature = Signature.from({ r: hexlify(signature.slice(0, 32)), s: hexlify(signature.slice(32, 64)), yParity: recovery });
  if (tx.from === null || tx.from.toLowerCase() !== expectedFrom.toLowerCase()) {
    throw new StrataError('INTERNAL', 'The signature does not come from the sending account; nothing was sent');
  }
  return tx;
}
