import { open, readFile, stat, unlink } from 'node:fs/promises';
import { StrataError } from '../../../shared/errors';

/** A lock left by a process that died with an empty file (between create and write) is stale after this long. */
const STALE_EMPTY_MS = 10_000;

/** Whether a process with this id runs (signal 0 probes without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `fn` holding `lockPath`, a file created with O_EXCL that holds this process's id, so that two processes (the
 * app and `strata rebalance`; two `strata devnet start`s) never do the same thing at once. A lock whose process is gone is taken over.
 * `what` names the locked thing in errors ("the rebalancing records").
 * @throws IO_ERROR when the lock cannot be created, or another process holds it longer than `timeoutMs`
 */
export async function withFileLock<T>(lockPath: string, what: string, fn: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new StrataError('IO_ERROR', `Cannot lock ${what}`, { cause: error });
    }
    const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
    const since = (await stat(lockPath).catch(() => undefined))?.mtimeMs;
    if (since === undefined) continue; // released meanwhile
    if (holder > 0 ? !isProcessAlive(holder) : Date.now() - since > STALE_EMPTY_MS) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new StrataError('IO_ERROR', `Another process holds the lock on ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  try {
    return await fn();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}
