import type { Portfolio } from '../../../../shared/domain/portfolio';
import { AlertIcon } from '../../components/icons';
import { useChainsStore } from '../../stores/chainsStore';
import { chainErrorText } from './chainErrorText';

/**
 * Chains that could not be read in the last refresh, said quietly: one line ("Osmosis: no RPC answered") or, for
 * several, a summary that opens to the list. Main keeps a failing chain's last known balances when it has them, so
 * the line says whether the total still counts them.
 */
export function ChainErrors({ errors, holdings }: { errors: Portfolio['errors']; holdings: Portfolio['holdings'] }) {
  const byId = useChainsStore((s) => s.byId);
  if (errors.length === 0) return null;
  const held = new Set(holdings.map((h) => h.asset.chain));
  const lines = errors.map((e) => ({ chain: e.chain, kept: held.has(e.chain), text: `${byId[e.chain]?.name ?? e.chain}: ${chainErrorText(e.code, e.message)}` }));
  const first = lines[0];
  if (lines.length === 1 && first) {
    return (
      <p className="chain-errors chain-errors--single" data-chain={first.chain}>
        <AlertIcon />
        <span>
          {first.text}. {first.kept ? 'Showing its last known balances.' : 'Its balances are not in the total.'}
        </span>
      </p>
    );
  }
  const kept = lines.filter((l) => l.kept).length;
  return (
    <details className="chain-errors">
      <summary>
        <AlertIcon />
        <span>
          {lines.length} networks could not be read
          {kept === lines.length ? '; showing their last known balances.' : kept === 0 ? '; their balances are not in the total.' : '; some show their last known balances.'}
        </span>
        <span className="chain-errors__toggle">Details</span>
      </summary>
      <ul>
        {lines.map((line) => (
          <li key={line.chain} data-chain={line.chain}>
            {line.text}
            {line.kept ? ' (last known balances)' : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
