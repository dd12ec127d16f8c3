/** A fraction as a percentage: 0.4512 → "45.1%". */
export function formatPct(value: number, digits = 1): string {
  return `${(value * 100).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}
