import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StrataError } from '../../../shared/errors';
import {
  LOCK_FILE,
  LOG_FILE,
  ensureStateDir,
  isProcessAlive,
  readDevnetState,
  removeDevnetState,
  type DevnetState,
} from './devnetState';
import { withFileLock } from '../storage/withFileLock';
import { httpRpc } from './jsonRpc';

/** How to launch the devnet server process: it must accept `--state-dir <dir>` and run serveDevnet. */
export interface ServeCommand {
  command: string;
  args: string[];
  cwd?: string;
}

export interface BackgroundStartOptions {
  stateDir: string;
  serve: ServeCommand;
  /** How long to wait for the chains and the deployment; default 60 s (a cold solc compile takes a few). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface BackgroundStartResult {
  state: DevnetState;
  /** True when a devnet was already running for this state directory (nothing was started). */
  alreadyRunning: boolean;
  logFile: string;
  ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether every chain in the state answers eth_chainId with its own chain id. */
async function chainsAnswer(state: DevnetState, timeoutMs = 2_000): Promise<boolean> {
  try {
    const ids = await Promise.all(state.chains.map((c) => httpRpc(c.rpc, { timeoutMs })<string>('eth_chainId')));
    return ids.every((id, i) => BigInt(id) === BigInt(state.chains[i]?.chainId ?? -1));
  } catch {
    return false;
  }
}

/**
 * The devnet published in `stateDir`, when its process is alive and its chains answer. A state file whose process
 * is gone is removed.
 */
export async function readLiveDevnet(stateDir: string): Promise<DevnetState | undefined> {
  const state = await readDevnetState(stateDir);
  if (!state) return undefined;
  if (!isProcessAlive(state.pid)) {
    await removeDevnetState(stateDir, state.pid);
    return undefined;
  }
  return (await chainsAnswer(state)) ? state : undefined;
}

/** Serializes starts on one state directory across processes: two `start`s must not spawn two devnets. */
async function logTail(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-20).join('\n');
}

/**
 * Starts a devnet server as a detached process (logging to `<stateDir>/devnet.log`) and returns once its state file
 * is written and both chains answer eth_chainId with the right ids, i.e. after the deployment. When a devnet is
 * already running for `stateDir`, returns it instead (idempotent).
 * @throws StrataError INTERNAL when the process exits before it is ready, RPC_UNAVAILABLE on timeout
 */
export async function startDevnetInBackground(options: BackgroundStartOptions): Promise<BackgroundStartResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const { stateDir } = options;
  const logFile = path.join(stateDir, LOG_FILE);
  await ensureStateDir(stateDir);
  return withFileLock(path.join(stateDir, LOCK_FILE), 'the devnet start', async () => {
    const running = await readLiveDevnet(stateDir);
    if (running) return { state: running, alreadyRunning: true, logFile, ms: performance.now() - started };

    const logFd = openSync(logFile, 'w', 0o600);
    let exited: string | undefined;
    let child;
    try {
      child = spawn(options.serve.command, [...options.serve.args, '--state-dir', stateDir], {
        cwd: options.serve.cwd,
        env: options.env ?? process.env,
        detached: true,
        stdio: ['ignore', logFd, logFd],
      });
    } finally {
      closeSync(logFd);
    }
    child.on('error', (error) => (exited = `could not be started (${error.message})`));
    child.on('exit', (code, signal) => (exited = signal ? `was killed by ${signal}` : `exited with code ${code}`));
    child.unref();

    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await readDevnetState(stateDir);
      if (state && state.pid === child.pid && (await chainsAnswer(state))) {
        return { state, alreadyRunning: false, logFile, ms: performance.now() - started };
      }
      if (exited !== undefined) {
        throw new StrataError('INTERNAL', `The devnet process ${exited} before it was ready (log: ${logFile})`, { details: await logTail(logFile) });
      }
      if (Date.now() > deadline) {
        if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
        throw new StrataError('RPC_UNAVAILABLE', `The devnet did not answer within ${Math.round(timeoutMs / 1000)} s (log: ${logFile})`, {
          details: await logTail(logFile),
        });
      }
      await sleep(50);
    }
  }, timeoutMs);
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // Detached: the child leads its own process group, so this also reaches anything it started.
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** On Linux, whether a process's command line names the devnet (guards against a recycled pid). */
async function looksLikeDevnet(pid: number): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.includes('devnet');
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await sleep(25);
  }
  return !isProcessAlive(pid);
}

/**
 * Stops the devnet published in `stateDir`: SIGTERM, then SIGKILL after `graceMs` (default 5 s); removes the
 * state file. Returns the stopped process id.
 * @throws StrataError DEVNET_NOT_RUNNING when no devnet runs there (a stale state file is removed)
 */
export async function stopBackgroundDevnet(options: { stateDir: string; graceMs?: number }): Promise<{ pid: number }> {
  const { stateDir } = options;
  const state = await readDevnetState(stateDir);
  if (!state) throw new StrataError('DEVNET_NOT_RUNNING', 'No devnet is running');
  if (!isProcessAlive(state.pid)) {
    await removeDevnetState(stateDir, state.pid);
    throw new StrataError('DEVNET_NOT_RUNNING', 'No devnet is running (its state file was stale and is removed)');
  }
  if (!(await chainsAnswer(state)) && !(await looksLikeDevnet(state.pid))) {
    // The pid was recycled by an unrelated process: never signal it.
    await removeDevnetState(stateDir, state.pid);
    throw new StrataError('DEVNET_NOT_RUNNING', `No devnet is running (process ${state.pid} is not a devnet; state file removed)`);
  }
  process.kill(state.pid, 'SIGTERM');
  if (!(await waitForExit(state.pid, options.graceMs ?? 5_000))) {
    killGroup(state.pid, 'SIGKILL');
    await waitForExit(state.pid, 2_000);
  }
  await removeDevnetState(stateDir, state.pid);
  return { pid: state.pid };
}

export type DevnetStatus = { running: true; state: DevnetState } | { running: false };

/** Whether a devnet runs for `stateDir` (alive and answering), and its published state. */
export async function devnetStatus(stateDir: string): Promise<DevnetStatus> {
  const state = await readLiveDevnet(stateDir);
  return state ? { running: true, state } : { running: false };
}
