/**
 * The encrypted key vault: the only module that sees mnemonics and private keys. Everything else asks it for
 * public keys and signatures.
 *
 * Concurrency: every operation that reads or writes the file, or checks a password, runs through one promise queue,
 * so writes never race and each one starts from the state the previous one committed. lock() is synchronous and
 * wins: an unlock that was in flight when lock() was called ends locked (and rejects with VAULT_LOCKED).
 *
 * Failures never write: a write happens only after every check passed, and the in-memory state changes only after
 * the write succeeded.
 */
import { StrataError } from '../../../shared/errors';
import * as changes from './accountChanges';
import type { PayloadChange, VaultSecret } from './accountChanges';
import { deriveKeys, newSalt, wipeKeys, type VaultKeys } from './encryption';
import { assertPassword, privateKeyToHex } from './inputs';
import { Keyring, type DigestSignature, type PublicKeyInfo } from './keyring';
import type { AccountRecord, LedgerTarget, VaultPayload, WatchTarget } from './payload';
import { resolveDefaultParams, upgradedParams, type ScryptParams } from './scryptParams';
import { assertKeysMatch, openPayload, sealPayload } from './sealedPayload';
import type { VaultHeader } from './vaultFile';
import { UnlockThrottle } from './unlockThrottle';
import { VaultStorage } from './vaultStorage';

export { DEFAULT_SCRYPT, type ScryptParams } from './scryptParams';
export type { AccountRecord, LedgerTarget, WatchTarget } from './payload';
export type { DigestSignature, PublicKeyInfo } from './keyring';
export type { VaultSecret } from './accountChanges';

export interface VaultOptions {
  /** Directory holding vault.json (created with mode 0700 when missing). */
  dir: string;
  /** scrypt parameters for new writes; missing fields come from DEFAULT_SCRYPT. */
  kdf?: Partial<ScryptParams>;
  /** Wall clock for the unlock throttle (epoch ms); Date.now by default. */
  now?: () => number;
}

interface Session {
  keys: VaultKeys;
  header: VaultHeader;
  payload: VaultPayload;
  keyring: Keyring;
}

function wipeSession(session: Session): void {
  wipeKeys(session.keys);
  session.keyring.wipe();
}

export class Vault {
  private readonly storage: VaultStorage;
  private readonly defaults: ScryptParams;
  private readonly throttle: UnlockThrottle;
  private session: Session | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped by lock(); an operation that started before a lock() must not leave the vault unlocked. */
  private lockEpoch = 0;

  constructor(options: VaultOptions) {
    this.storage = new VaultStorage(options.dir);
    this.defaults = resolveDefaultParams(options.kdf);
    this.throttle = new UnlockThrottle(options.dir, options.now ?? Date.now);
  }

  /** Milliseconds before the next password attempt is allowed (0: now). */
  unlockWaitMs(): Promise<number> {
    return this.throttle.waitMs();
  }

  /** True when vault.json or vault.json.bak is present. */
  exists(): Promise<boolean> {
    return this.storage.exists();
  }

  get isUnlocked(): boolean {
    return this.session !== null;
  }

  /**
   * The one "vault locked" check of the services and handlers that need an unlocked vault.
   * @throws StrataError VAULT_LOCKED when locked
   */
  requireUnlocked(): void {
    if (this.session === null) throw new StrataError('VAULT_LOCKED', 'Unlock the vault first');
  }

  /** Whether the vault holds a recovery phrase (HD accounts). VAULT_LOCKED when locked. */
  hasMnemonic(): boolean {
    return this.requireSession().payload.mnemonic !== null;
  }

  /**
   * Creates the vault from a mnemonic (adds HD account 0, "Account 1") or a private key (adds one imported
   * account), and leaves it unlocked. VAULT_EXISTS, INVALID_MNEMONIC, INVALID_PRIVATE_KEY, INVALID_INPUT.
   */
  async create(password: string, secret: VaultSecret): Promise<void> {
    const epoch = this.lockEpoch;
    return this.exclusive(async () => {
      assertPassword(password);
      const payload = changes.initialPayload(secret);
      if (await this.storage.exists()) throw new StrataError('VAULT_EXISTS', 'A vault already exists');
      await this.storage.securePrivateDir();
      await this.storage.removeStaleTempFiles();
      const salt = newSalt();
      const keys = await deriveKeys(password, salt, this.defaults);
      const header: VaultHeader = { params: this.defaults, salt, keyCheck: Uint8Array.from(keys.keyCheck) };
      const session: Session = { keys, header, payload, keyring: await Keyring.fromPayload(payload) };
      try {
        await this.storage.write(sealPayload(keys, header, payload));
      } catch (error) {
        wipeSession(session);
        throw error;
      }
      this.startSession(session, epoch);
    });
  }

