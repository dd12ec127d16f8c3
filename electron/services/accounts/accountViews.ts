import { bytesToHex } from '@noble/hashes/utils.js';
import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import type { AccountAddress, AccountView } from '../../../shared/domain/account';
import type { ChainInfo } from '../../../shared/domain/chain';
import type { AccountRecord, Vault } from '../vault/vault';

/**
 * The public view of every account: its address on each built-in chain (HD and imported keys), or the watched
 * address on the chains of its family. Key material never leaves the vault; only public keys come out.
 */
export function accountViews(vault: Vault, chains: ChainInfo[]): AccountView[] {
  return vault.accounts().map((record) => accountView(vault, record, chains));
}

export function accountView(vault: Vault, record: AccountRecord, chains: ChainInfo[]): AccountView {
  return {
    id: record.id,
    label: record.label,
    kind: record.kind,
    hdIndex: record.hdIndex,
    family: record.watch ? record.watch.family : (record.ledger?.family ?? null),
    addresses: record.watch ? watchedAddresses(record.watch, chains) : record.ledger ? ledgerAddresses(record.ledger, chains) : keyAddresses(vault, record, chains),
  };
}

function keyAddresses(vault: Vault, record: AccountRecord, chains: ChainInfo[]): AccountAddress[] {
  return chains.map((chain) => {
    const { publicKey, path } = vault.publicKeyFor(record.id, chain.coinType);
    return { chain: chain.id, address: addressFromPublicKey(publicKey, chain), path, publicKey: bytesToHex(publicKey) };
  });
}

function watchedAddresses(watch: NonNullable<AccountRecord['watch']>, chains: ChainInfo[]): AccountAddress[] {
  const targets = watch.chain ? chains.filter((c) => c.id === watch.chain) : chains.filter((c) => c.family === watch.family);
  return targets.map((chain) => ({ chain: chain.id, address: watch.address, path: null, publicKey: null }));
}

/** A Ledger account's address, path and public key as the device gave them, on the chains it was read for. */
function ledgerAddresses(ledger: NonNullable<AccountRecord['ledger']>, chains: ChainInfo[]): AccountAddress[] {
  const targets = ledger.chain ? chains.filter((c) => c.id === ledger.chain) : chains.filter((c) => c.family === ledger.family);
  return targets.map((chain) => ({ chain: chain.id, address: ledger.address, path: `m/${ledger.path}`, publicKey: ledger.publicKey }));
}
