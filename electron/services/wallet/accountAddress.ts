import { hexToBytes } from '@noble/hashes/utils.js';
import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import type { AccountRecord, Vault } from '../vault/vault';

/**
 * An account's address on a chain, with its public key (null for watch-only addresses), or null if it has none. A
 * Ledger account's come from its record (what the device answered when it was added).
 */
export function accountAddress(vault: Vault, record: AccountRecord, chain: ChainInfo): { address: string; publicKey: Uint8Array | null } | null {
  if (record.watch) {
    const watched = record.watch.chain ? record.watch.chain === chain.id : record.watch.family === chain.family;
    return watched ? { address: record.watch.address, publicKey: null } : null;
  }
  if (record.ledger) {
    const { ledger } = record;
    const covered = ledger.family === chain.family && (ledger.chain === null || ledger.chain === chain.id);
    return covered ? { address: ledger.address, publicKey: hexToBytes(ledger.publicKey) } : null;
  }
  const { publicKey } = vault.publicKeyFor(record.id, chain.coinType);
  return { address: addressFromPublicKey(publicKey, chain), publicKey };
}

/** @throws ACCOUNT_NOT_FOUND */
export function findAccount(vault: Vault, accountId: string): AccountRecord {
  const record = vault.accounts().find((a) => a.id === accountId);
  if (!record) throw new StrataError('ACCOUNT_NOT_FOUND', 'No such account');
  return record;
}
