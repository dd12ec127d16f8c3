import { StrataError } from '../../../shared/errors';

const HARDENED_LIMIT = 0x80000000;

/** BIP-44 path m/44'/<coinType>'/<account>'/0/<index> (external chain). */
export function bip44Path(coinType: number, index = 0, account = 0): string {
  for (const [name, value] of [['coin type', coinType], ['account', account], ['index', index]] as const) {
    if (!Number.isInteger(value) || value < 0 || value >= HARDENED_LIMIT) {
      throw new StrataError('INVALID_PATH', `BIP-44 ${name} must be an integer from 0 to 2^31-1`);
    }
  }
  return `m/44'/${coinType}'/${account}'/0/${index}`;
}
