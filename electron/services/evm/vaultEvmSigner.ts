import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import type { DigestSigner } from '../chains/chainAdapter';
import type { Vault } from '../vault/vault';

/** SLIP-44 coin type of Ethereum: m/44'/60'/0'/0/i, the path every EVM chain uses. */
export const EVM_COIN_TYPE = 60;

/**
 * A DigestSigner for EVM chains backed by the vault: the account's key on coin type 60. The public key (and so the
 * address) is read once, now: VAULT_LOCKED, ACCOUNT_NOT_FOUND, INVALID_INPUT (watch-only) surface here.
 */
export function vaultEvmSigner(vault: Pick<Vault, 'publicKeyFor' | 'signDigest'>, accountId: string): DigestSigner {
  const { publicKey } = vault.publicKeyFor(accountId, EVM_COIN_TYPE);
  return {
    address: addressFromPublicKey(publicKey, { addressScheme: 'evm', bech32Prefix: null }),
    publicKey,
    signDigest: (digest) => vault.signDigest(accountId, EVM_COIN_TYPE, digest),
  };
}
