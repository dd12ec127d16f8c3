import { formatAmount } from '../../../shared/amounts';
import { FeeTier } from '../../../shared/domain/send';
import { StrataError } from '../../../shared/errors';
import { Vault } from '../../services/vault/vault';
import { parseOptions, passwordFromEnv, requireString } from '../args';
import { cliChain, openCliWallet } from '../cliWallet';
import type { CliIo, CommandResult } from '../io';
import { waitForSettled } from '../waitForSettled';

/**
 * `strata send --dir <vault> --chain <chain> --to <addr> --amount <decimal> [--asset <symbol or contract>]
 * [--account <id or label>] [--tier slow|normal|fast] [--rpc <url>] --yes --json`: prepares, signs with the vault
 * (STRATA_PASSWORD), broadcasts, waits for confirmation and prints `{"hash", "status"}`. Without --yes nothing is
 * signed: the review is printed and the command exits with INVALID_INPUT.
 */
export async function sendCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, {
    dir: { type: 'string' },
    chain: { type: 'string' },
    to: { type: 'string' },
    amount: { type: 'string' },
    asset: { type: 'string' },
    account: { type: 'string' },
    tier: { type: 'string' },
    rpc: { type: 'string' },
    yes: { type: 'boolean' },
    'timeout-s': { type: 'string' },
  });
  const dir = requireString(opts.dir, 'dir');
  const tier = FeeTier.safeParse(opts.tier ?? 'normal');
  if (!tier.success) throw new StrataError('INVALID_INPUT', '--tier must be slow, normal or fast');
  const vault = new Vault({ dir });
  await vault.unlock(passwordFromEnv(io.env));
  try {
    const wallet = await openCliWallet(dir, vault, io.env, io.ledger);
    const { chain, endpoints } = await cliChain(wallet.chains, requireString(opts.chain, 'chain'), opts.rpc as string | undefined);
    const account = pickAccount(vault, opts.account as string | undefined);
    const review = await wallet.prepareSend({
      accountId: account,
      chain: chain.id,
      to: requireString(opts.to, 'to'),
      asset: (opts.asset as string | undefined) ?? 'native',
      amount: requireString(opts.amount, 'amount'),
      tier: tier.data,
      endpoints,
    });
    const show = (units: string, decimals: number, symbol: string) => `${formatAmount(BigInt(units), decimals)} ${symbol}`;
    io.stderr(
      `Send ${show(review.amount, review.asset.decimals, review.asset.symbol)} on ${chain.name}\n` +
        `  from ${review.from}\n  to   ${review.to}\n  fee  up to ${show(review.fee.amount, review.fee.feeAsset.decimals, review.fee.feeAsset.symbol)} (${review.fee.tier})\n`,
    );
    if (!opts.yes) throw new StrataError('INVALID_INPUT', 'Nothing was sent: add --yes to sign and send this transfer');
    if (vault.accounts().find((a) => a.id === account)?.kind === 'ledger') io.stderr('Review and approve the transaction on the Ledger\n');
    const sent = await wallet.confirmSend(review.reviewId);
    const timeoutMs = opts['timeout-s'] === undefined ? 120_000 : Number(opts['timeout-s']) * 1000;
    const settled = await waitForSettled(wallet, sent.id, timeoutMs);
    if (settled.status === 'failed') throw new StrataError('TX_FAILED', settled.error ?? 'The transaction failed on chain', { details: settled.hash });
    return { json: { hash: settled.hash, status: settled.status }, text: `${settled.status}: ${settled.hash}` };
  } finally {
    vault.lock();
  }
}

/** An account by id or label; the first HD account by default. @throws ACCOUNT_NOT_FOUND */
export function pickAccount(vault: Vault, wanted: string | undefined): string {
  const accounts = vault.accounts().filter((a) => a.kind !== 'watch');
  const found = wanted === undefined ? accounts[0] : accounts.find((a) => a.id === wanted || a.label === wanted);
  if (!found) throw new StrataError('ACCOUNT_NOT_FOUND', wanted === undefined ? 'This vault has no account that can sign' : `No account "${wanted.slice(0, 64)}"`);
  return found.id;
}
