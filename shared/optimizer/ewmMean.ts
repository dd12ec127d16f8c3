/**
 * The last value of an exponentially weighted mean, as pandas `Series.ewm(span=span).mean().iloc[-1]` computes it
 * (adjust=True, ignore_na=False): weights `(1 - alpha)^age` with `alpha = 2 / (span + 1)`, where the age counts every
 * row including missing ones (NaN), so a gap ages the older observations. NaN when there is no observation.
 */
export function ewmMeanLast(values: ArrayLike<number>, span: number): number {
  const alpha = 2 / (span + 1);
  const decay = 1 - alpha;
  const n = values.length;
  if (n === 0) return NaN;
  let weighted = values[0] as number;
  let oldWeight = 1;
  // Same recursion as pandas (window/aggregations.pyx ewm), so results agree to the last bits.
  for (let i = 1; i < n; i++) {
    const cur = values[i] as number;
    const observed = cur === cur;
    if (weighted === weighted) {
      oldWeight *= decay;
      if (observed) {
        if (weighted !== cur) weighted = (oldWeight * weighted + cur) / (oldWeight + 1);
        oldWeight += 1;
      }
    } else if (observed) {
      weighted = cur;
    }
  }
  return weighted;
}
