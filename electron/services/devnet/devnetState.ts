import { readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { StrataError } from '../../../shared/errors';
import { DeploymentRows } from '../deployments/deploymentRow';
import { ensurePrivateDir, writeFileAtomic } from '../storage/atomicWrite';

/** What a running devnet process publishes in its state directory for the CLI (and the app) to find it. */
export const DevnetState = z.object({
  version: z.literal(1),
  pid: z.number().int().positive(),
  startedAt: z.string(),
  mining: z.union([z.literal('auto'), z.object({ intervalMs: z.number().int().positive() })]),
  chains: z.array(
    z.object({
      id: z.enum(['eip155:31337', 'eip155:31338']),
      alias: z.enum(['devnet-a', 'devnet-b']),
      chainId: z.number().int().positive(),
      rpc: z.string().regex(/^https?:\/\//),
    }),
  ),
  contracts: z.record(z.string(), z.string()),
  /** The devnet's rows of the deployments registry (absent in a state written before they existed). */
  deployments: DeploymentRows.optional(),
  accounts: z.array(z.string()),
});
export type DevnetState = z.infer<typeof DevnetState>;

export const STATE_FILE = 'devnet.json';
export const LOG_FILE = 'devnet.log';
export const LOCK_FILE = 'devnet.lock';

/** `$STRATA_DEVNET_DIR`, else `<os tmpdir>/strata-devnet`. */
export function defaultDevnetStateDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.STRATA_DEVNET_DIR || path.join(os.tmpdir(), 'strata-devnet');
}

/** The state file's content, or undefined when there is none or it does not parse (a stale or foreign file). */
export async function readDevnetState(stateDir: string): Promise<DevnetState | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(stateDir, STATE_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = DevnetState.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the state directory (0700) when missing. @throws StrataError IO_ERROR */
export async function ensureStateDir(stateDir: string): Promise<void> {
  try {
    await ensurePrivateDir(stateDir);
  } catch (error) {
    throw new StrataError('IO_ERROR', `Cannot create the devnet state directory ${stateDir}`, { cause: error });
  }
}

/** Publishes the state atomically (mode 0600). @throws StrataError IO_ERROR */
export async function writeDevnetState(stateDir: string, state: DevnetState): Promise<void> {
  await ensureStateDir(stateDir);
  try {
    await writeFileAtomic(path.join(stateDir, STATE_FILE), JSON.stringify(state, null, 2) + '\n');
  } catch (error) {
    throw new StrataError('IO_ERROR', `Cannot write the devnet state in ${stateDir}`, { cause: error });
  }
}

/** Removes the state file; with `onlyPid`, only when it still names that process (a newer devnet may own it). */
export async function removeDevnetState(stateDir: string, onlyPid?: number): Promise<void> {
  if (onlyPid !== undefined) {
    const current = await readDevnetState(stateDir);
    if (current && current.pid !== onlyPid) return;
  }
  await unlink(path.join(stateDir, STATE_FILE)).catch(() => undefined);
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export { isProcessAlive } from '../storage/withFileLock';
