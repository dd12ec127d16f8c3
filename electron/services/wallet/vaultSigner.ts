import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import type { ChainInfo } from '../../../shared/domain/chain';
import type { DigestSigner } from '../chains/chainAdapter';
import type { Vault } from '../vault/vault';

/**
 * A DigestSigner for one account on one chain, backed by the vault (the chain's coin type picks the key).
 * @throws VAULT_LOCKED, ACCOUNT_NOT_FOUND, INVALID_INPUT (a watch-only account cannot sign)
 */
export function vaultSigner(vault: Pick<Vault, 'publicKeyFor' | 'signDigest'>, accountId: string, chain: ChainInfo): DigestSigner {
  const { publicKey } = vault.publicKeyFor(accountId, chain.coinType);
  return {
    address: addressFromPublicKey(publicKey, chain),
    publicKey,
    signDigest: (digest) => vault.signDigest(accountId, chain.coinType, digest),
  };
}
