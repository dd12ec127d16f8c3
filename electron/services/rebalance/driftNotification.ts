import type { DriftReport } from '../../../shared/rebalance/rebalanceSchemas';

/** The desktop notification for assets outside their band, e.g. "ETH 35.71 pp above its target". */
export function driftNotification(report: DriftReport): { title: string; body: string } {
  const parts = report.assets
    .filter((a) => a.outOfBand)
    .map((a) => `${a.symbol} ${Math.abs(a.driftPct).toFixed(2)} pp ${a.driftPct > 0 ? 'above' : 'below'} its target`);
  return {
    title: 'Portfolio outside its band',
    body: `${parts.join(', ')} (band ${report.bandPct} pp). Open Strategy to see the rebalancing plan.`,
  };
}
