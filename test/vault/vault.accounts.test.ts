import { secp256k1 } from '@noble/curves/secp256k1.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  expectStrataError,
  HARDHAT_ADDRESS_0,
  HARDHAT_ADDRESS_1,
  HARDHAT_KEY_0,
  hexToBytes,
  makeTempDir,
  newVault,
  PASSWORD,
  removeDir,
  TEST_MNEMONIC,
} from './helpers';

const COSMOS_ADDRESS = 'cosmos1hsk6jryyqjfhp5dhc55tc9jtckygx0eph6dd02';
const CURVE_ORDER_HEX = secp256k1.Point.CURVE().n.toString(16);

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => removeDir(dir));

async function mnemonicVault() {
  const vault = newVault(dir);
  await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
  return vault;
}

describe('Vault accounts', () => {
  it('adds HD accounts at the next index and never reuses a removed index', async () => {
    const vault = await mnemonicVault();
    const second = await vault.addHdAccount();
    expect(second).toMatchObject({ kind: 'hd', hdIndex: 1, label: 'Account 2', watch: null });
    const third = await vault.addHdAccount('  Trading  ');
    expect(third).toMatchObject({ hdIndex: 2, label: 'Trading' });
    await vault.remove(second.id);
    const fourth = await vault.addHdAccount();
    expect(fourth.hdIndex).toBe(3);
    expect(vault.accounts().map((a) => a.hdIndex)).toEqual([0, 2, 3]);
    await expectStrataError(vault.remove(second.id), 'ACCOUNT_NOT_FOUND');
    // HD account 0 stays while there is a mnemonic
    await expectStrataError(vault.remove(vault.accounts()[0]!.id), 'INVALID_INPUT');
    expect(vault.accounts()).toHaveLength(3);
  });

  it('imports private keys, refuses duplicates and invalid scalars, and forgets removed keys', async () => {
    const vault = await mnemonicVault();
    const key = hexToBytes(HARDHAT_KEY_0);
    const imported = await vault.importPrivateKey(key);
    expect(imported).toMatchObject({ kind: 'private-key', label: 'Imported 1', hdIndex: null, watch: null });
    expect(Array.from(key)).toEqual(Array.from(hexToBytes(HARDHAT_KEY_0))); // the caller's array is left alone
    await expectStrataError(vault.importPrivateKey(hexToBytes(HARDHAT_KEY_0), 'again'), 'DUPLICATE_ACCOUNT');

    for (const bad of [new Uint8Array(32), new Uint8Array(31).fill(1), new Uint8Array(33).fill(1), hexToBytes(CURVE_ORDER_HEX), new Uint8Array(32).fill(0xff)]) {
      await expectStrataError(vault.importPrivateKey(bad), 'INVALID_PRIVATE_KEY');
    }
    expect(() => vault.publicKeyFor(imported.id, 60)).not.toThrow();
    await vault.remove(imported.id);
    await expectStrataError(() => vault.publicKeyFor(imported.id, 60), 'ACCOUNT_NOT_FOUND');
    const again = await vault.importPrivateKey(hexToBytes(HARDHAT_KEY_0));
    expect(again.id).not.toBe(imported.id);

    const reopened = newVault(dir);
    await reopened.unlock(PASSWORD);
    expect(reopened.accounts().map((a) => a.id)).toEqual(vault.accounts().map((a) => a.id));
    expect(reopened.publicKeyFor(again.id, 60).publicKey).toEqual(vault.publicKeyFor(again.id, 60).publicKey);
  });

  it('validates and normalizes watch-only addresses; duplicates are per address and chain', async () => {
    const vault = await mnemonicVault();
    const lower = await vault.addWatch({ family: 'evm', chain: 'eip155:1', address: HARDHAT_ADDRESS_0.toLowerCase() });
    expect(lower.watch).toEqual({ family: 'evm', chain: 'eip155:1', address: HARDHAT_ADDRESS_0 });
    expect(lower.label).toBe('Watch 1');
    await expectStrataError(vault.addWatch({ family: 'evm', chain: 'eip155:1', address: HARDHAT_ADDRESS_0 }), 'DUPLICATE_ACCOUNT');
    await expectStrataError(vault.addWatch({ family: 'evm', chain: 'eip155:1', address: HARDHAT_ADDRESS_0.toUpperCase().replace('0X', '0x') }), 'DUPLICATE_ACCOUNT');
    const otherChain = await vault.addWatch({ family: 'evm', chain: 'eip155:10', address: HARDHAT_ADDRESS_0 }, 'Optimism');
    expect(otherChain.label).toBe('Optimism');
    const anyChain = await vault.addWatch({ family: 'evm', chain: null, address: HARDHAT_ADDRESS_0 });
    expect(anyChain.watch?.chain).toBeNull();

    const cosmos = await vault.addWatch({ family: 'cosmos', chain: 'cosmos:cosmoshub-4', address: COSMOS_ADDRESS.toUpperCase() });
    expect(cosmos.watch).toEqual({ family: 'cosmos', chain: 'cosmos:cosmoshub-4', address: COSMOS_ADDRESS });

    const badChecksum = HARDHAT_ADDRESS_1.replace('C5', 'c5');
    await expectStrataError(vault.addWatch({ family: 'evm', chain: null, address: badChecksum }), 'INVALID_ADDRESS');
    await expectStrataError(vault.addWatch({ family: 'evm', chain: null, address: COSMOS_ADDRESS }), 'INVALID_ADDRESS');
    await expectStrataError(vault.addWatch({ family: 'cosmos', chain: null, address: `${COSMOS_ADDRESS.slice(0, -1)}3` }), 'INVALID_ADDRESS');
    await expectStrataError(vault.addWatch({ family: 'evm', chain: 'cosmos:cosmoshub-4', address: HARDHAT_ADDRESS_1 }), 'INVALID_INPUT');
    await expectStrataError(vault.addWatch({ family: 'cosmos', chain: 'eip155:1', address: COSMOS_ADDRESS }), 'INVALID_INPUT');
    await expectStrataError(vault.addWatch({ family: 'evm', chain: 'mainnet', address: HARDHAT_ADDRESS_1 }), 'INVALID_INPUT');
    await expectStrataError(vault.addWatch({ family: 'solana' as 'evm', chain: null, address: HARDHAT_ADDRESS_1 }), 'INVALID_INPUT');
    expect(vault.accounts()).toHaveLength(5);
  });

  it('renames with trimmed labels of 1..64 characters', async () => {
    const vault = await mnemonicVault();
    const id = vault.accounts()[0]!.id;
    expect(await vault.rename(id, '  Main  ')).toMatchObject({ id, label: 'Main' });
    await expectStrataError(vault.rename(id, ''), 'INVALID_INPUT');
    await expectStrataError(vault.rename(id, 'x'.repeat(65)), 'INVALID_INPUT');
    expect((await vault.rename(id, 'x'.repeat(64))).label).toHaveLength(64);
    await expectStrataError(vault.addHdAccount(' '), 'INVALID_INPUT');
    await expectStrataError(vault.rename('nope', 'x'), 'ACCOUNT_NOT_FOUND');
  });

  it('accounts() returns copies', async () => {
    const vault = await mnemonicVault();
    await vault.addWatch({ family: 'evm', chain: null, address: HARDHAT_ADDRESS_1 });
    const copy = vault.accounts();
    copy[0]!.label = 'mutated';
    copy[1]!.watch!.address = 'mutated';
    copy.pop();
    expect(vault.accounts().map((a) => a.label)).toEqual(['Account 1', 'Watch 1']);
    expect(vault.accounts()[1]?.watch?.address).toBe(HARDHAT_ADDRESS_1);
  });

  it('validates the mnemonic on create', async () => {
    const vault = newVault(dir);
    await expectStrataError(vault.create(PASSWORD, { mnemonic: 'test '.repeat(12).trim(), passphrase: '' }), 'INVALID_MNEMONIC');
    await expectStrataError(vault.create(PASSWORD, { mnemonic: 'hello world', passphrase: '' }), 'INVALID_MNEMONIC');
    await expectStrataError(vault.create(PASSWORD, { privateKey: new Uint8Array(32) }), 'INVALID_PRIVATE_KEY');
    expect(await vault.exists()).toBe(false);
    expect(vault.isUnlocked).toBe(false);
  });

  it('serializes concurrent writes: 30 parallel additions all land, in call order', async () => {
    const vault = await mnemonicVault();
    const ops: Array<Promise<unknown>> = [];
    for (let i = 0; i < 10; i += 1) {
      ops.push(vault.addHdAccount(`hd ${i}`));
      ops.push(vault.addWatch({ family: 'evm', chain: `eip155:${i + 1}`, address: HARDHAT_ADDRESS_1 }, `watch ${i}`));
      ops.push(vault.importPrivateKey(secp256k1.utils.randomSecretKey(), `key ${i}`));
    }
    await Promise.all(ops);
    const labels = vault.accounts().map((a) => a.label);
    const expected = ['Account 1'];
    for (let i = 0; i < 10; i += 1) expected.push(`hd ${i}`, `watch ${i}`, `key ${i}`);
    expect(labels).toEqual(expected);
    expect(vault.accounts().filter((a) => a.kind === 'hd').map((a) => a.hdIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const reopened = newVault(dir);
    await reopened.unlock(PASSWORD);
    expect(reopened.accounts()).toEqual(vault.accounts());
  });
});
