import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/io';

const HARDHAT = 'test test test test test test test test test test test junk';
const COSMJS = 'special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling';
const PASSWORD = 'correct horse battery';

async function run(argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: async () => options.stdin ?? '',
    env: options.env ?? {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr, json: stdout.trim() ? (JSON.parse(stdout.trim().split('\n').pop() as string) as Record<string, unknown>) : undefined };
}

describe('strata derive', () => {
  it('prints chain, path, address and compressed public key', async () => {
    const eth = await run(['derive', '--chain', 'ethereum', '--json'], { stdin: HARDHAT + '\n' });
    expect(eth.code).toBe(0);
    expect(eth.json).toEqual({
      chain: 'eip155:1', path: "m/44'/60'/0'/0/0", address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      publicKey: '038318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed75',
    });
    const hub = await run(['derive', '--chain', 'cosmos:cosmoshub-4', '--json'], { stdin: COSMJS });
    expect(hub.json).toEqual({
      chain: 'cosmos:cosmoshub-4', path: "m/44'/118'/0'/0/0", address: 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5',
      publicKey: '02baa4ef93f2ce84592a49b1d729c074eab640112522a7a89f7d03ebab21ded7b6',
    });
    const second = await run(['derive', '--chain', 'arbitrum', '--index', '1', '--json'], { stdin: HARDHAT });
    expect(second.json?.address).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    const account = await run(['derive', '--chain', 'osmosis', '--account', '2', '--index', '3', '--json'], { stdin: COSMJS });
    expect(account.json?.path).toBe("m/44'/118'/2'/0/3");
    expect(account.json?.address).toMatch(/^osmo1/);
  });

  it('applies a BIP-39 passphrase from the named environment variable (TREZOR vector)', async () => {
    const abandon = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
    const plain = await run(['derive', '--chain', 'ethereum', '--json'], { stdin: abandon });
    const withPass = await run(['derive', '--chain', 'ethereum', '--passphrase-env', 'PP', '--json'], { stdin: abandon, env: { PP: 'TREZOR' } });
    expect(plain.json?.address).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
    expect(withPass.json?.address).not.toBe(plain.json?.address);
    const missing = await run(['derive', '--chain', 'ethereum', '--passphrase-env', 'NOPE', '--json'], { stdin: abandon });
    expect([missing.code, missing.json]).toEqual([2, { error: { code: 'INVALID_INPUT', message: 'Environment variable NOPE is not set' } }]);
  });

  it('reports errors: one stderr line, JSON on stdout, non-zero exit', async () => {
    const unknown = await run(['derive', '--chain', 'solana', '--json'], { stdin: HARDHAT });
    expect(unknown).toEqual({
      code: 1, stdout: '{"error":{"code":"UNKNOWN_CHAIN","message":"Unknown chain \\"solana\\""}}\n',
      stderr: 'strata: UNKNOWN_CHAIN: Unknown chain "solana"\n', json: { error: { code: 'UNKNOWN_CHAIN', message: 'Unknown chain "solana"' } },
    });
    const bad = await run(['derive', '--chain', 'ethereum', '--json'], { stdin: HARDHAT.replace('junk', 'test') });
    expect([bad.code, (bad.json?.error as { code: string }).code]).toEqual([1, 'INVALID_MNEMONIC']);
    expect(bad.stderr.split('\n')).toHaveLength(2);
    expect(bad.stderr).not.toContain('test test');
    const flag = await run(['derive', '--chian', 'ethereum', '--json']);
    expect([flag.code, (flag.json?.error as { code: string }).code]).toEqual([2, 'INVALID_INPUT']);
    const index = await run(['derive', '--chain', 'ethereum', '--index', '-1', '--json'], { stdin: HARDHAT });
    expect((index.json?.error as { code: string }).code).toBe('INVALID_INPUT');
  });
});

describe('strata chains', () => {
  it('lists chains with family, native asset, decimals, prefix and coin type', async () => {
    const out = await run(['chains', '--json']);
    const chains = out.json?.chains as Array<Record<string, unknown>>;
    expect(chains).toHaveLength(13);
    expect(chains.find((c) => c.alias === 'cosmoshub')).toEqual({
      id: 'cosmos:cosmoshub-4', alias: 'cosmoshub', name: 'Cosmos Hub', family: 'cosmos', nativeAsset: 'ATOM', denom: 'uatom', decimals: 6, bech32Prefix: 'cosmos', coinType: 118,
    });
    expect(chains[0]).toEqual({ id: 'eip155:1', alias: 'ethereum', name: 'Ethereum', family: 'evm', nativeAsset: 'ETH', denom: 'wei', decimals: 18, bech32Prefix: null, coinType: 60 });
  });
});

