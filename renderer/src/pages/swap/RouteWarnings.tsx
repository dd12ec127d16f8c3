import type { Route } from '../../../../shared/domain/route';
import { AlertIcon } from '../../components/icons';

/** A route's warnings (high impact, thin liquidity, long delivery…) spelled out, each with an icon, never by colour alone. */
export function RouteWarnings({ warnings }: { warnings: Route['warnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="route-warnings" aria-label="Warnings">
      {warnings.map((w) => (
        <li key={w.code} className="route-warning" data-warning={w.code}>
          <AlertIcon /> <span>{w.message}</span>
        </li>
      ))}
    </ul>
  );
}
