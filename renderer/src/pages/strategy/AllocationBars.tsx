import type { Weights } from '../../../../shared/optimizer';
import { percentOfFraction } from '../../lib/numberFormat';

/** Colour class of an asset: by its position in the price table, so both charts use the same colour per asset. */
export function assetColour(assets: readonly string[], asset: string): string {
  return `chart-${Math.max(0, assets.indexOf(asset)) % 7}`;
}

/**
 * One stacked bar (SVG, widths as attributes: no inline style under the CSP) and a legend table with the numbers.
 */
export function AllocationBars({ title, assets, weights, testId }: { title: string; assets: readonly string[]; weights: Weights | null; testId: string }) {
  const rows = assets.map((a) => [a, weights?.[a] ?? 0] as const).filter(([, w]) => w >= 0.0005);
  let offset = 0;
  return (
    <figure className="alloc-bars" data-testid={testId}>
      <figcaption className="alloc-bars__title">{title}</figcaption>
      {weights === null ? (
        <p className="alloc-bars__empty">No holdings with price history.</p>
      ) : (
        <>
          <svg className="alloc-bars__bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            {rows.map(([a, w]) => {
              const rect = <rect key={a} className={`alloc-bars__seg ${assetColour(assets, a)}`} x={offset} y="0" width={Math.max(0, w * 100)} height="8" />;
              offset += w * 100;
              return rect;
            })}
          </svg>
          <table className="legend">
            <caption className="sr-only">{title}</caption>
            <tbody>
              {rows.map(([a, w]) => (
                <tr key={a} data-asset={a}>
                  <th scope="row" className="legend__label">
                    <span className="legend__name">
                      <span className={`swatch ${assetColour(assets, a)}`} aria-hidden="true" />
                      {a}
                    </span>
                  </th>
                  <td className="legend__share num" data-weight={w}>{percentOfFraction(w)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
