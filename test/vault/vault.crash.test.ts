/**
 * Crash safety: a child process saves in a loop and is killed with SIGKILL at random points, at least 200 times
 * while a save is in flight. After every kill a fresh Vault must unlock, and hold exactly the state before or after
 * the interrupted save; vault.json.bak must hold the state before that.
 *
 * The child is bundled once with esbuild and started as plain `node child.cjs`: through `node --import tsx` each
 * start costs 0.5-0.7 s here (200 starts > 2 min), bundled about 0.15 s.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeys } from '../../electron/services/vault/encryption';
import { openPayload } from '../../electron/services/vault/sealedPayload';
import { parseVaultFile } from '../../electron/services/vault/vaultFile';
import { Vault } from '../../electron/services/vault/vault';
import { CRASH_KDF, CRASH_PASSWORD, expectedAccounts, stateOf } from './fixtures/crashPlan';
import { backupPath, HARDHAT_KEY_0, hexToBytes, makeTempDir, removeDir } from './helpers';
import { seededRandom } from '../../shared/seededRandom';
import { bundleChild } from '../support/bundleChild';

const REQUIRED_IN_FLIGHT_KILLS = 200;
const MAX_RUNS = 1500;
// The loop ends as soon as the count is reached (about 45 s on an idle 2-core machine); the budget only bounds a
// pathologically slow machine.
const TIME_BUDGET_MS = 420_000;

let work: string;
let childBundle: string;

beforeAll(async () => {
  work = await makeTempDir();
  childBundle = await bundleChild(join(__dirname, 'fixtures', 'crashChild.ts'), work);
});
afterAll(async () => removeDir(work));


interface RunResult {
  ready: number | null;
  lastBegin: number | null;
  lastDone: number | null;
  stderr: string;
  exitSignal: NodeJS.Signals | null;
}

/**
 * Starts the child and kills it: either `delayMs` after it reports ready, or as soon as it reports the start of its
 * `killAtBegin`-th save.
 */
function runAndKill(dir: string, plan: { delayMs: number } | { killAtBegin: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const result: RunResult = { ready: null, lastBegin: null, lastDone: null, stderr: '', exitSignal: null };
    let buffer = '';
    let begins = 0;
    let killed = false;
    const kill = () => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const guard = setTimeout(kill, 10_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const [kind, value] = buffer.slice(0, newline).split(' ');
        buffer = buffer.slice(newline + 1);
        const n = Number(value);
        if (kind === 'ready') {
          result.ready = n;
          if ('delayMs' in plan) setTimeout(kill, plan.delayMs);
        } else if (kind === 'begin') {
          result.lastBegin = n;
          begins += 1;
          if ('killAtBegin' in plan && begins >= plan.killAtBegin) kill();
        } else if (kind === 'done') {
          result.lastDone = n;
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (result.stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      result.exitSignal = signal;
      resolve(result);
    });
  });
}

async function backupState(dir: string): Promise<number | null> {
  let text: string;
  try {
    text = await readFile(backupPath(dir), 'utf8');
  } catch {
    return null;
  }
  const file = parseVaultFile(text);
  const payload = openPayload(await deriveKeys(CRASH_PASSWORD, file.header.salt, file.header.params), file);
  return stateOf(payload.accounts);
}

interface Stats {
  runs: number;
  inFlight: number;
  idle: number;
  sawOld: number;
  sawNew: number;
  saves: number;
  strayTempFiles: number;
  backupSame: number;
}

/** One sequence of kill/verify rounds on its own vault directory, until the shared count is reached. */
async function killLane(dir: string, random: () => number, stats: Stats, context: string, stopAt: number): Promise<number> {
  const setup = new Vault({ dir, kdf: CRASH_KDF });
  await setup.create(CRASH_PASSWORD, { privateKey: hexToBytes(HARDHAT_KEY_0) });
  await setup.rename(setup.accounts()[0]!.id, 'state-0');
  setup.lock();
  let known = 0;

  while (stats.inFlight < REQUIRED_IN_FLIGHT_KILLS && stats.runs < MAX_RUNS && Date.now() < stopAt) {
    stats.runs += 1;
    const plan = random() < 0.5 ? { delayMs: Math.floor(random() * 25) } : { killAtBegin: 1 + Math.floor(random() * 6) };
    const run = await runAndKill(dir, plan);
    expect(run.stderr, context).toBe('');
    expect(run.exitSignal, context).toBe('SIGKILL');
    expect(run.ready, context).toBe(known);

    const lastDone = run.lastDone ?? known;
    const lastBegin = run.lastBegin ?? known;
    const inFlight = lastBegin > lastDone;
    stats.inFlight += inFlight ? 1 : 0;
    stats.idle += inFlight ? 0 : 1;
    stats.saves += lastDone - known;

    const entries = await readdir(dir);
    stats.strayTempFiles += entries.filter((name) => name.includes('.tmp-')).length;
    expect(entries, context).toContain('vault.json');

    const fresh = new Vault({ dir, kdf: CRASH_KDF });
    await fresh.unlock(CRASH_PASSWORD);
    const accounts = fresh.accounts();
    fresh.lock();
    const state = stateOf(accounts);
    expect([lastDone, lastBegin], `${context}, ${dir}, run ${stats.runs}`).toContain(state);
    expect(accounts.map((a) => ({ label: a.label, address: a.watch?.address.toLowerCase() ?? null })), context).toEqual(
      expectedAccounts(state),
    );
    if (inFlight) stats[state === lastBegin ? 'sawNew' : 'sawOld'] += 1;

    // the backup is the version before (or, killed between its update and the rename, the same version)
    const backup = await backupState(dir);
    expect([state - 1, state], context).toContain(backup);
    if (backup === state) stats.backupSame += 1;
    // unlocking cleaned the leftovers of the interrupted write
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-')), context).toEqual([]);
    known = state;
  }
  return known;
}

describe('Vault crash safety', () => {
  it(`survives SIGKILL at ${REQUIRED_IN_FLIGHT_KILLS}+ random points during saves`, async () => {
    const seed = Number(process.env.VAULT_CRASH_SEED ?? Date.now() % 2 ** 31);
    const context = `seed ${seed}`;
    const started = Date.now();
    const stats: Stats = { runs: 0, inFlight: 0, idle: 0, sawOld: 0, sawNew: 0, saves: 0, strayTempFiles: 0, backupSame: 0 };
    // Two independent lanes (own directory, own child) use both cores; the count is shared.
    const finals = await Promise.all(
      [0, 1].map((lane) => killLane(join(work, `vault-${lane}`), seededRandom(seed + lane), stats, context, started + TIME_BUDGET_MS)),
    );

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `vault crash test (${context}): ${stats.runs} SIGKILLs in ${seconds}s, ${stats.inFlight} during a save ` +
        `(${stats.sawOld} left the old state, ${stats.sawNew} the new), ${stats.idle} between saves; ` +
        `${stats.saves} saves completed; ${stats.strayTempFiles} stray temp files cleaned; ` +
        `${stats.backupSame} kills between the backup update and the rename; final states ${finals.join(', ')}`,
    );
    expect(stats.inFlight, context).toBeGreaterThanOrEqual(REQUIRED_IN_FLIGHT_KILLS);
    expect(stats.sawOld + stats.sawNew).toBe(stats.inFlight);
  }, 450_000);
});
