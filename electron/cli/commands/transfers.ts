import { setTimeout as sleep } from 'node:timers/promises';
import type { Transfer } from '../../../shared/domain/transferRecord';
import { StrataError } from '../../../shared/errors';
import { TransferJournal } from '../../services/transfers/transferJournal';
import { Vault } from '../../services/vault/vault';
import { integerOption, parseOptions, passwordFromEnv, requireString } from '../args';
import { openCliWallet } from '../cliWallet';
import type { CliIo, CommandResult } from '../io';
import { pendingError } from '../transferOutcome';

/**
 * `strata transfers --dir <vault> --json`: the multi-step transfers of the journal, newest first. Needs no password.
 * `strata transfers resume --dir <vault> [--timeout-s N] --json`: see transfersResume.
 */
export async function transfersCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  if (argv[0] === 'resume') return transfersResume(argv.slice(1), io);
  const opts = parseOptions(argv, { dir: { type: 'string' } });
  const journal = await TransferJournal.open(requireString(opts.dir, 'dir'));
  const transfers = journal.list();
  const text = transfers
    .map((t) => `${new Date(t.createdAt).toISOString()}  ${t.status.padEnd(15)} ${t.id}  ${t.steps.map((s) => s.state).join(' → ')}`)
    .join('\n');
  return { json: { transfers }, text: text || 'No transfers yet.' };
}

/**
 * `strata transfers resume --dir <vault> [--timeout-s N] --json`: continues every running transfer of the journal
 * with the vault (STRATA_PASSWORD) from where its journal stands (a signed transaction is re-broadcast, never
 * re-signed), waits until each ends or the timeout (default 300 s), and prints `{"transfers": [{id, status, steps}]}`,
 * the transfers it resumed. Exits with TRANSFER_PENDING naming those still running, else TX_FAILED naming those that
 * failed.
 */
async function transfersResume(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { dir: { type: 'string' }, 'timeout-s': { type: 'string' } });
  const dir = requireString(opts.dir, 'dir');
  const timeoutMs = integerOption(opts['timeout-s'], 'timeout-s', 300) * 1000;
  const vault = new Vault({ dir });
  await vault.unlock(passwordFromEnv(io.env));
  try {
    const wallet = await openCliWallet(dir, vault, io.env);
    const ids = wallet.crossChain.list().filter((t) => t.status === 'running').map((t) => t.id);
    if (ids.length === 0) return { json: { transfers: [] }, text: 'No transfer is running.' };
    io.stderr(`Resuming ${ids.join(', ')}\n`);
    const timer = new AbortController();
    const errors = await Promise.race([
      wallet.crossChain.resumeNow().then((results) => results.flatMap((r) => (r.error ? [`${r.id}: ${r.error.code}: ${r.error.message}`] : []))),
      sleep(timeoutMs, [] as string[], { signal: timer.signal }).catch(() => [] as string[]),
    ]).finally(() => timer.abort());
    for (const line of errors) io.stderr(`  ${line}\n`);
    const transfers: Transfer[] = ids.map((id) => wallet.crossChain.get(id));
    const running = transfers.filter((t) => t.status === 'running').map((t) => t.id);
    if (running.length > 0) throw pendingError(running);
    const failed = transfers.filter((t) => t.status !== 'completed').map((t) => t.id);
    if (failed.length > 0) throw new StrataError('TX_FAILED', `Transfer${failed.length === 1 ? '' : 's'} ${failed.join(', ')} did not complete: see \`strata transfers --dir <vault>\``, { details: failed.join(',') });
    return {
      json: { transfers: transfers.map((t) => ({ id: t.id, status: t.status, steps: t.steps })) },
      text: transfers.map((t) => `${t.status}: transfer ${t.id}`).join('\n'),
    };
  } finally {
    vault.lock();
  }
}
