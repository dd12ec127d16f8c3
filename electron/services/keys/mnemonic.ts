import { generateMnemonic as scureGenerate, mnemonicToSeed, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { StrataError } from '../../../shared/errors';

export type WordCount = 12 | 24;

/** A fresh BIP-39 English mnemonic: 128 bits of entropy for 12 words, 256 for 24. */
export function generateMnemonic(words: WordCount): string {
  return scureGenerate(wordlist, words === 12 ? 128 : 256);
}

/** Lowercases, trims and collapses white space; the BIP-39 NFKD step happens inside @scure/bip39. */
export function normalizeMnemonic(input: string): string {
  return input.trim().toLowerCase().split(/\s+/u).join(' ');
}

/**
 * Checks word count, words and checksum of an English BIP-39 mnemonic.
 * @returns the normalized mnemonic
 * @throws StrataError INVALID_MNEMONIC (the message never repeats the words)
 */
export function parseMnemonic(input: string): string {
  const mnemonic = normalizeMnemonic(input);
  const words = mnemonic.split(' ');
  if (![12, 15, 18, 21, 24].includes(words.length)) {
    throw new StrataError('INVALID_MNEMONIC', `A recovery phrase has 12, 15, 18, 21 or 24 words, not ${words.length}`);
  }
  const unknown = words.findIndex((w) => !wordlist.includes(w));
  if (unknown >= 0) throw new StrataError('INVALID_MNEMONIC', `Word ${unknown + 1} is not in the BIP-39 English list`);
  if (!validateMnemonic(mnemonic, wordlist)) {
    throw new StrataError('INVALID_MNEMONIC', 'The recovery phrase checksum does not match: check the word order');
  }
  return mnemonic;
}

/** BIP-39 seed (64 bytes) of a validated mnemonic and an optional passphrase. */
export async function seedFromMnemonic(mnemonic: string, passphrase = ''): Promise<Uint8Array> {
  return mnemonicToSeed(parseMnemonic(mnemonic), passphrase);
}
