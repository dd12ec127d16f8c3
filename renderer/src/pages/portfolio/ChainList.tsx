import type { ChainGroupView } from '../../lib/portfolioView';
import { formatShare, formatUsd } from '../../lib/numberFormat';

/** "By chain": value per network, with a thin bar of its share (an SVG rect: widths as attributes, CSP-safe). */
export function ChainList({ groups }: { groups: ChainGroupView[] }) {
  return (
    <section className="card holdings" aria-labelledby="by-chain-title">
      <h2 id="by-chain-title" className="holdings__title">
        By chain
      </h2>
      <ul className="chain-list">
        {groups.map((g) => (
          <li key={g.key} className="chain-row" data-chain={g.key}>
            <div className="chain-row__top">
              <span className="chain-row__name">{g.label}</span>
              <span className="chain-row__value num">{formatUsd(g.usdValue)}</span>
            </div>
            <div className="chain-row__bottom">
              <span className="chain-row__assets">{g.symbols.join(' · ')}</span>
              <span className="chain-row__share num">{formatShare(g.share)}</span>
            </div>
            <svg className="share-bar" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect className="share-bar__track" width="100" height="4" rx="2" />
              <rect className="share-bar__fill" width={Math.max(0, Math.min(1, g.share ?? 0)) * 100} height="4" rx="2" />
            </svg>
          </li>
        ))}
      </ul>
    </section>
  );
}
