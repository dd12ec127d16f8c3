import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** A transaction's hash as CometBFT indexes it: uppercase hex sha256 of the TxRaw bytes. */
export function cosmosTxHash(txBytes: Uint8Array): string {
  return bytesToHex(sha256(txBytes)).toUpperCase();
}
