import { formatShare, formatUsd } from '../lib/numberFormat';

export interface AllocationSlice {
  key: string;
  label: string;
  usdValue: string | null;
  /** 0..1 */
  share: number;
}

/** How many slices the chart draws before folding the rest into "Other": more colours would not be told apart. */
export const MAX_SLICES = 6;
const RADIUS = 46;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;
/** Gap between slices, in the same units as the circumference. */
const GAP = 1.6;

/** The palette class of a slice: by position, with "Other" always in the neutral last colour. */
export function sliceColour(slice: AllocationSlice, index: number): string {
  return slice.key === OTHER_KEY ? 'chart-7' : `chart-${index % 7}`;
}

const OTHER_KEY = '__other';

/** Keeps the largest slices and folds the rest into one "Other" slice (values summed by the caller's strings). */
export function foldSlices(slices: readonly AllocationSlice[], otherValue: (rest: AllocationSlice[]) => string | null): AllocationSlice[] {
  const sorted = [...slices].sort((a, b) => b.share - a.share);
  if (sorted.length <= MAX_SLICES) return sorted;
  const kept = sorted.slice(0, MAX_SLICES - 1);
  const rest = sorted.slice(MAX_SLICES - 1);
  return [...kept, { key: OTHER_KEY, label: `Other (${rest.length})`, usdValue: otherValue(rest), share: rest.reduce((s, r) => s + r.share, 0) }];
}

/**
 * A donut of the allocation drawn with one SVG circle per slice (stroke-dasharray, set as attributes: no inline
 * style under the CSP), and beside it a table with the same numbers, which is what screen readers read.
 */
export function AllocationChart({ title, slices }: { title: string; slices: readonly AllocationSlice[] }) {
  let offset = 0;
  const arcs = slices.map((slice, index) => {
    const length = slice.share * CIRCUMFERENCE;
    const visible = Math.max(0, length - (slices.length > 1 ? GAP : 0));
    const arc = { slice, index, dash: `${visible} ${CIRCUMFERENCE - visible}`, dashOffset: -offset };
    offset += length;
    return arc;
  });
  return (
    <div className="allocation">
      <svg className="donut" viewBox="0 0 120 120" aria-hidden="true" focusable="false">
        <circle className="donut__track" cx="60" cy="60" r={RADIUS} />
        <g transform="rotate(-90 60 60)">
          {arcs.map(({ slice, index, dash, dashOffset }) => (
            <circle
              key={slice.key}
              className={`donut__slice ${sliceColour(slice, index)}`}
              cx="60"
              cy="60"
              r={RADIUS}
              strokeDasharray={dash}
              strokeDashoffset={dashOffset}
            />
          ))}
        </g>
      </svg>
      <table className="legend">
        <caption className="sr-only">{title}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Asset</th>
            <th scope="col">Value</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {slices.map((slice, index) => (
            <tr key={slice.key}>
              <th scope="row" className="legend__label">
                <span className="legend__name">
                  <span className={`swatch ${sliceColour(slice, index)}`} aria-hidden="true" />
                  {slice.label}
                </span>
              </th>
              <td className="legend__value num">{formatUsd(slice.usdValue)}</td>
              <td className="legend__share num">{formatShare(slice.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
