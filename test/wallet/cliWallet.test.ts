import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonRpcProvider } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/io';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { hostedDevnetStateDir } from '../support/devnetKit';

const HARDHAT = 'test test test test test test test test test test test junk';
const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const ACCOUNT_5 = '0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc';
const PASSWORD = 'correct horse battery';

let devnet: Devnet;
let env: Record<string, string>;
let vaultDir: string;

/** The CLI in-process with a fake terminal; the devnet is found through its state file, as `strata devnet start` leaves it. */
async function cli(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdin: async () => stdin, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await runCli([...argv, '--json'], io);
  return { code, stderr, json: JSON.parse(stdout.trim().split('\n').pop() ?? 'null') as Record<string, unknown> };
}

const errorCode = (out: { json: Record<string, unknown> }) => (out.json.error as { code: string } | undefined)?.code;

beforeAll(async () => {
  devnet = await startDevnet();
  const stateDir = await hostedDevnetStateDir(devnet, 'strata-cli-devnet-');
  vaultDir = join(await mkdtemp(join(tmpdir(), 'strata-cli-wallet-')), 'vault');
  env = { STRATA_DEVNET_DIR: stateDir, STRATA_PASSWORD: PASSWORD };
  expect((await cli(['vault', 'init', '--dir', vaultDir], HARDHAT)).code).toBe(0);
});
afterAll(async () => devnet?.stop());

describe('strata balance / send / activity on the devnet', () => {
  it('balance prints native and token balances in base units', async () => {
    const out = await cli(['balance', '--chain', 'devnet-a', '--address', ACCOUNT_0.toLowerCase()]);
    expect(out.code).toBe(0);
    expect(out.json.chain).toBe('eip155:31337');
    expect(out.json.address).toBe(ACCOUNT_0);
    expect(out.json.balances).toEqual([
      { asset: 'native', symbol: 'ETH', decimals: 18, amount: (10_000n * 10n ** 18n).toString() },
      { asset: devnet.contracts.usdc, symbol: 'USDC', decimals: 6, amount: (1_000_000n * 10n ** 6n).toString() },
      { asset: devnet.contracts.weth, symbol: 'WETH', decimals: 18, amount: (100n * 10n ** 18n).toString() },
    ]);
  });

  it('send signs with the vault, waits for confirmation, and activity lists it', async () => {
    const provider = new JsonRpcProvider(devnet.chains[0].rpc, undefined, { cacheTimeout: -1 });
    const before = await provider.getBalance(ACCOUNT_5);
    const sent = await cli(['send', '--dir', vaultDir, '--chain', 'devnet-a', '--to', ACCOUNT_5, '--amount', '1.5', '--yes']);
    expect(sent.code).toBe(0);
    expect(sent.json.status).toBe('confirmed');
    expect(sent.json.hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await provider.getBalance(ACCOUNT_5)) - before).toBe(1_500_000_000_000_000_000n);
    const receipt = await provider.getTransactionReceipt(sent.json.hash as string);
    expect(receipt?.from).toBe(ACCOUNT_0);

    const usdc = await cli(['send', '--dir', vaultDir, '--chain', 'devnet-b', '--to', ACCOUNT_5, '--amount', '12.5', '--asset', 'USDC', '--yes']);
    expect(usdc.json.status).toBe('confirmed');

    const activity = await cli(['activity', '--dir', vaultDir]);
    const entries = activity.json.activity as Array<{ hash: string; status: string; amount: string; asset: { symbol: string }; chain: string }>;
    expect(entries.map((e) => [e.chain, e.asset.symbol, e.amount, e.status])).toEqual([
      ['eip155:31338', 'USDC', '12500000', 'confirmed'],
      ['eip155:31337', 'ETH', '1500000000000000000', 'confirmed'],
    ]);
    expect(entries[1]?.hash).toBe(sent.json.hash);
    provider.destroy();
  });

  it('refuses bad input with a stable code and sends nothing', async () => {
    const provider = new JsonRpcProvider(devnet.chains[0].rpc, undefined, { cacheTimeout: -1 });
    const nonce = await provider.getTransactionCount(ACCOUNT_0);
    const send = (...extra: string[]) => cli(['send', '--dir', vaultDir, '--chain', 'devnet-a', '--yes', ...extra]);
    expect(errorCode(await send('--to', ACCOUNT_5.replace('9965', '9966'), '--amount', '1'))).toBe('INVALID_ADDRESS');
    expect(errorCode(await send('--to', '0x1234', '--amount', '1'))).toBe('INVALID_ADDRESS');
    expect(errorCode(await send('--to', ACCOUNT_5, '--amount', '0'))).toBe('INVALID_AMOUNT');
    expect(errorCode(await send('--to', ACCOUNT_5, '--amount=-1'))).toBe('INVALID_AMOUNT');
    expect(errorCode(await send('--to', ACCOUNT_5, '--amount', '1.0000001', '--asset', 'USDC'))).toBe('INVALID_AMOUNT');
    expect(errorCode(await send('--to', ACCOUNT_5, '--amount', '10000'))).toBe('INSUFFICIENT_FUNDS');
    expect(errorCode(await send('--to', ACCOUNT_5, '--amount', '1', '--rpc', 'http://127.0.0.1:9'))).toBe('RPC_UNAVAILABLE');
    expect(errorCode(await send('--to', ACCOUNT_5, '--amount', '1', '--rpc', devnet.chains[1].rpc))).toBe('CHAIN_ID_MISMATCH');
    expect(errorCode(await send('--to', ACCOUNT_5, '--amount', '1', '--asset', 'DOGE'))).toBe('UNKNOWN_ASSET');
    // well-formed addresses that only burn what they get
    expect(errorCode(await send('--to', '0x0000000000000000000000000000000000000000', '--amount', '1'))).toBe('INVALID_RECIPIENT');
    expect(errorCode(await send('--to', '0x000000000000000000000000000000000000dEaD', '--amount', '1'))).toBe('INVALID_RECIPIENT');
    expect(errorCode(await send('--to', devnet.contracts.usdc, '--amount', '1', '--asset', 'USDC'))).toBe('INVALID_RECIPIENT');
    expect(errorCode(await cli(['send', '--dir', vaultDir, '--chain', 'solana', '--to', ACCOUNT_5, '--amount', '1', '--yes']))).toBe('UNKNOWN_CHAIN');
    const unconfirmed = await cli(['send', '--dir', vaultDir, '--chain', 'devnet-a', '--to', ACCOUNT_5, '--amount', '1']);
    expect([unconfirmed.code, errorCode(unconfirmed)]).toEqual([2, 'INVALID_INPUT']);
    expect(unconfirmed.stderr).toContain('Send 1 ETH on Devnet A');
    expect(await provider.getTransactionCount(ACCOUNT_0)).toBe(nonce);
    provider.destroy();
  }, 180_000); // fourteen CLI runs, each one unlocking with the default scrypt cost

  it('names a missing devnet and a bad chain for balance', async () => {
    const saved = env;
    env = { ...env, STRATA_DEVNET_DIR: join(tmpdir(), 'strata-no-devnet-here') };
    try {
      expect(errorCode(await cli(['balance', '--chain', 'devnet-a', '--address', ACCOUNT_0]))).toBe('DEVNET_NOT_RUNNING');
    } finally {
      env = saved;
    }
    expect(errorCode(await cli(['balance', '--chain', 'cosmoshub', '--address', ACCOUNT_0]))).toBe('INVALID_ADDRESS');
  });
});