  /**
   * Decrypts the vault and keeps its keys in memory. Raises the file's scrypt parameters to the current defaults
   * (re-encrypting atomically) when they are lower. WRONG_PASSWORD, UNLOCK_THROTTLED (after 5 wrong passwords in a
   * row), VAULT_ALREADY_UNLOCKED (no password check on an unlocked vault), VAULT_NOT_FOUND, VAULT_CORRUPT,
   * VAULT_NEWER_FORMAT, VAULT_UNSAFE_PATH, IO_ERROR; none of them writes the vault (a wrong password counts in the
   * throttle file).
   */
  async unlock(password: string): Promise<void> {
    const epoch = this.lockEpoch;
    return this.exclusive(async () => {
      assertPassword(password);
      if (this.session !== null) throw new StrataError('VAULT_ALREADY_UNLOCKED', 'The vault is already unlocked');
      await this.storage.securePrivateDir();
      await this.storage.removeStaleTempFiles();
      const file = await this.storage.read();
      const { keys, payload } = await this.throttled(async () => {
        const derived = await deriveKeys(password, file.header.salt, file.header.params);
        try {
          return { keys: derived, payload: openPayload(derived, file) };
        } catch (error) {
          wipeKeys(derived);
          throw error;
        }
      });
      let session: Session = { keys, header: file.header, payload, keyring: await Keyring.fromPayload(payload) };
      session = await this.upgradeKdf(session, password);
      if (!(await this.storage.backupMatches(session.header))) await this.resealBackup(session.keys, session.header, session.payload);
      if (!this.startSession(session, epoch)) {
        throw new StrataError('VAULT_LOCKED', 'The vault was locked while it was being unlocked');
      }
    });
  }

  /** Forgets every key: byte arrays are overwritten, references dropped. */
  lock(): void {
    this.lockEpoch += 1;
    if (this.session !== null) wipeSession(this.session);
    this.session = null;
  }

  /** Resolves when the password is the vault's; WRONG_PASSWORD otherwise. Works locked (reads the file) or unlocked. */
  async verifyPassword(password: string): Promise<void> {
    return this.exclusive(async () => {
      assertPassword(password);
      const header = this.session?.header ?? (await this.storage.read()).header;
      await this.throttled(() => checkPassword(password, header));
    });
  }

  /** Re-encrypts under a new password and a new salt; the old password stops working. Requires unlocked. */
  async changePassword(current: string, next: string): Promise<void> {
    return this.exclusive(async () => {
      assertPassword(current);
      assertPassword(next);
      const session = this.requireSession();
      await this.throttled(() => checkPassword(current, session.header));
      const params = upgradedParams(session.header.params, this.defaults) ?? session.header.params;
      const rekeyed = await this.rekey(session, next, params);
      if (this.session !== session) {
        wipeKeys(rekeyed.keys);
        return;
      }
      wipeKeys(session.keys);
      session.keys = rekeyed.keys;
      session.header = rekeyed.header;
    });
  }

  /** Reveals the recovery phrase after checking the password again. VAULT_LOCKED, NO_MNEMONIC, WRONG_PASSWORD. */
  async revealMnemonic(password: string): Promise<{ mnemonic: string; passphrase: string }> {
    return this.exclusive(async () => {
      assertPassword(password);
      const session = this.requireSession();
      const { mnemonic, passphrase } = session.payload;
      if (mnemonic === null) throw new StrataError('NO_MNEMONIC', 'This vault has no recovery phrase');
      await this.throttled(() => checkPassword(password, session.header));
      return { mnemonic, passphrase };
    });
  }

  /** Copies of the account records, in creation order. VAULT_LOCKED when locked. */
  accounts(): AccountRecord[] {
    return this.requireSession().payload.accounts.map(changes.copyAccount);
  }

  /** Adds the HD account with the next unused index (default label "Account <index+1>"). NO_MNEMONIC. */
  async addHdAccount(label?: string): Promise<AccountRecord> {
    return this.mutate((payload) => changes.addHdAccount(payload, label));
  }

  /** Imports a secp256k1 private key (the caller's array is copied). INVALID_PRIVATE_KEY, DUPLICATE_ACCOUNT. */
  async importPrivateKey(privateKey: Uint8Array, label?: string): Promise<AccountRecord> {
    const hex = privateKeyToHex(privateKey);
    const key = Uint8Array.from(privateKey);
    try {
      return await this.mutate((payload) => changes.importPrivateKey(payload, hex, key, label));
    } finally {
      key.fill(0);
    }
  }

  /** Adds a watch-only address (stored EIP-55 / lower-case bech32). INVALID_ADDRESS, INVALID_INPUT, DUPLICATE_ACCOUNT. */
  async addWatch(watch: WatchTarget, label?: string): Promise<AccountRecord> {
    return this.mutate((payload) => changes.addWatch(payload, watch, label));
  }

  /** Adds a Ledger account (no secret: address, path, public key). INVALID_INPUT, INVALID_ADDRESS, DUPLICATE_ACCOUNT. */
  async addLedger(ledger: LedgerTarget, label?: string): Promise<AccountRecord> {
    return this.mutate((payload) => changes.addLedger(payload, ledger, label));
  }

  /** Renames an account (label trimmed, 1..64 characters). ACCOUNT_NOT_FOUND, INVALID_INPUT. */
  async rename(id: string, label: string): Promise<AccountRecord> {
    return this.mutate((payload) => changes.renameAccount(payload, id, label));
  }

