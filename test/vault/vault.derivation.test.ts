import { Secp256k1HdWallet } from '@cosmjs/amino';
import { makeCosmoshubPath } from '@cosmjs/amino';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { computeAddress, hexlify, HDNodeWallet, Signature, SigningKey } from 'ethers';
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

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => removeDir(dir));

describe('Vault key derivation and signing', () => {
  it('derives the published Hardhat addresses for m/44\'/60\'/0\'/0/0 and /1', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    const account0 = vault.accounts()[0]!;
    const account1 = await vault.addHdAccount();
    expect(account1.hdIndex).toBe(1);

    const pk0 = vault.publicKeyFor(account0.id, 60);
    expect(pk0.path).toBe("m/44'/60'/0'/0/0");
    expect(pk0.publicKey).toHaveLength(33);
    expect(computeAddress(hexlify(pk0.publicKey))).toBe(HARDHAT_ADDRESS_0);
    const pk1 = vault.publicKeyFor(account1.id, 60);
    expect(pk1.path).toBe("m/44'/60'/0'/0/1");
    expect(computeAddress(hexlify(pk1.publicKey))).toBe(HARDHAT_ADDRESS_1);

    // the same after a relock (no stale cache, seed recomputed)
    vault.lock();
    await vault.unlock(PASSWORD);
    expect(computeAddress(hexlify(vault.publicKeyFor(account1.id, 60).publicKey))).toBe(HARDHAT_ADDRESS_1);
    // returned arrays are copies: mutating one does not poison the cache
    vault.publicKeyFor(account0.id, 60).publicKey.fill(0);
    expect(computeAddress(hexlify(vault.publicKeyFor(account0.id, 60).publicKey))).toBe(HARDHAT_ADDRESS_0);
  });

  it('matches cosmjs for coin type 118 and ethers with a BIP-39 passphrase', async () => {
    const mnemonic = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic, passphrase: 'TREZOR' });
    const id = vault.accounts()[0]!.id;

    const cosmos = await Secp256k1HdWallet.fromMnemonic(mnemonic, { bip39Password: 'TREZOR', hdPaths: [makeCosmoshubPath(0)] });
    const [cosmosAccount] = await cosmos.getAccounts();
    const ours118 = vault.publicKeyFor(id, 118);
    expect(ours118.path).toBe("m/44'/118'/0'/0/0");
    expect(hexlify(ours118.publicKey)).toBe(hexlify(cosmosAccount!.pubkey));

    const evm = HDNodeWallet.fromPhrase(mnemonic, 'TREZOR', "m/44'/60'/0'/0/0");
    expect(hexlify(vault.publicKeyFor(id, 60).publicKey)).toBe(evm.publicKey);
  });

  it('signs a digest (low-s, r||s + recovery id) that verifies and recovers, for HD and imported keys', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    const hd = vault.accounts()[0]!;
    const imported = await vault.importPrivateKey(hexToBytes(HARDHAT_KEY_0), 'same key as HD 0');
    const digest = keccak_256(new TextEncoder().encode('strata vault signing test'));

    for (const account of [hd, imported]) {
      const { publicKey, path } = vault.publicKeyFor(account.id, 60);
      expect(path).toBe(account.kind === 'hd' ? "m/44'/60'/0'/0/0" : null);
      const { signature, recovery } = await vault.signDigest(account.id, 60, digest);
      expect(signature).toHaveLength(64);
      expect([0, 1]).toContain(recovery);
      expect(secp256k1.verify(signature, digest, publicKey, { prehash: false })).toBe(true);
      const sig = secp256k1.Signature.fromBytes(signature).addRecoveryBit(recovery);
      expect(sig.hasHighS()).toBe(false);
      expect(hexlify(sig.recoverPublicKey(digest).toBytes(true))).toBe(hexlify(publicKey));
      // ethers agrees on the signer
      const ethersSig = Signature.from({ r: hexlify(signature.slice(0, 32)), s: hexlify(signature.slice(32)), v: 27 + recovery });
      expect(computeAddress(SigningKey.recoverPublicKey(digest, ethersSig))).toBe(HARDHAT_ADDRESS_0);
    }
    // RFC 6979: deterministic, and identical for the HD key and the same key imported
    const a = await vault.signDigest(hd.id, 60, digest);
    const b = await vault.signDigest(imported.id, 60, digest);
    expect(hexlify(a.signature)).toBe(hexlify(b.signature));
    // an imported key is the same on every coin type
    expect(hexlify(vault.publicKeyFor(imported.id, 118).publicKey)).toBe(hexlify(vault.publicKeyFor(imported.id, 60).publicKey));
  });

  it('refuses watch-only accounts, unknown ids, bad coin types and digests', async () => {
    const vault = newVault(dir);
    await vault.create(PASSWORD, { mnemonic: TEST_MNEMONIC, passphrase: '' });
    const hd = vault.accounts()[0]!;
    const watch = await vault.addWatch({ family: 'evm', chain: null, address: HARDHAT_ADDRESS_1 });
    await expectStrataError(() => vault.publicKeyFor(watch.id, 60), 'INVALID_INPUT');
    await expectStrataError(vault.signDigest(watch.id, 60, new Uint8Array(32)), 'INVALID_INPUT');
    await expectStrataError(() => vault.publicKeyFor('ffffffffffffffff', 60), 'ACCOUNT_NOT_FOUND');
    await expectStrataError(() => vault.publicKeyFor(hd.id, -1), 'INVALID_PATH');
    await expectStrataError(() => vault.publicKeyFor(hd.id, 2 ** 31), 'INVALID_PATH');
    await expectStrataError(() => vault.publicKeyFor(hd.id, 1.5), 'INVALID_PATH');
    await expectStrataError(vault.signDigest(hd.id, 60, new Uint8Array(31)), 'INVALID_INPUT');
    await expectStrataError(vault.signDigest(hd.id, 60, new Uint8Array(33)), 'INVALID_INPUT');
  });
});
