import { invalidInput, optimizerError } from './errors';

/**
 * What the user allows. All shares are fractions of the portfolio; weights always sum to 1.
 * Defaults: long-only, every asset in [0, 1], no groups, every chain allowed.
 */
export interface PortfolioConstraints {
  /** [min, max] weight of every asset (default [0, 1]; e.g. [-1, 1] allows shorting). */
  bounds?: [number, number];
  /** Per-asset [min, max] overriding `bounds`. */
  assetBounds?: Record<string, [number, number]>;
  /** Asset -> its group or groups (a chain, a class such as "stablecoins" or "L1", a sector). */
  groups?: Record<string, string | string[]>;
  /** Group -> [min, max] total weight of its members. */
  groupBounds?: Record<string, [number, number]>;
  /** Asset -> chain; with `allowedChains`, an asset on another chain is held at weight 0. */
  chains?: Record<string, string>;
  allowedChains?: string[];
  /** The stablecoins among the assets, and the least total weight they must have. */
  stablecoins?: string[];
  minStablecoinShare?: number;
}

/** A group of variable assets (indices into `free`) with bounds on their total weight. */
export interface GroupConstraint {
  label: string;
  members: number[];
  lo: number;
  hi: number;
}

/** Constraints reduced to the assets that may hold weight: `free` are their indices among all assets. */
export interface CompiledConstraints {
  assets: string[];
  free: number[];
  lower: number[];
  upper: number[];
  groups: GroupConstraint[];
  /** True when only the defaults apply (long-only [0, 1] bounds, nothing else). */
  isDefault: boolean;
}

/** Linear constraints `rows[k] · x >= rhs[k]`, the first `equalities` of them holding with equality. */
export interface LinearSystem {
  rows: number[][];
  rhs: number[];
  equalities: number;
  /** What each row stands for, to name constraints in messages. */
  labels: string[];
}

const TOL = 1e-12;

/**
 * Validates the constraints against the asset list and reduces them: assets on chains that are not allowed are held
 * at 0 and dropped from the variables. Throws INVALID_INPUT for malformed input (unknown assets, non-finite numbers)
 * and OPTIMIZER_INFEASIBLE, naming the conflicting constraints, for combinations that no portfolio can meet.
 */