  /** Removes an account and its key. ACCOUNT_NOT_FOUND; HD account 0 stays while there is a mnemonic (INVALID_INPUT). */
  async remove(id: string): Promise<void> {
    return this.mutate((payload) => changes.removeAccount(payload, id));
  }

  /**
   * Compressed public key of a signing account on a SLIP-44 coin type: HD accounts use m/44'/<coinType>'/0'/0/<i>,
   * imported keys are the same on every coin type (path null). ACCOUNT_NOT_FOUND, INVALID_INPUT for watch-only,
   * INVALID_PATH for a bad coin type, VAULT_LOCKED.
   */
  publicKeyFor(id: string, coinType: number): PublicKeyInfo {
    const session = this.requireSession();
    return session.keyring.publicKeyFor(changes.signingAccount(session.payload, id), coinType);
  }

  /** Signs a 32-byte digest with the account's key (secp256k1, low-s, r||s plus recovery id). */
  async signDigest(id: string, coinType: number, digest: Uint8Array): Promise<DigestSignature> {
    const session = this.requireSession();
    return session.keyring.sign(changes.signingAccount(session.payload, id), coinType, digest);
  }

  private requireSession(): Session {
    if (this.session === null) throw new StrataError('VAULT_LOCKED', 'The vault is locked');
    return this.session;
  }

  /**
   * Runs a password check under the throttle: UNLOCK_THROTTLED before any scrypt when it is too early, a
   * WRONG_PASSWORD counted, a success resetting the count.
   */
  private async throttled<T>(check: () => Promise<T>): Promise<T> {
    await this.throttle.assertAllowed();
    let result: T;
    try {
      result = await check();
    } catch (error) {
      if (error instanceof StrataError && error.code === 'WRONG_PASSWORD') await this.throttle.recordFailure();
      throw error;
    }
    await this.throttle.recordSuccess();
    return result;
  }

  /** Runs `task` after every earlier queued task has settled. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Installs a new session unless lock() was called since `epoch`; returns whether it did. */
  private startSession(session: Session, epoch: number): boolean {
    if (epoch !== this.lockEpoch) {
      wipeSession(session);
      return false;
    }
    if (this.session !== null) wipeSession(this.session);
    this.session = session;
    return true;
  }

  /** Computes a change from the committed payload, writes it, then applies it in memory. */
  private mutate<T>(change: (payload: VaultPayload) => PayloadChange<T>): Promise<T> {
    return this.exclusive(async () => {
      const session = this.requireSession();
      const { payload, result, onCommit } = change(session.payload);
      await this.storage.write(sealPayload(session.keys, session.header, payload));
      // lock() may have run during the write: the file is updated, but there is no session left to update.
      if (this.session === session) {
        session.payload = payload;
        onCommit?.(session.keyring);
      }
      return result;
    });
  }

  /**
   * Writes the session's payload under a new password/salt/params; returns the new keys and header. The backup is
   * then re-sealed under the new key too, so that nothing on disk opens with the old password (or the old cost).
   */
  private async rekey(session: Session, password: string, params: ScryptParams): Promise<{ keys: VaultKeys; header: VaultHeader }> {
    const salt = newSalt();
    const keys = await deriveKeys(password, salt, params);
    const header: VaultHeader = { params, salt, keyCheck: Uint8Array.from(keys.keyCheck) };
    try {
      await this.storage.write(sealPayload(keys, header, session.payload));
    } catch (error) {
      wipeKeys(keys);
      throw error;
    }
    await this.resealBackup(keys, header, session.payload);
    return { keys, header };
  }

  /**
   * Makes vault.json.bak a copy of the current payload under the current key (fresh nonce). Runs after a rekey, and
   * on unlock when the backup's header is not the current one (a crash or a full disk between the two writes of a
   * rekey). The new vault.json is durable before this runs, so losing the old backup loses nothing: when the re-seal
   * fails the old backup is deleted instead; when even that fails, the next unlock retries.
   */
  private async resealBackup(keys: VaultKeys, header: VaultHeader, payload: VaultPayload): Promise<void> {
    try {
      await this.storage.replaceBackup(sealPayload(keys, header, payload));
    } catch {
      await this.storage.removeBackup().catch(() => undefined);
    }
  }

  /**
   * Re-encrypts with higher scrypt parameters when the defaults grew. A failed write (read-only disk) keeps the
   * old file and the old parameters; unlocking still succeeds and the upgrade is retried on the next unlock.
   */
  private async upgradeKdf(session: Session, password: string): Promise<Session> {
    const params = upgradedParams(session.header.params, this.defaults);
    if (params === null) return session;
    try {
      const rekeyed = await this.rekey(session, password, params);
      wipeKeys(session.keys);
      return { ...session, ...rekeyed };
    } catch {
      return session;
    }
  }
}

/** Derives keys for `header` and compares the key-check value. */
async function checkPassword(password: string, header: VaultHeader): Promise<void> {
  const keys = await deriveKeys(password, header.salt, header.params);
  try {
    assertKeysMatch(keys, header);
  } finally {
    wipeKeys(keys);
  }
}
