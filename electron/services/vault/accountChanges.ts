/**
 * The account operations as pure functions: each takes the committed payload and returns the next one (plus the
 * value to return and what to apply to the in-memory keyring once the write succeeded). They throw before anything
 * is written.
 */
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { StrataError } from '../../../shared/errors';
import { normalizeLabel, normalizeLedgerTarget, normalizeMnemonic, normalizeWatchTarget, privateKeyToHex } from './inputs';
import type { Keyring } from './keyring';
import { emptyPayload, MAX_HD_INDEX, type AccountRecord, type LedgerTarget, type VaultPayload, type WatchTarget } from './payload';

export type VaultSecret = { mnemonic: string; passphrase: string } | { privateKey: Uint8Array };

export interface PayloadChange<T> {
  payload: VaultPayload;
  result: T;
  /** Applied to the in-memory keyring once the write succeeded. */
  onCommit?: (keyring: Keyring) => void;
}

/** A deep enough copy for callers: records are flat except for `watch`. */
export function copyAccount(account: AccountRecord): AccountRecord {
  const copy = { ...account, watch: account.watch === null ? null : { ...account.watch } };
  if (account.ledger) copy.ledger = { ...account.ledger };
  return copy;
}

function newAccountId(existing: readonly AccountRecord[]): string {
  for (;;) {
    const id = bytesToHex(randomBytes(8));
    if (!existing.some((account) => account.id === id)) return id;
  }
}

function newAccount(
  payload: VaultPayload,
  kind: AccountRecord['kind'],
  label: string,
  fields: { hdIndex?: number; watch?: WatchTarget; ledger?: LedgerTarget },
): AccountRecord {
  const account: AccountRecord = {
    id: newAccountId(payload.accounts),
    label: normalizeLabel(label),
    kind,
    hdIndex: fields.hdIndex ?? null,
    watch: fields.watch ?? null,
    createdAt: Date.now(),
  };
  if (fields.ledger) account.ledger = fields.ledger;
  return account;
}

function appended(payload: VaultPayload, account: AccountRecord, extra: Partial<VaultPayload> = {}): PayloadChange<AccountRecord> {
  return { payload: { ...payload, ...extra, accounts: [...payload.accounts, account] }, result: copyAccount(account) };
}

/** ACCOUNT_NOT_FOUND when no account has this id. */
export function findAccount(payload: VaultPayload, id: string): AccountRecord {
  const account = payload.accounts.find((a) => a.id === id);
  if (account === undefined) throw new StrataError('ACCOUNT_NOT_FOUND', 'No account with this id');
  return account;
}

/** An account that has a key: INVALID_INPUT for watch-only accounts. */
export function signingAccount(payload: VaultPayload, id: string): AccountRecord {
  const account = findAccount(payload, id);
  if (account.kind === 'watch') throw new StrataError('INVALID_INPUT', 'A watch-only account has no key');
  if (account.kind === 'ledger') throw new StrataError('INVALID_INPUT', 'A Ledger account signs on the device, not with the vault');
  return account;
}

/** The payload of a new vault: HD account 0 ("Account 1") for a mnemonic, one imported account for a key. */
export function initialPayload(secret: VaultSecret): VaultPayload {
  const payload = emptyPayload();
  if (typeof secret !== 'object' || secret === null) throw new StrataError('INVALID_INPUT', 'A mnemonic or a private key is required');
  if ('privateKey' in secret) {
    const account = newAccount(payload, 'private-key', 'Imported 1', {});
    return { ...payload, accounts: [account], privateKeys: { [account.id]: privateKeyToHex(secret.privateKey) } };
  }
  if (typeof secret.passphrase !== 'string') throw new StrataError('INVALID_INPUT', 'The passphrase must be a string');
  const withMnemonic = { ...payload, mnemonic: normalizeMnemonic(secret.mnemonic), passphrase: secret.passphrase };
  const account = newAccount(withMnemonic, 'hd', 'Account 1', { hdIndex: 0 });
  return { ...withMnemonic, accounts: [account], nextHdIndex: 1 };
}