export function compileConstraints(assets: string[], spec: PortfolioConstraints = {}): CompiledConstraints {
  const index = new Map(assets.map((a, i) => [a, i]));
  const known = (name: string, where: string): number => {
    const i = index.get(name);
    if (i === undefined) throw invalidInput(`Unknown asset "${name}" in ${where}`);
    return i;
  };
  const [lo0, hi0] = pair(spec.bounds ?? [0, 1], 'bounds');
  const lower = assets.map(() => lo0);
  const upper = assets.map(() => hi0);
  for (const [name, b] of Object.entries(spec.assetBounds ?? {})) {
    const i = known(name, 'assetBounds');
    const [lo, hi] = pair(b, `assetBounds of "${name}"`);
    lower[i] = lo;
    upper[i] = hi;
  }
  for (let i = 0; i < assets.length; i++) {
    if ((lower[i] as number) > (upper[i] as number) + TOL) {
      throw optimizerError('OPTIMIZER_INFEASIBLE', `Asset "${assets[i] as string}": minimum weight ${fmt(lower[i] as number)} > maximum ${fmt(upper[i] as number)}`);
    }
  }

  // Chains: assets elsewhere are fixed at 0.
  const excluded = new Set<number>();
  if (spec.allowedChains !== undefined) {
    const allowed = new Set(spec.allowedChains);
    const chains = spec.chains ?? {};
    for (const name of Object.keys(chains)) known(name, 'chains');
    assets.forEach((name, i) => {
      const chain = chains[name];
      if (chain === undefined) throw invalidInput(`Asset "${name}" has no chain, but allowedChains is set`);
      if (allowed.has(chain)) return;
      if ((lower[i] as number) > TOL) {
        throw optimizerError('OPTIMIZER_INFEASIBLE', `Asset "${name}" must hold at least ${fmt(lower[i] as number)} but its chain "${chain}" is not allowed`);
      }
      excluded.add(i);
    });
  }
  const free = assets.map((_, i) => i).filter((i) => !excluded.has(i));
  if (free.length === 0) throw optimizerError('OPTIMIZER_INFEASIBLE', 'No asset is on an allowed chain');
  const where = excluded.size > 0 ? ' of the assets on allowed chains' : '';
  const sumLo = free.reduce((s, i) => s + (lower[i] as number), 0);
  const sumHi = free.reduce((s, i) => s + (upper[i] as number), 0);
  if (sumLo > 1 + TOL) throw optimizerError('OPTIMIZER_INFEASIBLE', `Sum of minimum weights${where} ${fmt(sumLo)} > 1`);
  if (sumHi < 1 - TOL) throw optimizerError('OPTIMIZER_INFEASIBLE', `Sum of maximum weights${where} ${fmt(sumHi)} < 1`);

  // Groups, then the stablecoin share as one more group.
  const position = new Map(free.map((i, k) => [i, k]));
  const members = new Map<string, number[]>();
  for (const [name, g] of Object.entries(spec.groups ?? {})) {
    const i = known(name, 'groups');
    for (const group of Array.isArray(g) ? g : [g]) {
      if (typeof group !== 'string' || group === '') throw invalidInput(`Asset "${name}" has an empty group name`);
      const list = members.get(group) ?? [];
      list.push(i);
      members.set(group, list);
    }
  }
  const groups: GroupConstraint[] = [];
  /** `subject` opens each message ('Group "x"'), `membersMax` / `membersMin` name the members' bound sums. */
  const addGroup = (label: string, all: number[], lo: number, hi: number, subject: string, membersMax: string, membersMin: string): void => {
    const inFree = all.filter((i) => position.has(i));
    const memberLo = inFree.reduce((s, i) => s + (lower[i] as number), 0);
    const memberHi = inFree.reduce((s, i) => s + (upper[i] as number), 0);
    if (lo > hi + TOL) throw optimizerError('OPTIMIZER_INFEASIBLE', `${subject}: minimum ${fmt(lo)} > maximum ${fmt(hi)}`);
    if (lo > memberHi + TOL) {
      if (inFree.length === 0) throw optimizerError('OPTIMIZER_INFEASIBLE', `${subject} minimum ${fmt(lo)} cannot be met: no member is on an allowed chain`);
      throw optimizerError('OPTIMIZER_INFEASIBLE', `${subject} minimum ${fmt(lo)} exceeds the sum of ${membersMax} ${fmt(memberHi)}`);
    }
    if (hi < memberLo - TOL) throw optimizerError('OPTIMIZER_INFEASIBLE', `${subject} maximum ${fmt(hi)} is below the sum of ${membersMin} ${fmt(memberLo)}`);
    // The other assets take 1 - (group total): their own bounds limit the group from the other side.
    const inGroup = new Set(inFree);
    const others = free.filter((i) => !inGroup.has(i));
    const otherLo = others.reduce((s, i) => s + (lower[i] as number), 0);
    const otherHi = others.reduce((s, i) => s + (upper[i] as number), 0);
    if (lo + otherLo > 1 + TOL) throw optimizerError('OPTIMIZER_INFEASIBLE', `${subject} minimum ${fmt(lo)} plus the other assets' minimums ${fmt(otherLo)} exceeds 1`);
    if (hi + otherHi < 1 - TOL) throw optimizerError('OPTIMIZER_INFEASIBLE', `${subject} maximum ${fmt(hi)} plus the other assets' maximums ${fmt(otherHi)} is below 1`);
    // A bound that the other bounds already imply adds nothing but degeneracy for the solver.
    const needLo = lo > Math.max(memberLo, 1 - otherHi) + TOL;
    const needHi = hi < Math.min(memberHi, 1 - otherLo) - TOL;
    if (needLo || needHi) {
      groups.push({ label, members: inFree.map((i) => position.get(i) as number), lo: needLo ? lo : -Infinity, hi: needHi ? hi : Infinity });
    }
  };
  for (const [group, b] of Object.entries(spec.groupBounds ?? {})) {
    const [lo, hi] = pair(b, `groupBounds of "${group}"`, false);
    addGroup(`group "${group}"`, members.get(group) ?? [], lo, hi, `Group "${group}"`, "its members' maximums", "its members' minimums");
  }
  if (spec.minStablecoinShare !== undefined) {
    const share = spec.minStablecoinShare;
    if (!Number.isFinite(share) || share < 0 || share > 1) throw invalidInput('minStablecoinShare must be a number from 0 to 1');
    const stables = (spec.stablecoins ?? []).map((name) => known(name, 'stablecoins'));
    addGroup('stablecoin share', stables, share, Infinity, 'Stablecoin share', "the stablecoins' maximum weights", "the stablecoins' minimum weights");
  } else if (spec.stablecoins !== undefined) {
    for (const name of spec.stablecoins) known(name, 'stablecoins');
  }

  const isDefault = lo0 === 0 && hi0 === 1 && excluded.size === 0 && groups.length === 0 && lower.every((x) => x === 0) && upper.every((x) => x === 1);
  return {
    assets,
    free,
    lower: free.map((i) => lower[i] as number),
    upper: free.map((i) => upper[i] as number),
    groups,
    isDefault,
  };
}

