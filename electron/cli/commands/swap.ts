import { setTimeout as sleep } from 'node:timers/promises';
import { formatAmount } from '../../../shared/amounts';
import type { Transfer } from '../../../shared/domain/transferRecord';
import { StrataError } from '../../../shared/errors';
import { Vault } from '../../services/vault/vault';
import { integerOption, parseOptions, passwordFromEnv, requireString } from '../args';
import { openCliWallet } from '../cliWallet';
import type { CliIo, CommandResult } from '../io';
import { ROUTE_OPTIONS, routeQuery } from '../routeOptions';
import { settledOrThrow } from '../transferOutcome';
import { pickAccount } from './send';

const POLL_MS = 500;

/**
 * `strata swap --dir <vault> --from <chain>:<asset> --to <chain>:<asset> --amount <decimal> [--route N]
 * [--slippage <percent>] [--sort amount|speed] [--account <id|label>] [--timeout-s N] --yes --json`: finds routes,
 * runs route N (default 0, the best) with the vault (STRATA_PASSWORD), waits until it ends or the timeout, and prints
 * `{"transferId", "status", "steps"}`. Without --yes nothing is signed. A failed transfer exits with TX_FAILED; one
 * still running at the timeout exits with TRANSFER_PENDING naming its id, left in the journal: `strata transfers
 * resume` (or the app's next unlock) continues it.
 */
export async function swapCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { ...ROUTE_OPTIONS, dir: { type: 'string' }, route: { type: 'string' }, account: { type: 'string' }, yes: { type: 'boolean' }, 'timeout-s': { type: 'string' } });
  const dir = requireString(opts.dir, 'dir');
  const query = routeQuery(opts);
  const index = integerOption(opts.route, 'route', 0);
  const timeoutMs = integerOption(opts['timeout-s'], 'timeout-s', 300) * 1000;
  const vault = new Vault({ dir });
  await vault.unlock(passwordFromEnv(io.env));
  try {
    const wallet = await openCliWallet(dir, vault, io.env);
    const routes = await wallet.crossChain.findRoutes(query);
    const route = routes[index];
    if (!route) throw new StrataError('INVALID_INPUT', `--route ${index}: there are ${routes.length} routes`);
    const last = route.steps[route.steps.length - 1];
    const show = (units: string) => (last ? `${formatAmount(BigInt(units), last.assetOut.decimals)} ${last.assetOut.symbol}` : units);
    io.stderr(`Route ${index}: ${route.steps.map((s) => `${s.kind} ${s.assetIn.symbol}→${s.assetOut.symbol} (${s.provider})`).join(' → ')}\n  expected ${show(route.amountOut)}, at least ${show(route.minAmountOut)}, ~${route.etaSeconds} s\n`);
    if (!opts.yes) throw new StrataError('INVALID_INPUT', 'Nothing was sent: add --yes to sign and run this route');
    const started = await wallet.crossChain.startTransfer(route.id, pickAccount(vault, opts.account as string | undefined));
    const deadline = Date.now() + timeoutMs;
    let transfer: Transfer = started;
    while (transfer.status === 'running' && Date.now() < deadline) {
      await sleep(POLL_MS);
      transfer = wallet.crossChain.get(started.id);
    }
    settledOrThrow(transfer);
    return { json: { transferId: transfer.id, status: transfer.status, steps: transfer.steps }, text: `${transfer.status}: transfer ${transfer.id}` };
  } finally {
    vault.lock();
  }
}
