import { formatAmount } from '../../../shared/amounts';
import { activityStatusLabel, failedWithFeeCharged } from '../../../shared/domain/activityStatusLabel';
import { ActivityJournal } from '../../services/activity/activityJournal';
import { ChainDirectory } from '../../services/chains/chainDirectory';
import { createCosmosAdapter } from '../../services/cosmos/cosmosAdapter';
import { createEvmAdapter } from '../../services/evm/createEvmAdapter';
import { parseOptions, requireString } from '../args';
import { liveDevnet } from '../cliWallet';
import type { CliIo, CommandResult } from '../io';

/**
 * `strata activity --dir <vault> [--no-recheck] --json`: the wallet's own transactions, newest first, pending ones
 * re-checked against their chains first. Needs no password: the journal holds no secret.
 */
export async function activityCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { dir: { type: 'string' }, 'no-recheck': { type: 'boolean' } });
  const dir = requireString(opts.dir, 'dir');
  const journal = await ActivityJournal.open(dir);
  if (!opts['no-recheck']) {
    const chains = await ChainDirectory.open(dir, { devnet: await liveDevnet(io.env) });
    const evm = createEvmAdapter();
    const cosmos = createCosmosAdapter();
    await journal.recheck((chainId) => {
      const chain = chains.list().find((c) => c.id === chainId);
      const endpoints = chain ? chains.endpoints(chain.id) : [];
      return chain && endpoints.length > 0 ? { adapter: chain.family === 'evm' ? evm : cosmos, target: { chain, endpoints } } : null;
    });
  }
  const entries = journal.list();
  // A failure the chain included still cost its fee: say so, with the fee in the chain's native asset and the block.
  const known = entries.some(failedWithFeeCharged) ? (await ChainDirectory.open(dir, { devnet: await liveDevnet(io.env) })).list() : [];
  const feeText = (e: (typeof entries)[number]): string => {
    const native = known.find((c) => c.id === e.chain)?.nativeAsset;
    return native ? `${formatAmount(BigInt(e.fee), native.decimals)} ${native.symbol}` : `${e.fee} base units`;
  };
  const text = entries
    .map((e) => {
      const line = `${new Date(e.createdAt).toISOString()}  ${e.status.padEnd(9)} ${formatAmount(BigInt(e.amount), e.asset.decimals)} ${e.asset.symbol} → ${e.to}  ${e.hash}`;
      return failedWithFeeCharged(e) ? `${line}  (${activityStatusLabel(e)}: ${feeText(e)} in block ${e.blockNumber})` : line;
    })
    .join('\n');
  return { json: { activity: entries }, text: text || 'No transactions yet.' };
}
