import { parseAmount } from '../../../../shared/amounts';
import type { AssetInfo } from '../../../../shared/domain/asset';
import { isStrataError } from '../../../../shared/errors';
import type { MethodInput } from '../../../../shared/ipc/contract';

export type RouteSort = 'amount' | 'speed';

/** What the swap form holds while it is being filled (kept when going back from the review). */
export interface SwapDraft {
  accountId: string;
  fromChain: string;
  fromAsset: string;
  amount: string;
  toChain: string;
  toAsset: string;
  /** percent as typed, e.g. "0.5" */
  slippage: string;
  sort: RouteSort;
}

export type RouteQueryInput = MethodInput<'routes.find'>;

export const SLIPPAGE_PRESETS = ['0.1', '0.5', '1'] as const;
export const DEFAULT_SLIPPAGE = '0.5';
/** The contract's bounds for `slippagePercent`. */
export const MIN_SLIPPAGE = 0.01;
export const MAX_SLIPPAGE = 50;
/** Above this a tolerance invites sandwich trades: said, not refused. */
export const HIGH_SLIPPAGE = 5;

/** The slippage as a number, or a sentence saying what is wrong with it. */
export function parseSlippage(text: string): { ok: true; percent: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!/^(\d{1,2}(\.\d{1,2})?|\.\d{1,2})$/.test(trimmed)) return { ok: false, error: 'Write the slippage as a percentage, e.g. 0.5.' };
  const percent = Number(trimmed);
  if (percent < MIN_SLIPPAGE || percent > MAX_SLIPPAGE) return { ok: false, error: `Choose between ${MIN_SLIPPAGE}% and ${MAX_SLIPPAGE}%.` };
  return { ok: true, percent };
}

/** The amount in base units, or a sentence saying what is wrong with it (empty means "not typed yet"). */
export function parseDraftAmount(text: string, asset: AssetInfo | undefined): { ok: true; units: bigint } | { ok: false; error: string | null } {
  if (!text.trim() || !asset) return { ok: false, error: null };
  try {
    return { ok: true, units: parseAmount(text, asset.decimals) };
  } catch (e) {
    return { ok: false, error: isStrataError(e) ? `${e.message}.`.replace(/\.\.$/, '.') : 'That amount is not valid.' };
  }
}

/** The routes.find request of a complete, valid draft; null while something is missing or invalid. */
export function routeQuery(draft: SwapDraft, fromAsset: AssetInfo | undefined): RouteQueryInput | null {
  const slippage = parseSlippage(draft.slippage);
  if (!slippage.ok || !draft.fromChain || !draft.toChain || !draft.toAsset || !parseDraftAmount(draft.amount, fromAsset).ok) return null;
  // the same asset on the same network is nothing to route
  if (draft.fromChain === draft.toChain && draft.fromAsset === draft.toAsset) return null;
  return {
    from: { chain: draft.fromChain, asset: draft.fromAsset, amount: draft.amount.trim() },
    to: { chain: draft.toChain, asset: draft.toAsset },
    slippagePercent: slippage.percent,
    sort: draft.sort,
  };
}
