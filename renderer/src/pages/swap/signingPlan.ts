import type { Route, RouteStep } from '../../../../shared/domain/route';
import { exactAmount } from '../../lib/amountDisplay';
import { providerLabel } from '../../../../shared/domain/stepProviders';
import type { ChainNamer } from './routeText';

const exact = (units: string, asset: { decimals: number; symbol: string }) => `${exactAmount(units, asset.decimals)} ${asset.symbol}`;

/**
 * What the vault signs for one step, in words. Uniswap V2 and EVM bridges pull a token only after an exact approval;
 * a Cosmos message (an Osmosis swap, an IBC transfer) carries its tokens itself, with no approval.
 */
function stepSigning(step: RouteStep, index: number, chainName: ChainNamer): string {
  const on = chainName(step.fromChain);
  const provider = providerLabel(step.provider);
  // A later step spends what the previous one actually delivered: its amount is known only then.
  const input = index === 0 ? exact(step.amountIn, step.assetIn) : `the ${step.assetIn.symbol} received (≈ ${exact(step.amountIn, step.assetIn)})`;
  const atLeast = exact(step.minAmountOut, step.assetOut);
  const cosmos = step.fromChain.startsWith('cosmos:');
  if (step.kind === 'swap') {
    return step.assetIn.ref === 'native' || cosmos
      ? `On ${on}: swap ${input} for at least ${atLeast} on ${provider}.`
      : `On ${on}: approve exactly ${input} for ${provider}, then swap it for at least ${atLeast}.`;
  }
  const messaging = step.fees.find((f) => f.kind === 'messaging');
  const fee = messaging ? `, paying ${exact(messaging.amount, messaging.asset)} for the message` : '';
  const approval = step.assetIn.ref === 'native' || cosmos ? '' : ' (after an exact approval, if the bridge needs one)';
  return `On ${on}: send ${input} to ${chainName(step.toChain)} through ${provider}${fee}${approval}; at least ${atLeast} arrives.`;
}

/**
 * The transactions a route will have signed, one line per step, in order: what the review screen states before the
 * one confirmation.
 */
export function signingPlan(route: Route, chainName: ChainNamer): string[] {
  return route.steps.map((step, i) => stepSigning(step, i, chainName));
}
