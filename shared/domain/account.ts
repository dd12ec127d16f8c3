import { z } from 'zod';
import { CaipChainId, ChainFamily } from './chain';

export const AccountKind = z.enum(['hd', 'private-key', 'watch', 'ledger']);
export type AccountKind = z.infer<typeof AccountKind>;

export const AccountAddress = z.object({
  chain: CaipChainId,
  address: z.string(),
  /** BIP-32 path for HD accounts; null for imported keys and watch-only addresses. */
  path: z.string().nullable(),
  /** compressed secp256k1 public key, hex; null for watch-only addresses. */
  publicKey: z.string().nullable(),
});
export type AccountAddress = z.infer<typeof AccountAddress>;

/** What the renderer may know about an account: labels and public data only, never key material. */
export const AccountView = z.object({
  id: z.string(),
  label: z.string(),
  kind: AccountKind,
  /** HD address index i of m/44'/<coin type>'/0'/0/i; null for imported keys and watch-only addresses. */
  hdIndex: z.number().int().nonnegative().nullable(),
  /** for watch-only accounts, the family the address belongs to */
  family: ChainFamily.nullable(),
  addresses: z.array(AccountAddress),
});
export type AccountView = z.infer<typeof AccountView>;