describe('strata vault (default KDF parameters)', () => {
  it('init, unlock and accounts; wrong password, missing, corrupt and newer-format vaults', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'strata-cli-')), 'vault');
    const env = { STRATA_PASSWORD: PASSWORD };
    const init = await run(['vault', 'init', '--dir', dir, '--json'], { stdin: HARDHAT, env });
    expect(init.code).toBe(0);
    expect((init.json?.accounts as AccountLike[])[0]?.addresses[0]?.address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    const header = JSON.parse(await readFile(join(dir, 'vault.json'), 'utf8')) as { kdf: { N: number } };
    expect(header.kdf.N).toBe(2 ** 17);

    expect((await run(['vault', 'unlock', '--dir', dir, '--json'], { env })).json).toEqual({ unlocked: true, hasMnemonic: true, accountCount: 1 });
    const accounts = await run(['vault', 'accounts', '--dir', dir, '--json'], { env });
    expect((accounts.json?.accounts as AccountLike[])[0]?.addresses.find((a) => a.chain === 'cosmos:osmosis-1')?.path).toBe("m/44'/118'/0'/0/0");

    const again = await run(['vault', 'init', '--dir', dir, '--json'], { stdin: HARDHAT, env });
    expect((again.json?.error as { code: string }).code).toBe('VAULT_EXISTS');
    const wrong = await run(['vault', 'unlock', '--dir', dir, '--json'], { env: { STRATA_PASSWORD: 'nope nope nope' } });
    expect([wrong.code, (wrong.json?.error as { code: string }).code]).toEqual([1, 'WRONG_PASSWORD']);
    const none = await run(['vault', 'unlock', '--dir', join(dir, 'missing'), '--json'], { env });
    expect((none.json?.error as { code: string }).code).toBe('VAULT_NOT_FOUND');
    const noPassword = await run(['vault', 'unlock', '--dir', dir, '--json']);
    expect((noPassword.json?.error as { code: string }).code).toBe('INVALID_INPUT');

    const original = await readFile(join(dir, 'vault.json'), 'utf8');
    await writeFile(join(dir, 'vault.json'), JSON.stringify({ ...JSON.parse(original), version: 99 }));
    expect(((await run(['vault', 'unlock', '--dir', dir, '--json'], { env })).json?.error as { code: string }).code).toBe('VAULT_NEWER_FORMAT');
    await writeFile(join(dir, 'vault.json'), original.slice(0, original.length / 2));
    expect(((await run(['vault', 'unlock', '--dir', dir, '--json'], { env })).json?.error as { code: string }).code).toBe('VAULT_CORRUPT');
  });

  it('change-password: the new password from STRATA_NEW_PASSWORD; afterwards the old one opens no file in the directory', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'strata-cli-')), 'vault');
    const env = { STRATA_PASSWORD: PASSWORD };
    expect((await run(['vault', 'init', '--dir', dir, '--json'], { stdin: HARDHAT, env })).code).toBe(0);
    const code = (out: { json?: Record<string, unknown> }) => (out.json?.error as { code: string } | undefined)?.code;
    expect(code(await run(['vault', 'change-password', '--dir', dir, '--json'], { env }))).toBe('INVALID_INPUT');
    expect(code(await run(['vault', 'change-password', '--dir', dir, '--json'], { env: { ...env, STRATA_NEW_PASSWORD: 'short' } }))).toBe('WEAK_PASSWORD');
    expect(code(await run(['vault', 'change-password', '--dir', dir, '--json'], { env: { STRATA_PASSWORD: 'not the password', STRATA_NEW_PASSWORD: 'a new long password' } }))).toBe('WRONG_PASSWORD');

    const changed = await run(['vault', 'change-password', '--dir', dir, '--json'], { env: { ...env, STRATA_NEW_PASSWORD: 'a new long password' } });
    expect([changed.code, changed.json]).toEqual([0, { changed: true }]);
    expect((await readdir(dir)).filter((name) => name.startsWith('vault.json')).sort()).toEqual(['vault.json', 'vault.json.bak']);
    expect(code(await run(['vault', 'unlock', '--dir', dir, '--json'], { env }))).toBe('WRONG_PASSWORD');
    await rm(join(dir, 'vault.json'));
    expect(code(await run(['vault', 'unlock', '--dir', dir, '--json'], { env }))).toBe('WRONG_PASSWORD');
    expect((await run(['vault', 'unlock', '--dir', dir, '--json'], { env: { STRATA_PASSWORD: 'a new long password' } })).json).toEqual({ unlocked: true, hasMnemonic: true, accountCount: 1 });
  }, 60_000);

  it('--generate shows the phrase once on stderr, never on stdout', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'strata-cli-')), 'vault');
    const out = await run(['vault', 'init', '--dir', dir, '--generate', '--words', '12', '--json'], { env: { STRATA_PASSWORD: PASSWORD } });
    expect(out.code).toBe(0);
    const phrase = /\n {2}([a-z ]+)\n/.exec(out.stderr)?.[1] ?? '';
    expect(phrase.split(' ')).toHaveLength(12);
    expect(out.stdout).not.toContain(phrase.split(' ').slice(0, 2).join(' '));
    const weak = await run(['vault', 'init', '--dir', dir + '2', '--generate', '--json'], { env: { STRATA_PASSWORD: 'short' } });
    expect((weak.json?.error as { code: string }).code).toBe('WEAK_PASSWORD');
  });
});

type AccountLike = { addresses: Array<{ chain: string; address: string; path: string | null }> };

describe('the built strata binary', () => {
  const bin = join(__dirname, '..', '..', 'bin', 'strata.cjs');
  const bundle = join(__dirname, '..', '..', 'dist', 'cli', 'strata.cjs');

  it('runs as a separate process through bin/strata.cjs (after npm run build)', async () => {
    expect(existsSync(bundle), 'dist/cli/strata.cjs is missing: run `npm run build` before the tests').toBe(true);
    const child = execFile(process.execPath, [bin, 'derive', '--chain', 'ethereum', '--json']);
    child.stdin?.end(HARDHAT);
    const stdout = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d) => (out += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
    expect(JSON.parse(stdout).address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    const failing = await promisify(execFile)(process.execPath, [bin, 'chains', '--bogus', '--json']).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(failing).toMatchObject({ code: 2, stdout: '{"error":{"code":"INVALID_INPUT","message":"Unknown option \'--bogus\'"}}\n', stderr: "strata: INVALID_INPUT: Unknown option '--bogus'\n" });
  });
});
