import type { ChainInfo } from '../../../shared/domain/chain';
import type { Vault } from '../vault/vault';
import type { CosmosSigner } from './cosmosSigner';

/** The part of the vault a signer needs; the vault alone holds keys. */
export type VaultSigningPort = Pick<Vault, 'publicKeyFor' | 'signDigest'>;

/**
 * A CosmosSigner backed by the vault: the account's key on the chain's SLIP-44 coin type (m/44'/118'/0'/0/i for
 * Cosmos Hub, m/44'/60'/0'/0/i for Injective). Reads the public key once, now: VAULT_LOCKED, ACCOUNT_NOT_FOUND,
 * INVALID_INPUT (watch-only) surface here rather than at signing time.
 */
export function vaultCosmosSigner(vault: VaultSigningPort, accountId: string, chain: Pick<ChainInfo, 'coinType'>): CosmosSigner {
  const { publicKey } = vault.publicKeyFor(accountId, chain.coinType);
  return {
    pubkey: publicKey,
    async signDigest(digest: Uint8Array): Promise<Uint8Array> {
      const { signature } = await vault.signDigest(accountId, chain.coinType, digest);
      return signature;
    },
  };
}