/** HD account at the next index (indexes are never reused). NO_MNEMONIC. */
export function addHdAccount(payload: VaultPayload, label: string | undefined): PayloadChange<AccountRecord> {
  if (payload.mnemonic === null) throw new StrataError('NO_MNEMONIC', 'This vault has no recovery phrase');
  const hdIndex = payload.nextHdIndex;
  if (hdIndex > MAX_HD_INDEX) throw new StrataError('INVALID_INPUT', 'No HD account index is left');
  const account = newAccount(payload, 'hd', label ?? `Account ${hdIndex + 1}`, { hdIndex });
  return appended(payload, account, { nextHdIndex: hdIndex + 1 });
}

/**
 * Imported key (validated hex and a copy of its bytes for the keyring). DUPLICATE_ACCOUNT when the same key is
 * already imported; a key that equals a derived HD key is not detected (that would need every coin type).
 */
export function importPrivateKey(payload: VaultPayload, hex: string, key: Uint8Array, label: string | undefined): PayloadChange<AccountRecord> {
  if (Object.values(payload.privateKeys).includes(hex)) {
    throw new StrataError('DUPLICATE_ACCOUNT', 'This private key is already imported');
  }
  const imported = payload.accounts.filter((a) => a.kind === 'private-key').length;
  const account = newAccount(payload, 'private-key', label ?? `Imported ${imported + 1}`, {});
  return {
    ...appended(payload, account, { privateKeys: { ...payload.privateKeys, [account.id]: hex } }),
    onCommit: (keyring) => keyring.addPrivateKey(account.id, key),
  };
}

/** Watch-only address. INVALID_ADDRESS, INVALID_INPUT; DUPLICATE_ACCOUNT for the same address on the same chain. */
export function addWatch(payload: VaultPayload, watch: WatchTarget, label: string | undefined): PayloadChange<AccountRecord> {
  const target = normalizeWatchTarget(watch);
  const duplicate = payload.accounts.some(
    (a) => a.watch !== null && a.watch.chain === target.chain && a.watch.address.toLowerCase() === target.address.toLowerCase(),
  );
  if (duplicate) throw new StrataError('DUPLICATE_ACCOUNT', 'This address is already watched on this chain');
  const watched = payload.accounts.filter((a) => a.kind === 'watch').length;
  return appended(payload, newAccount(payload, 'watch', label ?? `Watch ${watched + 1}`, { watch: target }));
}

/**
 * A Ledger account (address, path and public key the device gave; no secret). INVALID_INPUT, INVALID_ADDRESS;
 * DUPLICATE_ACCOUNT for the same address on the same chain.
 */
export function addLedger(payload: VaultPayload, ledger: LedgerTarget, label: string | undefined): PayloadChange<AccountRecord> {
  const target = normalizeLedgerTarget(ledger);
  const duplicate = payload.accounts.some(
    (a) => a.ledger && a.ledger.family === target.family && a.ledger.chain === target.chain && a.ledger.address.toLowerCase() === target.address.toLowerCase(),
  );
  if (duplicate) throw new StrataError('DUPLICATE_ACCOUNT', 'This Ledger account is already in the vault');
  const count = payload.accounts.filter((a) => a.kind === 'ledger').length;
  return appended(payload, newAccount(payload, 'ledger', label ?? `Ledger ${count + 1}`, { ledger: target }));
}

/** New label for an account. ACCOUNT_NOT_FOUND, INVALID_INPUT. */
export function renameAccount(payload: VaultPayload, id: string, label: string): PayloadChange<AccountRecord> {
  const renamed = { ...findAccount(payload, id), label: normalizeLabel(label) };
  return { payload: { ...payload, accounts: payload.accounts.map((a) => (a.id === id ? renamed : a)) }, result: copyAccount(renamed) };
}

/** Removes an account and its key; HD account 0 stays while there is a mnemonic (INVALID_INPUT). */
export function removeAccount(payload: VaultPayload, id: string): PayloadChange<void> {
  const account = findAccount(payload, id);
  if (account.kind === 'hd' && account.hdIndex === 0 && payload.mnemonic !== null) {
    throw new StrataError('INVALID_INPUT', 'The first account of the recovery phrase cannot be removed');
  }
  const privateKeys = { ...payload.privateKeys };
  delete privateKeys[id];
  return {
    payload: { ...payload, accounts: payload.accounts.filter((a) => a.id !== id), privateKeys },
    result: undefined,
    onCommit: (keyring) => keyring.forget(id),
  };
}
