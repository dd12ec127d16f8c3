import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatAmount } from '../../../shared/amounts';
import { ChainDirectory } from '../../services/chains/chainDirectory';
import { findRoutesFor, routingEnvironment } from '../../services/wallet/routeQuery';
import { parseOptions } from '../args';
import { liveDevnet } from '../cliWallet';
import type { CliIo, CommandResult } from '../io';
import { ROUTE_OPTIONS, routeQuery } from '../routeOptions';

/**
 * `strata route --from <chain>:<asset> --to <chain>:<asset> --amount <decimal> [--slippage <percent>]
 * [--sort amount|speed] [--dir <vault>] --json`: every route, best first, as `{"routes": [Route]}` (base units; no
 * USD values: the CLI asks no price server). Needs no password. Chains: the devnet's when one runs, and the bundled
 * Cosmos chains (`cosmoshub:ATOM`, `osmosis:OSMO`, `noble:USDC`) over their configured RPCs (`strata chains`).
 */
export async function routeCommand(argv: string[], io: CliIo): Promise<CommandResult> {
  const opts = parseOptions(argv, { ...ROUTE_OPTIONS, dir: { type: 'string' } });
  const query = routeQuery(opts);
  const devnet = await liveDevnet(io.env);
  // Without --dir no custom endpoint applies: a directory that does not exist gives the defaults (nothing is written).
  const chains = await ChainDirectory.open((opts.dir as string | undefined) ?? join(tmpdir(), 'strata-cli-no-data-dir'), { devnet });
  const env = await routingEnvironment(devnet, { getPrices: async () => ({}) }, chains);
  const routes = (await findRoutesFor(env, chains, query)).map((f) => f.route);
  const text = routes
    .map((r, i) => {
      const last = r.steps[r.steps.length - 1];
      const out = last ? `${formatAmount(BigInt(r.amountOut), last.assetOut.decimals)} ${last.assetOut.symbol}` : r.amountOut;
      return `${i}: ${r.steps.map((s) => `${s.kind} ${s.assetIn.symbol}→${s.assetOut.symbol} (${s.provider})`).join(' → ')}  gets ${out}, ~${r.etaSeconds} s`;
    })
    .join('\n');
  return { json: { routes }, text };
}
