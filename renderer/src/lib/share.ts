/** A share of a total (0..1) as a percentage for people: "42.5%", "<0.1%", "100%". */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  if (share > 0 && share < 0.001) return '<0.1%';
  const percent = Math.round(share * 1000) / 10;
  return `${percent % 1 === 0 ? percent.toFixed(0) : percent.toFixed(1)}%`;
}
