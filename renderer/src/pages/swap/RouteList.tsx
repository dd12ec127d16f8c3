import type { Route } from '../../../../shared/domain/route';
import type { ErrorCode } from '../../../../shared/errors';
import { ProgressBar } from '../../components/ProgressBar';
import { Spinner } from '../../components/Spinner';
import { errorText } from '../../ipc/errorText';
import { RouteCard } from './RouteCard';
import { routeLossLevel } from './RouteLoss';
import type { ChainNamer } from './routeText';
import type { RouteSearch } from './useRouteSearch';

interface RouteListProps {
  search: RouteSearch;
  chainName: ChainNamer;
  /** USD price per whole unit of an asset (by chain and ref), when the portfolio knows it */
  priceOf(chain: string, ref: string): string | null;
  onChoose(route: Route): void;
}

/** Errors of routes.find in words for this page. */
export const ROUTE_ERROR_TEXT: Partial<Record<ErrorCode, string>> = {
  NO_ROUTE: 'No route connects these two assets. Try another asset or network.',
  UNKNOWN_ASSET: 'Strata does not know one of these assets on its network.',
  UNKNOWN_CHAIN: 'One of these networks is not supported for cross-chain routes.',
  INVALID_AMOUNT: 'That amount is not valid for this asset.',
  INVALID_INPUT: 'Check the amount and the slippage.',
  RPC_UNAVAILABLE: 'A network did not answer while quoting. Check your connection and try again.',
};

/**
 * The routes panel: a hint before the form is complete, progress while quoting, the routes best first, or why there
 * is none. The status line is a polite live region so a screen reader hears "3 routes found".
 */
export function RouteList({ search, chainName, priceOf, onChoose }: RouteListProps) {
  const status =
    search.state === 'finding'
      ? 'Finding routes…'
      : search.state === 'found'
        ? search.routes.length === 0
          ? 'No route found.'
          : `${search.routes.length} route${search.routes.length === 1 ? '' : 's'} found, best first.`
        : '';
  const best = search.state !== 'idle' && search.query.sort === 'speed' ? 'Fastest' : 'Most received';
  return (
    <section className="routes" aria-labelledby="routes-title" aria-busy={search.state === 'finding'}>
      <div className="routes__header">
        <h2 id="routes-title" className="section__title">
          Routes
        </h2>
        <p className="routes__status" aria-live="polite">
          {search.state === 'finding' ? <Spinner /> : null} {status}
        </p>
      </div>
      {search.state === 'finding' ? <ProgressBar value={null} max={1} label="Quoting routes" className="routes__progress" /> : null}
      {search.state === 'idle' ? (
        <div className="routes__empty">
          <p className="routes__empty-title">Choose what you have and what you want</p>
          <p className="muted">Strata quotes every path: a direct bridge, or swaps on either side of one. You review the route before anything is signed.</p>
        </div>
      ) : null}
      {search.state === 'error' || (search.state === 'found' && search.routes.length === 0) ? (
        <div className="routes__empty routes__empty--error" role="alert" data-error={search.state === 'error' ? (search.code ?? 'INTERNAL') : 'NO_ROUTE'}>
          <p className="routes__empty-title">No route</p>
          <p>{search.state === 'error' ? errorText(search.error, ROUTE_ERROR_TEXT) : ROUTE_ERROR_TEXT.NO_ROUTE}</p>
        </div>
      ) : null}
      {search.state === 'found' && search.routes.length > 0 ? (
        <ol className="routes__list" aria-label="Routes, best first">
          {search.routes.map((route, i) => {
            const last = route.steps[route.steps.length - 1];
            return (
              <RouteCard
                key={route.id}
                route={route}
                best={i === 0 && routeLossLevel(route) !== 'refused' ? best : null}
                chainName={chainName}
                outPrice={last ? priceOf(last.assetOut.chain, last.assetOut.ref) : null}
                onChoose={onChoose}
              />
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
