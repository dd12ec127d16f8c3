/**
 * Validation and normalization of what callers hand the vault: passwords, mnemonics, private keys, labels and
 * watch-only addresses. Error messages never echo the value (it may be a secret).
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { bech32 } from '@scure/base';
import { validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { StrataError } from '../../../shared/errors';
import { CaipChainId } from '../../../shared/domain/chain';
import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import { LedgerTargetSchema, MAX_LABEL_LENGTH, type LedgerTarget, type WatchTarget } from './payload';

/** Strength is the caller's policy; the vault only refuses an empty password. */
export function assertPassword(password: string): void {
  if (typeof password !== 'string' || password.length === 0) {
    throw new StrataError('INVALID_INPUT', 'The password must not be empty');
  }
}

/** Lower-case, single-spaced English BIP-39 mnemonic; INVALID_MNEMONIC when the words or checksum are wrong. */
export function normalizeMnemonic(mnemonic: string): string {
  const normalized = typeof mnemonic === 'string' ? mnemonic.normalize('NFKD').trim().toLowerCase().split(/\s+/).join(' ') : '';
  if (!validateMnemonic(normalized, wordlist)) {
    throw new StrataError('INVALID_MNEMONIC', 'The recovery phrase is not a valid BIP-39 English phrase');
  }
  return normalized;
}

/** A 32-byte secp256k1 secret scalar in [1, n-1], as lower-case hex; INVALID_PRIVATE_KEY otherwise. */
export function privateKeyToHex(privateKey: Uint8Array): string {
  if (!(privateKey instanceof Uint8Array) || privateKey.length !== 32 || !secp256k1.utils.isValidSecretKey(privateKey)) {
    throw new StrataError('INVALID_PRIVATE_KEY', 'The private key must be 32 bytes and a valid secp256k1 key');
  }
  return bytesToHex(privateKey);
}

/** Trims a label; INVALID_INPUT when empty or longer than 64 characters. */
export function normalizeLabel(label: string): string {
  const trimmed = typeof label === 'string' ? label.trim() : '';
  if (trimmed.length === 0 || trimmed.length > MAX_LABEL_LENGTH) {
    throw new StrataError('INVALID_INPUT', `The label must be 1 to ${MAX_LABEL_LENGTH} characters`);
  }
  return trimmed;
}

/** EIP-55 checksum form of a 20-byte hex address (lower-case input, without 0x). */
function toChecksumAddress(lowerHex: string): string {
  const hash = bytesToHex(keccak_256(utf8ToBytes(lowerHex)));
  let out = '0x';
  for (let i = 0; i < lowerHex.length; i += 1) {
    const char = lowerHex[i] as string;
    out += parseInt(hash[i] as string, 16) >= 8 ? char.toUpperCase() : char;
  }
  return out;
}

function invalidAddress(): StrataError {
  return new StrataError('INVALID_ADDRESS', 'The address is not valid for this chain family');
}

function normalizeEvmAddress(address: string): string {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw invalidAddress();
  const body = address.slice(2);
  const checksummed = toChecksumAddress(body.toLowerCase());
  // All-lower or all-upper carry no checksum; mixed case must be a correct EIP-55 checksum.
  const mixedCase = body !== body.toLowerCase() && body !== body.toUpperCase();
  if (mixedCase && checksummed !== address) throw invalidAddress();
  return checksummed;
}

function normalizeCosmosAddress(address: string): string {
  const decoded = bech32.decodeUnsafe(address, 90);
  const bytes = decoded ? bech32.fromWordsUnsafe(decoded.words) : undefined;
  if (!decoded || !bytes || (bytes.length !== 20 && bytes.length !== 32)) throw invalidAddress();
  return address.toLowerCase();
}

/**
 * Validates a watch-only target and returns its canonical form (EIP-55 for EVM, lower-case bech32 for Cosmos). The
 * chain, when given, must be a CAIP-2 id of the same family.
 */
export function normalizeWatchTarget(watch: WatchTarget): WatchTarget {
  if (typeof watch !== 'object' || watch === null || (watch.family !== 'evm' && watch.family !== 'cosmos')) {
    throw new StrataError('INVALID_INPUT', 'A watch-only account needs a family of evm or cosmos');
  }
  const chain = watch.chain ?? null;
  if (chain !== null) {
    const namespace = watch.family === 'evm' ? 'eip155:' : 'cosmos:';
    if (!CaipChainId.safeParse(chain).success || !chain.startsWith(namespace)) {
      throw new StrataError('INVALID_INPUT', 'The chain must be a CAIP-2 chain id of the same family');
    }
  }
  if (typeof watch.address !== 'string') throw invalidAddress();
  const address = watch.family === 'evm' ? normalizeEvmAddress(watch.address) : normalizeCosmosAddress(watch.address);
  return { family: watch.family, chain, address };
}

/**
 * Checks a Ledger account before it is stored: the family's chain namespace, a path, a valid compressed public key
 * and an address that is that key's (EIP-55 for EVM, the bech32 prefix of the given address for Cosmos).
 * @throws INVALID_INPUT, INVALID_ADDRESS
 */
export function normalizeLedgerTarget(ledger: LedgerTarget): LedgerTarget {
  const parsed = LedgerTargetSchema.safeParse(ledger);
  if (!parsed.success) throw new StrataError('INVALID_INPUT', 'A Ledger account needs a family, a path, an address and a public key');
  const { family, chain, path, publicKey } = parsed.data;
  if (chain !== null && !chain.startsWith(family === 'evm' ? 'eip155:' : 'cosmos:')) {
    throw new StrataError('INVALID_INPUT', 'The chain must be a CAIP-2 chain id of the same family');
  }
  if (family === 'cosmos' && chain === null) throw new StrataError('INVALID_INPUT', 'A Cosmos Ledger account is read for one chain');
  const address = family === 'evm' ? normalizeEvmAddress(parsed.data.address) : normalizeCosmosAddress(parsed.data.address);
  const prefix = family === 'cosmos' ? address.slice(0, address.lastIndexOf('1')) : null;
  let expected: string;
  try {
    expected = addressFromPublicKey(hexToBytes(publicKey), { addressScheme: family, bech32Prefix: prefix });
  } catch {
    throw new StrataError('INVALID_INPUT', 'The Ledger public key is not a valid secp256k1 key');
  }
  if (expected !== address) throw new StrataError('INVALID_ADDRESS', 'The address is not the Ledger public key\'s address');
  return { family, chain, path, address, publicKey };
}
