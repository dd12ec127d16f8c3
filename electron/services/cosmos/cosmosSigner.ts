/**
 * What the Cosmos code needs from a key holder: the compressed public key, and an ECDSA signature over a 32-byte
 * digest. The Cosmos code hashes the sign bytes itself (sha256 or keccak256, by the chain's key scheme), so a signer
 * never sees a transaction and the Cosmos code never sees a private key (STYLE.md §4-5).
 */
export interface CosmosSigner {
  /** 33-byte compressed secp256k1 public key */
  readonly pubkey: Uint8Array;
  /** Signs a 32-byte digest as it is (no further hashing); returns r || s, 64 bytes, low-s. */
  signDigest(digest: Uint8Array): Promise<Uint8Array>;
  /**
   * Present on signers that must show the transaction (a Ledger's Cosmos app): signs the sorted amino JSON sign bytes
   * themselves (the device hashes them with sha256); such a signer only signs in amino mode.
   */
  signAminoJson?(signBytes: Uint8Array): Promise<Uint8Array>;
}
