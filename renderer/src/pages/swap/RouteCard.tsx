import { useId } from 'react';
import type { Route } from '../../../../shared/domain/route';
import { Button } from '../../components/Button';
import { ClockIcon } from '../../components/icons';
import { cx } from '../../lib/cx';
import { formatUsd, usdValueOf } from '../../lib/usd';
import {
  bpsText,
  durationText,
  feeLabel,
  routeAssetOut,
  routeProviders,
  routeSummary,
  stepTitle,
  stepVia,
  tokenAmount,
  totalFeesUsd,
  usdText,
  type ChainNamer,
} from './routeText';
import { RouteLoss } from './RouteLoss';
import { RouteWarnings } from './RouteWarnings';

interface RouteCardProps {
  route: Route;
  /** "Most received" or "Fastest" on the first route; null on the others */
  best: string | null;
  chainName: ChainNamer;
  /** USD per whole unit of the delivered asset, when known */
  outPrice: string | null;
  onChoose(route: Route): void;
}

/**
 * One quoted route: what arrives, the minimum after slippage, fees, time and impact, then its legs (swap, bridge,
 * swap) each with its own fees. Warnings are spelled out on the card, never only as a colour.
 */
export function RouteCard({ route, best, chainName, outPrice, onChoose }: RouteCardProps) {
  const titleId = useId();
  const assetOut = routeAssetOut(route);
  const outUsd = outPrice ? usdValueOf(BigInt(route.amountOut), assetOut.decimals, outPrice) : null;
  const fees = totalFeesUsd(route);
  const summary = routeSummary(route);
  return (
    <li
      className={cx('route-card', best !== null && 'route-card--best', route.warnings.length > 0 && 'route-card--warned')}
      aria-labelledby={titleId}
      data-providers={routeProviders(route)}
      data-route-id={route.id}
    >
      <div className="route-card__head">
        <div>
          <p className="route-card__out num" data-route="amount-out">
            {tokenAmount(route.amountOut, assetOut)}
          </p>
          <p className="route-card__sub num">
            {outUsd !== null ? `≈ ${formatUsd(outUsd)} · ` : ''}minimum <span data-route="min-out">{tokenAmount(route.minAmountOut, assetOut)}</span>
          </p>
        </div>
        {best !== null ? <span className="route-card__best">{best}</span> : null}
      </div>
      <h3 id={titleId} className="route-card__title">
        {summary}
      </h3>
      <ul className="route-card__facts" aria-label="Route summary">
        <li>
          <ClockIcon /> <span data-route="eta">{durationText(route.etaSeconds)}</span>
        </li>
        <li>
          Fees <span className="num" data-route="fees">{fees !== null ? usdText(fees) : 'no price'}</span>
        </li>
        <li>
          Price impact <span className="num" data-route="impact">{bpsText(route.priceImpactBps)}</span>
        </li>
        <li>
          <RouteLoss route={route} />
        </li>
      </ul>
      <ol className="legs" aria-label={`Steps of ${summary}`}>
        {route.steps.map((step, i) => (
          <li key={i} className={`leg leg--${step.kind}`} data-provider={step.provider}>
            <span className="leg__dot" aria-hidden="true">
              {i + 1}
            </span>
            <div className="leg__body">
              <p className="leg__title">
                {stepTitle(step, chainName)} <span className="leg__via">{stepVia(step)}</span>
              </p>
              <p className="leg__amounts num">
                {tokenAmount(step.amountIn, step.assetIn)} → {tokenAmount(step.amountOut, step.assetOut)}
                {step.priceImpactBps > 0 ? ` · impact ${bpsText(step.priceImpactBps)}` : ''} · {durationText(step.etaSeconds)}
              </p>
              <ul className="leg__fees" aria-label="Fees of this step">
                {step.fees.map((fee, j) => (
                  <li key={j} className="num">
                    <span className="leg__fee-kind">{feeLabel(fee)}</span> {tokenAmount(fee.amount, fee.asset, 8)}
                    <span className="leg__fee-usd"> · {usdText(fee.usd)}</span>
                  </li>
                ))}
              </ul>
            </div>
          </li>
        ))}
      </ol>
      <RouteWarnings warnings={route.warnings} />
      <div className="route-card__actions">
        <Button variant={best !== null ? 'primary' : 'secondary'} onClick={() => onChoose(route)} aria-label={`Review route ${summary}`}>
          Review this route
        </Button>
      </div>
    </li>
  );
}
