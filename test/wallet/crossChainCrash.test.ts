/**
 * "The main-side service is killed with SIGKILL between the send and the delivery and started again: the transfer
 * completes and no step runs twice." A child process (bundled with esbuild) drives a core on a temp data dir: it
 * imports the Hardhat mnemonic, finds ETH devnet-a -> USDC devnet-b (swap -> LayerZero -> swap) and starts it; it is
 * SIGKILLed at a chosen point (the bridge step `delivering` while the relayer is paused; the first swap broadcast and
 * not yet confirmed). A new core in this process then unlocks the same data dir and must finish the transfer with
 * every transaction mined once and nothing of a finished step sent again.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonRpcProvider } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { TransferJournal } from '../../electron/services/transfers/transferJournal';
import { Transfer } from '../../shared/domain/transferRecord';
import { CoinGeckoServer } from '../prices/coinGeckoServer';
import { bundleChild } from '../support/bundleChild';
import { createCoreHarness } from '../support/coreHarness';
import type { CrashPoint, CrossChainCrashConfig } from './fixtures/crossChainCrashChild';
import { devnetProviders } from '../support/devnetKit';

const HARDHAT = 'test test test test test test test test test test test junk';
const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const PASSWORD = 'correct horse battery';
const A = 'eip155:31337';
const B = 'eip155:31338';

let devnet: Devnet;
let prices: CoinGeckoServer;
let providers: Record<string, JsonRpcProvider>;
let work: string;
let childBundle: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'strata-crosschain-crash-'));
  [devnet, childBundle] = await Promise.all([startDevnet(), bundleChild(join(__dirname, 'fixtures', 'crossChainCrashChild.ts'), work)]);
  prices = new CoinGeckoServer();
  prices.prices = { ethereum: '3000', 'usd-coin': '1', weth: '3000' };
  await prices.start();
  providers = devnetProviders(devnet);
}, 60_000);
afterAll(async () => {
  for (const p of Object.values(providers ?? {})) p.destroy();
  await devnet?.stop();
  await prices?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const provider = (chain: string) => providers[chain] as JsonRpcProvider;
const nonceOf = async (chain: string) => provider(chain).getTransactionCount(ACCOUNT_0);
const usdcOf = async (): Promise<bigint> => {
  const data = '0x70a08231' + ACCOUNT_0.slice(2).toLowerCase().padStart(64, '0');
  return BigInt(await provider(B).call({ to: devnet.contracts.usdc as string, data }));
};

/** Runs the child until it prints `kill <id>`, SIGKILLs it there, and returns the transfer id. */
async function runChildUntilKilled(killAt: CrashPoint, dataDir: string): Promise<string> {
  const config: CrossChainCrashConfig = {
    dataDir,
    password: PASSWORD,
    mnemonic: HARDHAT,
    devnet: { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts },
    priceApiUrl: prices.baseUrl,
    amount: '0.25',
    killAt,
  };
  const configPath = join(work, `config-${killAt}.json`);
  await writeFile(configPath, JSON.stringify(config));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle, configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let id: string | null = null;
    let stdout = '';
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^kill (\S+)$/m.exec(stdout);
      if (match && id === null) {
        id = match[1] as string;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (id !== null && signal === 'SIGKILL') resolve(id);
      else reject(new Error(`the child was not killed at ${killAt} (code ${code}, signal ${signal}): ${stderr}${stdout}`));
    });
  });
}

/** The journal as the killed process left it. */
async function journaled(dataDir: string, id: string): Promise<Transfer> {
  const transfer = (await TransferJournal.open(dataDir)).get(id);
  if (!transfer) throw new Error(`transfer ${id} is not in the journal`);
  return transfer;
}

const callKeys = (transfer: Transfer, steps: number[]) =>
  steps.map((i) => (transfer.steps[i]?.calls ?? []).map((c) => [c.label, c.chain, c.nonce, c.hash]));

/** Restarts a core on `dataDir` in this process, unlocks it and waits for the transfer to complete. */
async function restartAndComplete(dataDir: string, id: string): Promise<Transfer> {
  const core = await createCoreHarness({
    dataDir,
    devnet: { chains: devnet.chains.map((c) => ({ id: c.id, rpc: c.rpc })), contracts: devnet.contracts },
    priceApiUrl: prices.baseUrl,
  });
  await core.value('vault.unlock', { password: PASSWORD });
  await expect.poll(async () => (await core.value<Transfer>('transfers.get', { id })).status, { timeout: 25_000, interval: 200 }).toBe('completed');
  const done = await core.value<Transfer>('transfers.get', { id });
  await core.value('vault.lock');
  return done;
}

