import { StrataError } from '../../shared/errors';
import type { RouteQuery } from '../services/wallet/routeQuery';
import { requireString } from './args';

/** `<chain>:<asset>` (the chain may itself hold a colon, as in eip155:31337:native): split at the last colon. */
export function chainAsset(value: unknown, flag: string): { chain: string; asset: string } {
  const text = requireString(value, flag);
  const at = text.lastIndexOf(':');
  if (at <= 0 || at === text.length - 1) throw new StrataError('INVALID_INPUT', `--${flag} must be <chain>:<asset>, e.g. devnet-a:native`);
  return { chain: text.slice(0, at), asset: text.slice(at + 1) };
}

/** The route query of `strata route` and `strata swap`: --from, --to, --amount, [--slippage percent], [--sort]. */
export function routeQuery(opts: Record<string, unknown>): RouteQuery {
  const slippage = opts.slippage === undefined ? 0.5 : Number(opts.slippage);
  if (!Number.isFinite(slippage) || slippage < 0.01 || slippage > 50) throw new StrataError('INVALID_INPUT', '--slippage must be a percent from 0.01 to 50');
  const sort = opts.sort ?? 'amount';
  if (sort !== 'amount' && sort !== 'speed') throw new StrataError('INVALID_INPUT', '--sort must be amount or speed');
  return {
    from: { ...chainAsset(opts.from, 'from'), amount: requireString(opts.amount, 'amount') },
    to: chainAsset(opts.to, 'to'),
    slippagePercent: slippage,
    sort,
  };
}

export const ROUTE_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  amount: { type: 'string' },
  slippage: { type: 'string' },
  sort: { type: 'string' },
} as const;
