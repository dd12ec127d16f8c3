/**
 * Crash safety of the executor: a child process runs a two-step transfer (wrap ETH on devnet-a, send WETH on
 * devnet-b) on the real devnet, signing through a real vault, and is SIGKILLed at chosen and random points: right
 * after signing (not journaled), after the signed transaction is journaled (not broadcast), after the broadcast (not
 * journaled as submitted), between the steps, ... After each kill either a new child or this process resumes from
 * the journal. Every run must complete, and the chain must show that each step was mined exactly once: the sender's
 * nonce on each chain moved by exactly one per run, and the balances by exactly one deposit and one transfer.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resumeTransfers } from '../../electron/services/transfers/runTransfer';
import { TransferJournal } from '../../electron/services/transfers/transferJournal';
import { seededRandom } from '../../shared/seededRandom';
import { ETH, PASSWORD, receiptOf, startEvmFixture, type EvmFixture } from '../evm/support';
import { bundleChild } from '../support/bundleChild';
import { crashRunners, type CrashConfig } from './fixtures/crashPlan';

/** Events of an uninterrupted run (see fixtures/crashChild.ts): every one of them is a first kill point once. */
const FRESH_RUN_EVENTS = 12;
const MIN_KILLS = 24;

let fx: EvmFixture;
let work: string;
let childBundle: string;
let configPath: string;
let config: CrashConfig;

