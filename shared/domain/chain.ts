import { z } from 'zod';

/** CAIP-2 chain id: `eip155:<chainId>` for EVM chains, `cosmos:<chain-id>` for Cosmos SDK chains. */
export const CaipChainId = z
  .string()
  .regex(/^(eip155:[1-9][0-9]{0,18}|cosmos:[a-zA-Z0-9][a-zA-Z0-9._-]{0,47})$/, 'not a CAIP-2 chain id');
export type CaipChainId = z.infer<typeof CaipChainId>;

export const ChainFamily = z.enum(['evm', 'cosmos']);
export type ChainFamily = z.infer<typeof ChainFamily>;

/**
 * How a chain turns a secp256k1 public key into an address:
 * - `evm`: keccak256 of the uncompressed key, last 20 bytes, EIP-55 hex;
 * - `cosmos`: ripemd160(sha256(compressed key)) in bech32;
 * - `eth-bech32`: the EVM 20 bytes in bech32 (Injective, Evmos).
 */
export const AddressScheme = z.enum(['evm', 'cosmos', 'eth-bech32']);
export type AddressScheme = z.infer<typeof AddressScheme>;

export const ChainInfo = z.object({
  id: CaipChainId,
  alias: z.string(),
  name: z.string(),
  family: ChainFamily,
  addressScheme: AddressScheme,
  /** SLIP-44 coin type used in m/44'/<coinType>'/... */
  coinType: z.number().int().nonnegative(),
  /** bech32 human-readable prefix; null for EVM chains. */
  bech32Prefix: z.string().nullable(),
  nativeAsset: z.object({
    symbol: z.string(),
    /** base denomination on chain (`wei`, `uatom`, ...) */
    denom: z.string(),
    decimals: z.number().int().min(0).max(36),
  }),
  testnet: z.boolean(),
});
export type ChainInfo = z.infer<typeof ChainInfo>;
