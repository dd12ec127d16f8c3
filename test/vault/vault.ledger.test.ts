/** The Ledger account kind: a record without a secret, validated on add and on every load, never signed by the vault. */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectStrataError, HARDHAT_ADDRESS_0, HARDHAT_ADDRESS_1, makeTempDir, newVault, PASSWORD, removeDir, TEST_MNEMONIC, vaultPath } from './helpers';

/** Hardhat account 0's compressed public key (m/44'/60'/0'/0/0 of the test mnemonic). */
const PUBKEY_0 = '038318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed75';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => removeDir(dir));

const target = (overrides: Record<string, unknown> = {}) => ({ family: 'evm' as const, chain: null, path: "44'/60'/0'/0/0", address: HARDHAT_ADDRESS_0, publicKey: PUBKEY_0, ...overrides });

describe('Vault Ledger accounts', () => {
  it('adds one (EIP-55 address, no secret), survives a reopen, and refuses to sign for it', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    const added = await vault.addLedger(target({ address: HARDHAT_ADDRESS_0.toLowerCase() }));
    expect(added).toMatchObject({ kind: 'ledger', label: 'Ledger 1', hdIndex: null, watch: null, ledger: target() });
    await expectStrataError(() => vault.publicKeyFor(added.id, 60), 'INVALID_INPUT');
    await expectStrataError(vault.signDigest(added.id, 60, new Uint8Array(32)), 'INVALID_INPUT');
    await expectStrataError(vault.addLedger(target()), 'DUPLICATE_ACCOUNT');
    vault.lock();
    const reopened = newVault(dir);
    await reopened.unlock(PASSWORD);
    expect(reopened.accounts().find((a) => a.id === added.id)).toEqual(added);
    // the file on disk is encrypted: the Ledger address is not in it in clear
    expect((await readFile(vaultPath(dir), 'utf8')).includes(HARDHAT_ADDRESS_0.slice(2).toLowerCase())).toBe(false);
  });

  it('refuses an address that is not the public key\'s, a bad key, a bad path, and a Cosmos account without a chain', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    await expectStrataError(vault.addLedger(target({ address: HARDHAT_ADDRESS_1 })), 'INVALID_ADDRESS');
    await expectStrataError(vault.addLedger(target({ publicKey: `02${'00'.repeat(32)}` })), 'INVALID_INPUT');
    await expectStrataError(vault.addLedger(target({ path: "m/44'/60'" })), 'INVALID_INPUT');
    await expectStrataError(vault.addLedger(target({ family: 'cosmos', address: 'cosmos1hsk6jryyqjfhp5dhc55tc9jtckygx0eph6dd02' })), 'INVALID_INPUT');
    await expectStrataError(vault.addLedger(target({ chain: 'cosmos:cosmoshub-4' })), 'INVALID_INPUT');
    expect(vault.accounts().map((a) => a.kind)).toEqual(['hd']);
  });
});
