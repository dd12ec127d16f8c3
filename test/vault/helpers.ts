/** Shared helpers of the vault tests: temp dirs, on-disk snapshots, error-code assertions, small scrypt costs. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { StrataError, type ErrorCode } from '../../shared/errors';
import { Vault } from '../../electron/services/vault/vault';

/** Cheap scrypt cost so that tests run in milliseconds; one test checks the real default. */
export const FAST_KDF = { N: 2 ** 10 } as const;
export const PASSWORD = 'correct horse battery staple';
/** Hardhat / anvil test mnemonic: account 0 is 0xf39F...2266, account 1 is 0x7099...79C8. */
export const TEST_MNEMONIC = 'test test test test test test test test test test test junk';
/** Hardhat account 0's private key. */
export const HARDHAT_KEY_0 = 'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
export const HARDHAT_ADDRESS_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const HARDHAT_ADDRESS_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'strata-vault-test-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export function vaultPath(dir: string): string {
  return join(dir, 'vault.json');
}

export function backupPath(dir: string): string {
  return join(dir, 'vault.json.bak');
}

export function newVault(dir: string, kdf: { N?: number; r?: number; p?: number } = FAST_KDF): Vault {
  return new Vault({ dir, kdf });
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The exact bytes of vault.json and vault.json.bak (null when absent). */
export async function snapshot(dir: string): Promise<{ main: Buffer | null; backup: Buffer | null }> {
  return { main: await readOrNull(vaultPath(dir)), backup: await readOrNull(backupPath(dir)) };
}

/** vault.json as the tests see it: any field may be edited, including to a wrong type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = Record<string, any>;

export async function readVaultJson(path: string): Promise<LooseJson> {
  return JSON.parse(await readFile(path, 'utf8')) as LooseJson;
}

export async function writeVaultJson(path: string, json: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(json, null, 2));
}

/** Awaits `action` and returns the StrataError it must throw with `code`. */
export async function expectStrataError(action: Promise<unknown> | (() => unknown), code: ErrorCode): Promise<StrataError> {
  let caught: unknown;
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StrataError);
  expect((caught as StrataError).code).toBe(code);
  return caught as StrataError;
}

export function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}
