import { TransferJournal } from '../../services/transfers/transferJournal';
import { parseOptions, requireString } from '../args';
import type { CliIo, CommandResult } from '../io';

/** `strata transfers --dir <vault> --json`: the multi-step transfers of the journal, newest first. Needs no password. */
export async function transfersCommand(argv: string[], _io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { dir: { type: 'string' } });
  const journal = await TransferJournal.open(requireString(opts.dir, 'dir'));
  const transfers = journal.list();
  const text = transfers
    .map((t) => `${new Date(t.createdAt).toISOString()}  ${t.status.padEnd(15)} ${t.id}  ${t.steps.map((s) => s.state).join(' → ')}`)
    .join('\n');
  return { json: { transfers }, text: text || 'No transfers yet.' };
}
