import { AllocationChart, foldSlices, type AllocationSlice } from '../../components/AllocationChart';
import { formatUsd, sumDecimals } from '../../lib/numberFormat';
import type { AssetGroupView } from '../../lib/portfolioView';

/** The total value in large type, what it spans, and the allocation by asset (donut and table). */
export function TotalCard({
  totalUsd,
  groups,
  chainCount,
  pricesStale,
}: {
  totalUsd: string | null;
  groups: AssetGroupView[];
  chainCount: number;
  pricesStale: boolean;
}) {
  const slices: AllocationSlice[] = groups
    .filter((g) => g.share !== null && g.share > 0)
    .map((g) => ({ key: g.key, label: g.symbol, usdValue: g.usdValue, share: g.share ?? 0 }));
  const folded = foldSlices(slices, (rest) => sumDecimals(rest.flatMap((r) => (r.usdValue === null ? [] : [r.usdValue]))));
  const unpriced = groups.filter((g) => g.usdValue === null).length;
  return (
    <section className="card total" aria-labelledby="total-title">
      <div className="total__main">
        <h2 id="total-title" className="total__label">
          Total value
        </h2>
        <p className="total__value num">
          {formatUsd(totalUsd)}
        </p>
        <p className="total__meta">
          {groups.length} asset{groups.length === 1 ? '' : 's'} on {chainCount} network{chainCount === 1 ? '' : 's'}
          {unpriced > 0 ? ` · ${unpriced} without a price` : ''}
          {pricesStale ? ' · prices not current' : ''}
        </p>
      </div>
      {folded.length > 0 ? (
        <div className="total__chart">
          <h3 className="total__chart-title">Allocation</h3>
          <AllocationChart title="Allocation by asset" slices={folded} />
        </div>
      ) : null}
    </section>
  );
}
