import { HDKey } from '@scure/bip32';
import { bytesToHex } from '@noble/hashes/utils.js';
import { pbkdf2Sync } from 'node:crypto';
import { privateKeyToAddress } from 'viem/accounts';
import { DEVNET_ACCOUNT_COUNT, DEVNET_DEPLOYER_INDEX, DEVNET_MNEMONIC } from './devnetSpec';

/** A devnet account: EIP-55 address and its private key (0x hex). The keys are public test keys, never real ones. */
export interface DevnetKeyPair {
  index: number;
  address: `0x${string}`;
  privateKey: `0x${string}`;
}

export interface DevnetKeys {
  /** m/44'/60'/0'/0/0 .. /19 */
  accounts: DevnetKeyPair[];
  /** m/44'/60'/0'/0/20 */
  deployer: DevnetKeyPair;
}

let cached: DevnetKeys | undefined;

/**
 * Derives the devnet's test keys from the public test mnemonic (once per process). These keys only ever control
 * devnet funds; they are still kept out of logs like any key.
 */
export function deriveDevnetTestKeys(): DevnetKeys {
  if (cached) return cached;
  // BIP-39 seed with Node's native PBKDF2: the pure-JS one takes a second or more on a loaded CI machine, and this
  // runs in plain Node only (never in Electron, whose BoringSSL is irrelevant for PBKDF2 anyway).
  const seed = pbkdf2Sync(DEVNET_MNEMONIC.normalize('NFKD'), 'mnemonic', 2048, 64, 'sha512');
  const external = HDKey.fromMasterSeed(seed).derive("m/44'/60'/0'/0");
  const pair = (index: number): DevnetKeyPair => {
    const key = external.deriveChild(index).privateKey;
    if (!key) throw new Error('BIP-32 derivation produced no private key');
    const privateKey = `0x${bytesToHex(key)}` as const;
    return { index, address: privateKeyToAddress(privateKey), privateKey };
  };
  cached = { accounts: Array.from({ length: DEVNET_ACCOUNT_COUNT }, (_, index) => pair(index)), deployer: pair(DEVNET_DEPLOYER_INDEX) };
  return cached;
}
