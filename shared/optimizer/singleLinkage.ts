/**
 * Single-linkage hierarchical clustering exactly as SciPy's `linkage(y, "single")` builds it (the minimum spanning
 * tree algorithm of `_hierarchy.mst_single_linkage`, a stable sort by distance, then union-find relabelling): row k
 * of the result is `[left, right, distance, size]`, where ids below n are leaves and id n + k is the cluster of row k,
 * and within a row the smaller id comes first. Matching SciPy's tie-breaking matters: HRP's leaf order follows it.
 *
 * @param condensed upper triangle of the distance matrix row by row (SciPy's condensed form), length n(n-1)/2
 */
export function singleLinkage(condensed: ArrayLike<number>, n: number): number[][] {
  const index = (i: number, j: number): number => (i < j ? n * i - (i * (i + 1)) / 2 + (j - i - 1) : n * j - (j * (j + 1)) / 2 + (i - j - 1));
  const merged = new Uint8Array(n);
  const nearest = new Float64Array(n).fill(Infinity);
  const rows: number[][] = [];
  let x = 0;
  let y = 0;
  for (let k = 0; k < n - 1; k++) {
    let currentMin = Infinity;
    merged[x] = 1;
    for (let i = 0; i < n; i++) {
      if (merged[i] === 1) continue;
      const dist = condensed[index(x, i)] as number;
      if ((nearest[i] as number) > dist) nearest[i] = dist;
      if ((nearest[i] as number) < currentMin) {
        y = i;
        currentMin = nearest[i] as number;
      }
    }
    rows.push([x, y, currentMin, 0]);
    x = y;
  }
  // Array.prototype.sort is stable, like NumPy's mergesort.
  rows.sort((a, b) => (a[2] as number) - (b[2] as number));
  const parent = Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const size = [...new Array<number>(n).fill(1), ...new Array<number>(n - 1).fill(0)];
  let nextLabel = n;
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) root = parent[root] as number;
    let p = v;
    while (parent[p] !== root) {
      const up = parent[p] as number;
      parent[p] = root;
      p = up;
    }
    return root;
  };
  for (const row of rows) {
    const a = find(row[0] as number);
    const b = find(row[1] as number);
    row[0] = Math.min(a, b);
    row[1] = Math.max(a, b);
    parent[a] = nextLabel;
    parent[b] = nextLabel;
    size[nextLabel] = (size[a] as number) + (size[b] as number);
    row[3] = size[nextLabel] as number;
    nextLabel++;
  }
  return rows;
}

/** Leaves of a linkage tree from left to right (SciPy's `to_tree(Z).pre_order()`). */
export function leafOrder(linkage: number[][], n: number): number[] {
  if (n === 1) return [0];
  const out: number[] = [];
  const stack = [n + linkage.length - 1];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (id < n) {
      out.push(id);
      continue;
    }
    const row = linkage[id - n] as number[];
    stack.push(row[1] as number, row[0] as number);
  }
  return out;
}
