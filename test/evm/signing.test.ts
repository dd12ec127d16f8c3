import { Transaction, Wallet } from 'ethers';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvmTransfer } from '../../electron/services/evm/buildEvmTransfer';
import { nonceManager } from '../../electron/services/evm/nonceManager';
import { signEvmTransaction } from '../../electron/services/evm/signEvmTransaction';
import { vaultEvmSigner } from '../../electron/services/evm/vaultEvmSigner';
import { Vault } from '../../electron/services/vault/vault';
import { expectStrataRejection } from '../unit/expectStrataError';

const MNEMONIC = 'test test test test test test test test test test test junk';
/** Hardhat's published account 0 and 1 (from the test mnemonic). */
const ADDRESS_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const KEY_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
const ADDRESS_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

let dir: string;
let vault: Vault;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-evm-sign-'));
  vault = new Vault({ dir, kdf: { N: 2 ** 10 } });
  await vault.create('correct horse battery staple', { mnemonic: MNEMONIC, passphrase: '' });
  await vault.addHdAccount();
});
afterAll(async () => {
  vault.lock();
  await rm(dir, { recursive: true, force: true });
});

describe('signing through the vault', () => {
  it('vaultEvmSigner has the published Hardhat addresses', () => {
    const [a, b] = vault.accounts();
    expect(vaultEvmSigner(vault, a?.id as string).address).toBe(ADDRESS_0);
    expect(vaultEvmSigner(vault, b?.id as string).address).toBe(ADDRESS_1);
  });

  it('produces exactly the bytes ethers\' Wallet signs (RFC 6979), for a native and a token transfer', async () => {
    const signer = vaultEvmSigner(vault, vault.accounts()[0]?.id as string);
    const wallet = new Wallet(KEY_0);
    for (const asset of [{ kind: 'native' as const }, { kind: 'erc20' as const, address: '0x5632C04D71dE31E42B72A94cAabb45DE643617AF' }]) {
      const tx = buildEvmTransfer({ chainId: 31337n, nonce: 7n, to: ADDRESS_1, asset, amount: 123_456_789n, gasLimit: 65_000n, fee: { maxFeePerGas: 3_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n } });
      const signed = await signEvmTransaction(tx, signer, ADDRESS_0);
      expect(signed.serialized).toBe(await wallet.signTransaction(tx));
      const decoded = Transaction.from(signed.serialized);
      expect([decoded.type, decoded.chainId, decoded.nonce, decoded.from]).toEqual([2, 31337n, 7, ADDRESS_0]);
      // The input stays unsigned.
      expect(tx.isSigned()).toBe(false);
    }
  });

  it('refuses a signature that does not recover to the sender', async () => {
    const signer = vaultEvmSigner(vault, vault.accounts()[1]?.id as string);
    const tx = buildEvmTransfer({ chainId: 1n, nonce: 0n, to: ADDRESS_0, asset: { kind: 'native' }, amount: 1n, gasLimit: 21_000n, fee: { maxFeePerGas: 2n, maxPriorityFeePerGas: 1n } });
    await expectStrataRejection(signEvmTransaction(tx, signer, ADDRESS_0), 'INTERNAL', /does not come from the sending account/);
    const broken = { ...signer, signDigest: async () => ({ signature: new Uint8Array(63), recovery: 0 }) };
    await expectStrataRejection(signEvmTransaction(tx, broken, ADDRESS_1), 'INTERNAL', /malformed signature/);
  });
});

describe('nonceManager', () => {
  const chain = 'eip155:31337';

  it('hands out consecutive nonces to concurrent reservations although the chain lags', async () => {
    const nonces = nonceManager();
    let reads = 0;
    const pending = async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 4n;
    };
    const got = await Promise.all([1, 2, 3, 4, 5].map(() => nonces.reserve(chain, ADDRESS_0, pending)));
    expect(got).toEqual([4n, 5n, 6n, 7n, 8n]);
    expect(reads).toBe(5);
    expect(await nonces.peek(chain, ADDRESS_0, pending)).toBe(9n);
    // Addresses are one account whatever their case; other chains and accounts are separate.
    expect(await nonces.peek(chain, ADDRESS_0.toLowerCase(), pending)).toBe(9n);
    expect(await nonces.peek('eip155:1', ADDRESS_0, pending)).toBe(4n);
    expect(await nonces.peek(chain, ADDRESS_1, pending)).toBe(4n);
  });

  it('follows the chain when it is ahead (transactions sent by another wallet)', async () => {
    const nonces = nonceManager();
    expect(await nonces.reserve(chain, ADDRESS_0, async () => 0n)).toBe(0n);
    expect(await nonces.reserve(chain, ADDRESS_0, async () => 10n)).toBe(10n);
    expect(await nonces.reserve(chain, ADDRESS_0, async () => 3n)).toBe(11n);
  });

  it('undoes the last reservation on release, resyncs from the chain after an earlier one', async () => {
    const nonces = nonceManager();
    const chainSays = async () => 0n;
    const [a, b, c] = [await nonces.reserve(chain, ADDRESS_0, chainSays), await nonces.reserve(chain, ADDRESS_0, chainSays), await nonces.reserve(chain, ADDRESS_0, chainSays)];
    nonces.release(chain, ADDRESS_0, c);
    expect(await nonces.reserve(chain, ADDRESS_0, chainSays)).toBe(2n);
    nonces.release(chain, ADDRESS_0, a);
    // A gap at 0: the chain's pending count (here still 0) decides, so the gap is filled.
    expect(await nonces.reserve(chain, ADDRESS_0, chainSays)).toBe(0n);
    expect(b).toBe(1n);
    nonces.resync(chain, ADDRESS_0);
    expect(await nonces.peek(chain, ADDRESS_0, async () => 5n)).toBe(5n);
  });

  it('keeps serving after a failed chain read', async () => {
    const nonces = nonceManager();
    await expect(nonces.reserve(chain, ADDRESS_0, async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await nonces.reserve(chain, ADDRESS_0, async () => 2n)).toBe(2n);
  });
});
