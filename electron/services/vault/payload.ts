/**
 * The decrypted content of the vault: secrets and account records, versioned and validated on every load. A payload
 * that fails validation is VAULT_CORRUPT (it decrypted, so it is ours, but it is not something we wrote).
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hexToBytes } from '@noble/hashes/utils.js';
import { validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { z } from 'zod';
import { CaipChainId } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';

export const PAYLOAD_VERSION = 1;
/** Largest non-hardened BIP-32 index. */
export const MAX_HD_INDEX = 2 ** 31 - 1;
export const MAX_LABEL_LENGTH = 64;

export const WatchTargetSchema = z.strictObject({
  family: z.enum(['evm', 'cosmos']),
  /** CAIP-2 chain id the address is watched on, or null for "every chain of the family". */
  chain: CaipChainId.nullable(),
  address: z.string().min(1).max(128),
});
export type WatchTarget = z.infer<typeof WatchTargetSchema>;

/**
 * A Ledger account: no secret, only where the device keeps the key and what it answered. EVM accounts serve every
 * EVM chain (chain null); a Cosmos account is read with one chain's bech32 prefix (chain set).
 */
export const LedgerTargetSchema = z.strictObject({
  family: z.enum(['evm', 'cosmos']),
  chain: CaipChainId.nullable(),
  /** BIP-32 path as the Ledger apps take it: 44'/60'/0'/0/0 */
  path: z.string().regex(/^\d{1,10}'?(\/\d{1,10}'?){0,9}$/),
  address: z.string().min(1).max(128),
  /** compressed secp256k1 public key, hex */
  publicKey: z.string().regex(/^0[23][0-9a-f]{64}$/),
});
export type LedgerTarget = z.infer<typeof LedgerTargetSchema>;

export const AccountRecordSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  label: z.string().min(1).max(MAX_LABEL_LENGTH),
  kind: z.enum(['hd', 'private-key', 'watch', 'ledger']),
  hdIndex: z.number().int().min(0).max(MAX_HD_INDEX).nullable(),
  watch: WatchTargetSchema.nullable(),
  /** set for (and only for) kind 'ledger'; absent in files written before Ledger accounts existed */
  ledger: LedgerTargetSchema.nullable().optional(),
  /** milliseconds since the epoch */
  createdAt: z.number().int().nonnegative(),
});
export type AccountRecord = z.infer<typeof AccountRecordSchema>;

const PrivateKeyHex = z.string().regex(/^[0-9a-f]{64}$/);

const PayloadShape = z.strictObject({
  payloadVersion: z.literal(PAYLOAD_VERSION),
  mnemonic: z.string().nullable(),
  passphrase: z.string(),
  accounts: z.array(AccountRecordSchema),
  privateKeys: z.record(z.string(), PrivateKeyHex),
  nextHdIndex: z.number().int().min(0).max(MAX_HD_INDEX + 1),
});
export type VaultPayload = z.infer<typeof PayloadShape>;

/** Cross-field rules: each kind carries exactly its own data, ids and HD indexes are unique, keys are valid. */
function isConsistent(payload: VaultPayload): boolean {
  const { mnemonic, accounts, privateKeys, nextHdIndex } = payload;
  if (mnemonic !== null && !validateMnemonic(mnemonic, wordlist)) return false;
  const ids = new Set<string>();
  const hdIndexes = new Set<number>();
  for (const account of accounts) {
    if (ids.has(account.id)) return false;
    ids.add(account.id);
    if (account.kind !== 'ledger' && (account.ledger ?? null) !== null) return false;
    if (account.kind === 'ledger') {
      if (account.hdIndex !== null || account.watch !== null || (account.ledger ?? null) === null) return false;
    } else if (account.kind === 'hd') {
      if (mnemonic === null || account.hdIndex === null || account.watch !== null) return false;
      if (account.hdIndex >= nextHdIndex || hdIndexes.has(account.hdIndex)) return false;
      hdIndexes.add(account.hdIndex);
    } else if (account.kind === 'private-key') {
      if (account.hdIndex !== null || account.watch !== null || privateKeys[account.id] === undefined) return false;
    } else if (account.hdIndex !== null || account.watch === null) {
      return false;
    }
  }
  return Object.entries(privateKeys).every(([id, hex]) => {
    const owner = accounts.find((account) => account.id === id);
    return owner?.kind === 'private-key' && secp256k1.utils.isValidSecretKey(hexToBytes(hex));
  });
}

const PayloadSchema = PayloadShape.refine(isConsistent);

/** UTF-8 JSON of a payload; the caller wipes the returned buffer after encrypting it. */
export function encodePayload(payload: VaultPayload): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(payload));
}

/**
 * Parses decrypted bytes. Throws VAULT_CORRUPT without a cause: parser messages could quote the plaintext, which
 * holds the mnemonic.
 */
export function decodePayload(bytes: Uint8Array): VaultPayload {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    raw = undefined;
  }
  const parsed = PayloadSchema.safeParse(raw);
  if (!parsed.success) throw new StrataError('VAULT_CORRUPT', 'The vault content is damaged');
  return parsed.data;
}

/** A new empty payload. */
export function emptyPayload(): VaultPayload {
  return { payloadVersion: PAYLOAD_VERSION, mnemonic: null, passphrase: '', accounts: [], privateKeys: {}, nextHdIndex: 0 };
}