/** Every call of the transfer is mined once at its journaled nonce; each chain's nonce moved by exactly that many. */
async function expectEachCallMinedOnce(transfer: Transfer, nonceBefore: Record<string, number>) {
  const calls = transfer.steps.flatMap((s) => s.calls);
  expect(new Set(calls.map((c) => c.hash)).size).toBe(calls.length);
  for (const chain of [A, B]) {
    const onChain = calls.filter((c) => c.chain === chain);
    expect(onChain.map((c) => c.state)).toEqual(onChain.map(() => 'confirmed'));
    // Consecutive nonces from the one the account had before the run: nothing else was sent in between.
    expect(onChain.map((c) => Number(c.nonce))).toEqual(onChain.map((_c, k) => (nonceBefore[chain] as number) + k));
    for (const call of onChain) {
      const tx = await provider(chain).getTransaction(call.hash);
      const receipt = await provider(chain).getTransactionReceipt(call.hash);
      expect([tx?.from, tx?.nonce, receipt?.status, String(receipt?.blockNumber)]).toEqual([ACCOUNT_0, Number(call.nonce), 1, call.blockNumber]);
    }
    expect(await nonceOf(chain)).toBe((nonceBefore[chain] as number) + onChain.length);
  }
}

describe('cross-chain transfer survives a SIGKILL of the main-side service', () => {
  it('killed while the bridge step is delivering (relayer paused): a new core completes it, no step re-sent', async () => {
    const dataDir = join(work, 'data-delivering');
    const nonces = { [A]: await nonceOf(A), [B]: await nonceOf(B) };
    const usdcBefore = await usdcOf();
    await devnet.relayer.pause();
    let id: string;
    try {
      id = await runChildUntilKilled('bridge-delivering', dataDir);
    } finally {
      devnet.relayer.resume();
    }
    const atKill = await journaled(dataDir, id);
    expect([atKill.status, atKill.steps.map((s) => s.state)]).toEqual(['running', ['confirmed', 'delivering', 'pending']]);
    expect(atKill.steps.map((s) => s.calls.map((c) => c.label.split(' ')[0]))).toEqual([['swap'], ['send'], []]);
    // Nothing of the last step was sent before the kill.
    expect(await nonceOf(B)).toBe(nonces[B]);

    const done = await restartAndComplete(dataDir, id);
    expect(done.steps.map((s) => s.state)).toEqual(['confirmed', 'delivered', 'confirmed']);
    expect(done.steps.map((s) => s.calls.map((c) => c.label.split(' ')[0]))).toEqual([['swap'], ['send'], ['approve', 'swap']]);
    // The swap and the send are the very transactions of the killed process; no step was sent again.
    expect(callKeys(done, [0, 1])).toEqual(callKeys(atKill, [0, 1]));
    expect([done.steps[0]?.amountOut, done.steps[1]?.amountIn]).toEqual([atKill.steps[0]?.amountOut, atKill.steps[0]?.amountOut]);
    await expectEachCallMinedOnce(done, nonces);
    expect(((await usdcOf()) - usdcBefore).toString()).toBe(done.steps[2]?.amountOut);
  }, 60_000);

  it('killed right after the first swap was broadcast: the resume finds it mined and sends it no second time', async () => {
    const dataDir = join(work, 'data-submitted');
    const nonces = { [A]: await nonceOf(A), [B]: await nonceOf(B) };
    const usdcBefore = await usdcOf();
    const id = await runChildUntilKilled('swap-submitted', dataDir);
    const atKill = await journaled(dataDir, id);
    expect([atKill.status, atKill.steps.map((s) => s.state)]).toEqual(['running', ['submitted', 'pending', 'pending']]);
    expect(atKill.steps[0]?.calls.map((c) => [c.label.split(' ')[0], c.state, c.nonce])).toEqual([['swap', 'submitted', String(nonces[A])]]);
    // Automine: the broadcast swap is already in a block although the killed process never saw its receipt.
    expect((await provider(A).getTransactionReceipt(atKill.steps[0]?.calls[0]?.hash as string))?.status).toBe(1);

    const done = await restartAndComplete(dataDir, id);
    expect(done.steps.map((s) => s.state)).toEqual(['confirmed', 'delivered', 'confirmed']);
    expect(callKeys(done, [0])).toEqual(callKeys(atKill, [0]));
    await expectEachCallMinedOnce(done, nonces);
    expect(((await usdcOf()) - usdcBefore).toString()).toBe(done.steps[2]?.amountOut);
  }, 60_000);
});