beforeAll(async () => {
  fx = await startEvmFixture(1);
  work = await mkdtemp(join(tmpdir(), 'strata-transfer-crash-'));
  childBundle = await bundleChild(join(__dirname, 'fixtures', 'crashChild.ts'), work);
  config = {
    vaultDir: fx.dir,
    password: PASSWORD,
    dataDir: join(work, 'data'),
    rpcA: fx.devnet.chains[0].rpc,
    rpcB: fx.devnet.chains[1].rpc,
    weth: fx.devnet.contracts.weth,
    recipient: fx.devnet.accounts[10] as string,
    amount: (ETH / 100n).toString(),
  };
  configPath = join(work, 'config.json');
  await writeFile(configPath, JSON.stringify(config));
});
afterAll(async () => {
  await fx?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

interface ChildResult {
  /** the kind of the last event reported before the kill, or null */
  killedAfter: string | null;
  done: boolean;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the child; kills it at its `hangAt`-th event, or `delayMs` after it is ready, whichever is asked. */
function runChild(plan: { hangAt: number; delayMs?: number }, mode: 'start' | 'resume', id?: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const args = [childBundle, configPath, String(plan.hangAt), mode, ...(id ? [id] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const result: ChildResult = { killedAfter: null, done: false, signal: null, stderr: '' };
    let lastEvent: string | null = null;
    let buffer = '';
    const kill = () => {
      result.killedAfter = lastEvent ?? 'start';
      child.kill('SIGKILL');
    };
    const guard = setTimeout(kill, 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('event ')) lastEvent = line.split(' ').slice(2).join(' ');
        else if (line === 'hang') kill();
        else if (line === 'ready' && plan.delayMs !== undefined) setTimeout(kill, plan.delayMs);
        else if (line === 'done') result.done = true;
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (result.stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      result.signal = signal;
      resolve(result);
    });
  });
}

/** Where a kill landed, in the categories the brief asks about. */
function category(kind: string): string {
  if (kind.startsWith('signed-unjournaled')) return 'signed, not journaled';
  if (kind.startsWith('broadcast')) return 'broadcast, not journaled as submitted';
  if (/^progress running:(signed,pending|confirmed,signed)$/.test(kind)) return 'signed + journaled, not broadcast';
  if (/submitted/.test(kind)) return 'submitted, waiting for the receipt';
  if (kind === 'progress running:confirmed,pending') return 'between the steps';
  return kind;
}

describe('runTransfer crash safety', () => {
  it(`never sends a step twice when SIGKILLed at ${MIN_KILLS}+ points`, async () => {
    const seed = Number(process.env.TRANSFER_CRASH_SEED ?? Date.now() % 2 ** 31);
    const random = seededRandom(seed);
    const context = `seed ${seed}`;
    const started = Date.now();
    const me = fx.addresses[0] as string;
    const amount = BigInt(config.amount);
    const weth = (address: string, alias: 'devnet-a' | 'devnet-b') => fx.tokenBalanceOf(config.weth, address, alias);
    const start = { nonceA: await fx.nonceOf(me), nonceB: await fx.nonceOf(me, 'devnet-b'), wethA: await weth(me, 'devnet-a'), recipientB: await weth(config.recipient, 'devnet-b') };
    const kills = new Map<string, number>();
    let killCount = 0;
    let childResumes = 0;
    let parentResumes = 0;
    let runs = 0;
    const journaled: Array<{ id: string; index: number; hash: string }> = [];

    while ((runs < FRESH_RUN_EVENTS || killCount < MIN_KILLS) && runs < 40) {
      const id = `run-${runs}`;
      const before = { nonceA: await fx.nonceOf(me), nonceB: await fx.nonceOf(me, 'devnet-b'), wethA: await weth(me, 'devnet-a'), recipientB: await weth(config.recipient, 'devnet-b') };
      // First kill: each event of a fresh run in turn; then up to two more kills in resuming children.
      let result = await runChild({ hangAt: (runs % FRESH_RUN_EVENTS) + 1 }, 'start', id);
      let runKills = 0;
      for (;;) {
        expect(result.stderr, context).toBe('');
        if (result.done) break;
        expect(result.signal, context).toBe('SIGKILL');
        killCount += 1;
        runKills += 1;
        const where = category(result.killedAfter ?? 'start');
        kills.set(where, (kills.get(where) ?? 0) + 1);
        // Every transaction the journal holds as signed at a kill must be the one that ends up mined: a resume
        // re-sends those bytes, it never builds another transaction for the step.
        for (const [index, step] of ((await TransferJournal.open(config.dataDir)).get(id)?.steps ?? []).entries()) {
          for (const call of step.calls) journaled.push({ id, index, hash: call.hash });
        }
        if (runKills >= 3 || random() < 0.3) break;
        childResumes += 1;
        const plan = random() < 0.5 ? { hangAt: 1 + Math.floor(random() * 8) } : { hangAt: 0, delayMs: Math.floor(random() * 250) };
        result = await runChild(plan, 'resume');
      }
      if (!result.done) {
        // Resume in this process, from a journal opened afresh, with the parent's own vault.
        parentResumes += 1;
        const journal = await TransferJournal.open(config.dataDir);
        expect(journal.recovered, context).toBe(null);
        const runners = crashRunners(config, fx.targetA, fx.targetB, fx.signer(0));
        const resumed = await resumeTransfers({ journal, runnerFor: (_s, i) => runners[i]!, pollMs: 20 });
        expect(resumed.map((r) => r.error), context).toEqual(resumed.map(() => null));
      }

      const transfer = (await TransferJournal.open(config.dataDir)).get(id);
      expect(transfer?.status, `${context}, ${id}`).toBe('completed');
      const [wrap, send] = transfer!.steps;
      // One call per step in the journal, at the nonce the chain had before the run, mined with status 1.
      expect(wrap!.calls.map((c) => [c.state, c.nonce]), context).toEqual([['confirmed', before.nonceA.toString()]]);
      expect(send!.calls.map((c) => [c.state, c.nonce]), context).toEqual([['confirmed', before.nonceB.toString()]]);
      expect((await receiptOf(fx.devnet, wrap!.calls[0]!.hash, 'devnet-a')).status, context).toBe(1n);
      expect((await receiptOf(fx.devnet, send!.calls[0]!.hash, 'devnet-b')).status, context).toBe(1n);
      expect(wrap!.amountOut, context).toBe(amount.toString());
      for (const seen of journaled.filter((j) => j.id === id)) expect(transfer!.steps[seen.index]!.calls[0]!.hash, context).toBe(seen.hash);
      // Nothing sent twice: exactly one transaction per chain, one deposit, one transfer.
      expect(await fx.nonceOf(me), `${context}, ${id}`).toBe(before.nonceA + 1n);
      expect(await fx.nonceOf(me, 'devnet-b'), `${context}, ${id}`).toBe(before.nonceB + 1n);
      expect(await weth(me, 'devnet-a'), context).toBe(before.wethA + amount);
      expect(await weth(config.recipient, 'devnet-b'), context).toBe(before.recipientB + amount);
      runs += 1;
    }

    const total = BigInt(runs);
    expect(await fx.nonceOf(me)).toBe(start.nonceA + total);
    expect(await fx.nonceOf(me, 'devnet-b')).toBe(start.nonceB + total);
    expect(await weth(me, 'devnet-a')).toBe(start.wethA + total * amount);
    expect(await weth(config.recipient, 'devnet-b')).toBe(start.recipientB + total * amount);
    const journal = await TransferJournal.open(config.dataDir);
    expect(journal.list().map((t) => t.status)).toEqual(Array.from({ length: runs }, () => 'completed'));

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `transfer crash test (${context}): ${killCount} SIGKILLs over ${runs} transfers in ${seconds}s; ` +
        `${childResumes} resumes in a new child, ${parentResumes} in this process; ${journaled.length} journaled transactions ` +
        `seen at kills, each the one mined; kills by point: ` +
        [...kills.entries()].map(([k, n]) => `${k} ${n}`).join('; '),
    );
    expect(killCount).toBeGreaterThanOrEqual(MIN_KILLS);
    // The first kills of the runs hit each of these once per step (the between-steps point once per run).
    for (const point of ['signed, not journaled', 'signed + journaled, not broadcast', 'broadcast, not journaled as submitted', 'submitted, waiting for the receipt']) {
      expect(kills.get(point) ?? 0, point).toBeGreaterThanOrEqual(2);
    }
    expect(kills.get('between the steps') ?? 0).toBeGreaterThanOrEqual(1);
  }, 80_000);
});
