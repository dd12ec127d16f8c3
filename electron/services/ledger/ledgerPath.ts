import { StrataError } from '../../../shared/errors';

const HARDENED = 0x80000000;
const MAX_INDEX = 2 ** 31 - 1;

/**
 * A BIP-32 path as the Ledger apps take it ("44'/60'/0'/0/3", no leading "m/"), validated: 1 to 10 levels, each an
 * integer below 2^31, optionally hardened with ' . Accepts a leading "m/".
 * @throws INVALID_PATH
 */
export function normalizeLedgerPath(path: string): string {
  const trimmed = path.trim().replace(/^m\//, '');
  const parts = trimmed.split('/');
  if (parts.length < 1 || parts.length > 10) throw new StrataError('INVALID_PATH', 'A path has 1 to 10 levels, like 44\'/60\'/0\'/0/0');
  for (const part of parts) {
    const match = /^(\d{1,10})('?)$/.exec(part);
    if (!match || Number(match[1]) > MAX_INDEX) {
      throw new StrataError('INVALID_PATH', `"${part.slice(0, 16)}" is not a path level: an integer below 2^31, optionally followed by '`);
    }
  }
  return parts.join('/');
}

/** The path's levels as 32-bit integers (hardened levels have the top bit set). */
export function ledgerPathLevels(path: string): number[] {
  return normalizeLedgerPath(path).split('/').map((part) => (part.endsWith("'") ? Number(part.slice(0, -1)) + HARDENED : Number(part)) >>> 0);
}

/**
 * The path of account `index` on a coin type: 44'/coin'/0'/0/index, the same path the vault derives its HD accounts
 * on (so a Ledger with the same seed shows the same addresses).
 * @throws INVALID_PATH
 */
export function ledgerAccountPath(coinType: number, index: number): string {
  if (!Number.isInteger(coinType) || coinType < 0 || coinType > MAX_INDEX) throw new StrataError('INVALID_PATH', 'The coin type must be an integer from 0 to 2^31-1');
  if (!Number.isInteger(index) || index < 0 || index > MAX_INDEX) throw new StrataError('INVALID_PATH', 'The index must be an integer from 0 to 2^31-1');
  return `44'/${coinType}'/0'/0/${index}`;
}
