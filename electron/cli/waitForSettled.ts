import { setTimeout as sleep } from 'node:timers/promises';
import type { ActivityEntry } from '../../shared/domain/send';
import { StrataError } from '../../shared/errors';
import type { Wallet } from '../services/wallet/wallet';

const POLL_MS = 500;

/** Re-checks the journal until the entry is no longer pending, or the time is up (the entry stays pending). */
export async function waitForSettled(wallet: Wallet, id: string, timeoutMs: number): Promise<ActivityEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await wallet.recheckActivity();
    const entry = wallet.journal.get(id);
    if (!entry) throw new StrataError('INTERNAL', 'The transfer vanished from the activity journal');
    if (entry.status !== 'pending' || Date.now() >= deadline) return entry;
    await sleep(POLL_MS);
  }
}
