import type { Route } from '../../../../shared/domain/route';
import { lossLevel, lossPercentText, routeLossBps, type LossLevel } from '../../../../shared/routing/valueLostGuard';

const LEVEL_TEXT: Record<LossLevel, string> = {
  ok: '',
  amber: 'Notable loss',
  red: 'High loss',
  refused: 'Refused unless you accept this loss',
};

/** The route's loss level (a route recorded before the field existed is judged from its numbers). */
export function routeLossLevel(route: Route): LossLevel {
  return route.lossLevel ?? lossLevel(routeLossBps(route));
}

/**
 * What the route can lose: value lost in USD and percent (fees, price impact and slippage together) and the price
 * impact, with its level in words (amber from 1%, red from 3%, refused above 15%), never by colour alone.
 */
export function RouteLoss({ route }: { route: Route }) {
  const level = routeLossLevel(route);
  const usd = route.valueLostUsd ?? null;
  return (
    <span className={`route-loss route-loss--${level}`} data-loss-level={level}>
      Value lost up to{' '}
      <span className="num" data-route="value-lost">
        {usd !== null ? `$${usd} (${lossPercentText(routeLossBps(route))}%)` : `${lossPercentText(routeLossBps(route))}% (no price)`}
      </span>
      {level !== 'ok' ? <strong className="route-loss__level"> · {LEVEL_TEXT[level]}</strong> : null}
    </span>
  );
}
