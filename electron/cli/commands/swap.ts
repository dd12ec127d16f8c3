import { setTimeout as sleep } from 'node:timers/promises';
import { formatAmount } from '../../../shared/amounts';
import type { Transfer } from '../../../shared/domain/transferRecord';
import { StrataError } from '../../../shared/errors';
import { lossPercentText, parseLossPercent, routeLossBps } from '../../../shared/routing/valueLostGuard';
import { systemClock } from '../../services/app/ports';
import { Vault } from '../../services/vault/vault';
import { createPriceSource } from '../../services/wallet/walletSources';
import { integerOption, parseOptions, passwordFromEnv, requireString } from '../args';
import { openCliWallet } from '../cliWallet';
import type { CliIo, CommandResult } from '../io';
import { ROUTE_OPTIONS, routeQuery } from '../routeOptions';
import { pickAccount } from './send';

const POLL_MS = 500;

/**
 * `strata swap --dir <vault> --from <chain>:<asset> --to <chain>:<asset> --amount <decimal> [--route N]
 * [--slippage <percent>] [--sort amount|speed] [--account <id|label>] [--accept-loss <percent>] [--timeout-s N] --yes --json`: finds routes,
 * runs route N (default 0, the best) with the vault (STRATA_PASSWORD), waits until it ends or the timeout, and prints
 * `{"transferId", "status", "steps"}`. Without --yes nothing is signed. A transfer still running at the timeout is
 * left in the journal (`strata transfers`); the app resumes it on its next unlock. A route losing more than 15% of
 * its value (value lost or price impact) runs only with `--accept-loss` of at least that percent, as shown
 * (PRICE_IMPACT_TOO_HIGH otherwise, nothing signed).
 */
export async function swapCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { ...ROUTE_OPTIONS, dir: { type: 'string' }, route: { type: 'string' }, account: { type: 'string' }, yes: { type: 'boolean' }, 'timeout-s': { type: 'string' }, 'accept-loss': { type: 'string' } });
  const dir = requireString(opts.dir, 'dir');
  const query = routeQuery(opts);
  const index = integerOption(opts.route, 'route', 0);
  const timeoutMs = integerOption(opts['timeout-s'], 'timeout-s', 300) * 1000;
  const acceptedLossBps = opts['accept-loss'] === undefined ? undefined : parseLossPercent(String(opts['accept-loss']));
  const vault = new Vault({ dir });
  await vault.unlock(passwordFromEnv(io.env));
  try {
    // Prices (CoinGecko, or STRATA_PRICE_API_URL) give each route its value lost for the guard; without them it
    // judges the price impact alone.
    const prices = createPriceSource({ dataDir: dir, baseUrl: io.env.STRATA_PRICE_API_URL || undefined, clock: systemClock });
    const wallet = await openCliWallet(dir, vault, io.env, undefined, { prices });
    const routes = await wallet.crossChain.findRoutes(query);
    const route = routes[index];
    if (!route) throw new StrataError('INVALID_INPUT', `--route ${index}: there are ${routes.length} routes`);
    const last = route.steps[route.steps.length - 1];
    const show = (units: string) => (last ? `${formatAmount(BigInt(units), last.assetOut.decimals)} ${last.assetOut.symbol}` : units);
    io.stderr(`Route ${index}: ${route.steps.map((s) => `${s.kind} ${s.assetIn.symbol}→${s.assetOut.symbol} (${s.provider})`).join(' → ')}\n  expected ${show(route.amountOut)}, at least ${show(route.minAmountOut)}, ~${route.etaSeconds} s\n  value lost at most ${route.valueLostUsd == null ? 'unknown' : `$${route.valueLostUsd}`} (${lossPercentText(routeLossBps(route))}%, ${route.lossLevel ?? 'ok'}), price impact ${lossPercentText(route.priceImpactBps)}%\n`);
    if (!opts.yes) throw new StrataError('INVALID_INPUT', 'Nothing was sent: add --yes to sign and run this route');
    const started = await wallet.crossChain.startTransfer(route.id, pickAccount(vault, opts.account as string | undefined), acceptedLossBps);
    const deadline = Date.now() + timeoutMs;
    let transfer: Transfer = started;
    while (transfer.status === 'running' && Date.now() < deadline) {
      await sleep(POLL_MS);
      transfer = wallet.crossChain.get(started.id);
    }
    if (transfer.status === 'failed' || transfer.status === 'needs-attention') {
      const failure = transfer.steps.find((s) => s.failure !== null)?.failure;
      throw new StrataError('TX_FAILED', failure ? `${failure.message}. ${failure.summary}` : 'The transfer failed', { details: transfer.id });
    }
    return { json: { transferId: transfer.id, status: transfer.status, steps: transfer.steps }, text: `${transfer.status}: transfer ${transfer.id}` };
  } finally {
    vault.lock();
  }
}
