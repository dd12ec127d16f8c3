/**
 * scrypt cost parameters: the defaults for new writes, the sanity limits for parameters read from a file, and the
 * rule that moves a vault's parameters up (never down) when the defaults grow.
 */
import { StrataError } from '../../../shared/errors';

export type ScryptParams = { N: number; r: number; p: number; dkLen: number };

/** N=2^17, r=8, p=1: about 128 MiB and ~0.5-1 s per derivation on a desktop, once per unlock. */
export const DEFAULT_SCRYPT: ScryptParams = Object.freeze({ N: 2 ** 17, r: 8, p: 1, dkLen: 32 });

/** The vault key is an XChaCha20-Poly1305 key, so the derived length is fixed. */
export const KEY_LENGTH = 32;

const MAX_LOG2_N = 22;
const MAX_R = 32;
const MAX_P = 16;
const MAX_R_TIMES_P = 64;
/** @noble/hashes refuses more than its default maxmem (1 GiB + 2 KiB); stay below so a valid file can always run. */
const MAX_MEMORY_BYTES = 1024 ** 3;

/**
 * The most work a file may ask for: 4x DEFAULT_SCRYPT's N*r*p. A tampered header asking for far more (64x is still
 * under the memory limit, e.g. N=2^20, r=4, p=16) would otherwise hold the app in scrypt for a minute per attempt.
 */
export const MAX_WORK_FACTOR = 4;

/** scrypt's work in units of one BlockMix: N * r * p. */
export function scryptWork(params: ScryptParams): number {
  return params.N * params.r * params.p;
}

/** Memory scrypt needs, as @noble/hashes computes it: 128 * r * (N + p) bytes. */
export function scryptMemoryBytes(params: ScryptParams): number {
  return 128 * params.r * (params.N + params.p);
}

/**
 * Whether parameters are ones we are willing to run: N a power of two in [2, 2^22], small r and p, 32-byte key, at
 * most 4x the default work (N*r*p) and a memory need under 1 GiB. A file that asks for more is treated as corrupt
 * rather than allowed to hang or exhaust the machine.
 */
export function isSaneScryptParams(params: ScryptParams): boolean {
  const { N, r, p, dkLen } = params;
  if (![N, r, p, dkLen].every(Number.isSafeInteger)) return false;
  if (N < 2 || N > 2 ** MAX_LOG2_N || (N & (N - 1)) !== 0) return false;
  if (r < 1 || r > MAX_R || p < 1 || p > MAX_P || r * p > MAX_R_TIMES_P) return false;
  if (dkLen !== KEY_LENGTH) return false;
  if (scryptWork(params) > MAX_WORK_FACTOR * scryptWork(DEFAULT_SCRYPT)) return false;
  return scryptMemoryBytes(params) <= MAX_MEMORY_BYTES;
}

/** Fills in DEFAULT_SCRYPT and checks the result; bad injected defaults are a programming error (INVALID_INPUT). */
export function resolveDefaultParams(overrides: Partial<ScryptParams> | undefined): ScryptParams {
  const params = { ...DEFAULT_SCRYPT, ...overrides };
  if (!isSaneScryptParams(params)) {
    throw new StrataError('INVALID_INPUT', 'Invalid scrypt parameters for the vault');
  }
  return Object.freeze(params);
}

/**
 * The parameters a vault stored with `stored` should be rewritten with: each cost factor raised to the default when
 * the default is higher, never lowered. Returns null when nothing needs to change (or when the combination would not
 * be sane, in which case the stored parameters keep working).
 */
export function upgradedParams(stored: ScryptParams, defaults: ScryptParams): ScryptParams | null {
  const next: ScryptParams = {
    N: Math.max(stored.N, defaults.N),
    r: Math.max(stored.r, defaults.r),
    p: Math.max(stored.p, defaults.p),
    dkLen: KEY_LENGTH,
  };
  if (next.N === stored.N && next.r === stored.r && next.p === stored.p) return null;
  return isSaneScryptParams(next) ? next : null;
}