/**
 * The linear system over the free assets' weights: sum = 1 (an equality), per-asset bounds, then group bounds.
 */
export function linearSystem(c: CompiledConstraints): LinearSystem {
  const m = c.free.length;
  const rows: number[][] = [new Array<number>(m).fill(1)];
  const rhs = [1];
  const labels = ['weights sum to 1'];
  const sumLo = c.lower.reduce((s, v) => s + v, 0);
  const sumHi = c.upper.reduce((s, v) => s + v, 0);
  for (let k = 0; k < m; k++) {
    const name = c.assets[c.free[k] as number] as string;
    const lo = c.lower[k] as number;
    const hi = c.upper[k] as number;
    const e = new Array<number>(m).fill(0);
    e[k] = 1;
    // With the weights summing to 1, x_k = 1 - (the others): their bounds may already imply this one (long-only
    // x_k <= 1 always is). Implied rows only slow the solver down.
    if (lo > 1 - (sumHi - hi) + 1e-15) {
      rows.push(e);
      rhs.push(lo);
      labels.push(`minimum weight of "${name}"`);
    }
    if (hi < 1 - (sumLo - lo) - 1e-15) {
      rows.push(e.map((x) => -x));
      rhs.push(-hi);
      labels.push(`maximum weight of "${name}"`);
    }
  }
  for (const g of c.groups) {
    const row = new Array<number>(m).fill(0);
    for (const k of g.members) row[k] = 1;
    if (g.lo > -Infinity) {
      rows.push(row);
      rhs.push(g.lo);
      labels.push(`${g.label} minimum ${fmt(g.lo)}`);
    }
    if (g.hi < Infinity) {
      rows.push(row.map((x) => -x));
      rhs.push(-g.hi);
      labels.push(`${g.label} maximum ${fmt(g.hi)}`);
    }
  }
  return { rows, rhs, equalities: 1, labels };
}

function pair(value: unknown, what: string, finite = true): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) throw invalidInput(`${what} must be a pair [min, max]`);
  const [lo, hi] = value as unknown[];
  const ok = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x) && (!finite || Number.isFinite(x));
  if (!ok(lo) || !ok(hi)) throw invalidInput(`${what} must be two ${finite ? 'finite ' : ''}numbers`);
  return [lo, hi];
}

/** Formats a share for a message: up to 6 significant digits, no float noise (0.30000000000000004 -> 0.3). */
export function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}
