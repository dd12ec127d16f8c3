/** Errors never carry secrets: not in the message, the details, or anywhere in the cause chain. */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StrataError } from '../../shared/errors';
import { HARDHAT_KEY_0, hexToBytes, makeTempDir, newVault, readVaultJson, removeDir, vaultPath, writeVaultJson } from './helpers';

// BIP-39 test vector; none of its words is likely to appear in an error text by accident.
const MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
const PASSPHRASE = 'Quixotic-Passphrase-77';
const SECRET_PASSWORD = 'Zebra!Marmalade#4417';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => removeDir(dir));

/** Everything an error could show: message, details, stack, and the same for each cause. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 10; depth += 1) {
    if (current instanceof Error) {
      parts.push(current.message, current.stack ?? '', String((current as StrataError).details ?? ''));
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.join('\n');
}

async function captureError(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to fail');
}

describe('Vault errors carry no secrets', () => {
  it('never includes the password, the passphrase, the mnemonic words or a private key', async () => {
    const vault = newVault(dir);
    const wrongPassword = `${SECRET_PASSWORD}-typo`;
    const almostMnemonic = MNEMONIC.replace(/yellow$/, 'yellow yellow');
    const errors: unknown[] = [];

    errors.push(await captureError(() => vault.unlock(SECRET_PASSWORD))); // VAULT_NOT_FOUND
    errors.push(await captureError(() => vault.create(SECRET_PASSWORD, { mnemonic: almostMnemonic, passphrase: PASSPHRASE })));
    errors.push(await captureError(() => vault.create(SECRET_PASSWORD, { mnemonic: MNEMONIC.replace('legal', 'legals'), passphrase: '' })));
    await vault.create(SECRET_PASSWORD, { mnemonic: MNEMONIC, passphrase: PASSPHRASE });
    errors.push(await captureError(() => vault.create(SECRET_PASSWORD, { mnemonic: MNEMONIC, passphrase: PASSPHRASE })));
    errors.push(await captureError(() => vault.revealMnemonic(wrongPassword)));
    errors.push(await captureError(() => vault.changePassword(wrongPassword, SECRET_PASSWORD)));
    errors.push(await captureError(() => vault.verifyPassword(wrongPassword)));
    const badKey = hexToBytes(HARDHAT_KEY_0).slice(0, 31);
    errors.push(await captureError(() => vault.importPrivateKey(badKey)));
    await vault.importPrivateKey(hexToBytes(HARDHAT_KEY_0));
    errors.push(await captureError(() => vault.importPrivateKey(hexToBytes(HARDHAT_KEY_0))));
    vault.lock();
    errors.push(await captureError(() => vault.unlock(wrongPassword)));
    errors.push(await captureError(() => vault.accounts()));

    // a corrupted file and a payload parse failure (the plaintext holds the mnemonic)
    const json = await readVaultJson(vaultPath(dir));
    await writeVaultJson(vaultPath(dir), { ...json, ciphertext: `${json.ciphertext.slice(0, -8)}AAAAAAA=` });
    errors.push(await captureError(() => newVault(dir).unlock(SECRET_PASSWORD)));
    await writeFile(vaultPath(dir), `{"format":"strata-vault","version":1,"x":"${MNEMONIC}"`);
    errors.push(await captureError(() => newVault(dir).unlock(SECRET_PASSWORD)));

    // an I/O failure: vault.json replaced by a directory
    await writeVaultJson(vaultPath(dir), json);
    const unlocked = newVault(dir);
    await unlocked.unlock(SECRET_PASSWORD);
    const entries = await readdir(dir);
    expect(entries.sort()).toEqual(['vault.json', 'vault.json.bak']);
    await rm(vaultPath(dir));
    await mkdir(join(dir, 'vault.json', 'blocker'), { recursive: true });
    errors.push(await captureError(() => unlocked.addHdAccount()));

    const codes = errors.map((error) => (error as StrataError).code);
    expect(codes).toEqual([
      'VAULT_NOT_FOUND',
      'INVALID_MNEMONIC',
      'INVALID_MNEMONIC',
      'VAULT_EXISTS',
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'WRONG_PASSWORD',
      'INVALID_PRIVATE_KEY',
      'DUPLICATE_ACCOUNT',
      'WRONG_PASSWORD',
      'VAULT_LOCKED',
      'VAULT_CORRUPT',
      'VAULT_CORRUPT',
      'IO_ERROR',
    ]);

    const secrets = [SECRET_PASSWORD, wrongPassword, PASSPHRASE, HARDHAT_KEY_0, HARDHAT_KEY_0.slice(0, 16)];
    // whole words only: Node's own "illegal operation" must not count as the mnemonic word "legal"
    const words = [...new Set(MNEMONIC.split(' '))].map((word) => new RegExp(`\\b${word}\\b`, 'i'));
    for (const error of errors) {
      const text = errorText(error);
      const label = `error ${(error as StrataError).code}`;
      for (const secret of secrets) expect(text.toLowerCase(), label).not.toContain(secret.toLowerCase());
      for (const word of words) expect(text, label).not.toMatch(word);
    }
  });
});

