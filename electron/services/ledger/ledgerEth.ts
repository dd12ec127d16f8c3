import Eth from '@ledgerhq/hw-app-eth';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { computeAddress, getAddress } from 'ethers';
import { StrataError } from '../../../shared/errors';
import { ledgerErrorFrom } from './ledgerErrors';
import { normalizeLedgerPath } from './ledgerPath';
import type { LedgerTransport } from './openLedgerTransport';

/** An address read from the device, with its 33-byte compressed public key (hex) and the path it lives on. */
export interface LedgerAddress {
  address: string;
  /** compressed secp256k1 public key, hex without 0x */
  publicKey: string;
  path: string;
}

function ethApp(transport: LedgerTransport): Eth {
  return new Eth(transport as unknown as ConstructorParameters<typeof Eth>[0]);
}

/**
 * The EVM address on `path` from the Ethereum app; with `verify` the device shows it and waits for the user's OK.
 * The address is checked against the public key the device returned (EIP-55 spelling).
 * @throws INVALID_PATH, LEDGER_* (device states), INTERNAL (an answer that does not add up)
 */
export async function getEvmLedgerAddress(transport: LedgerTransport, path: string, verify = false): Promise<LedgerAddress> {
  const normalized = normalizeLedgerPath(path);
  let answer: { address: string; publicKey: string };
  try {
    answer = await ethApp(transport).getAddress(normalized, verify, false);
  } catch (error) {
    throw ledgerErrorFrom(error, 'Ethereum');
  }
  let point: ReturnType<typeof secp256k1.Point.fromHex>;
  try {
    point = secp256k1.Point.fromHex(answer.publicKey);
  } catch (error) {
    throw new StrataError('INTERNAL', 'The Ledger returned a malformed public key', { cause: error });
  }
  const fromKey = computeAddress(`0x${bytesToHex(point.toBytes(false))}`);
  if (fromKey !== getAddress(answer.address)) throw new StrataError('INTERNAL', 'The Ledger returned an address that does not match its public key');
  return { address: fromKey, publicKey: bytesToHex(point.toBytes(true)), path: normalized };
}

/**
 * Signs an unsigned serialized EVM transaction (any type ethers serializes) on the device. No resolution service is
 * passed: Strata never asks Ledger's servers about a transaction, so contract calls need blind signing enabled.
 * @returns the 64-byte r||s signature and its recovery bit (y parity)
 * @throws LEDGER_REJECTED, LEDGER_BLIND_SIGNING_REQUIRED, LEDGER_LOCKED, LEDGER_APP_NOT_OPEN, LEDGER_DISCONNECTED
 */
export async function signEvmTransactionOnLedger(transport: LedgerTransport, path: string, unsignedSerialized: Uint8Array): Promise<{ signature: Uint8Array; recovery: number }> {
  const normalized = normalizeLedgerPath(path);
  let answer: { r: string; s: string; v: string };
  try {
    answer = await ethApp(transport).signTransaction(normalized, bytesToHex(unsignedSerialized), null);
  } catch (error) {
    throw ledgerErrorFrom(error, 'Ethereum', { signing: true });
  }
  const r = hexToBytes(answer.r.padStart(64, '0'));
  const s = hexToBytes(answer.s.padStart(64, '0'));
  const v = Number.parseInt(answer.v, 16);
  // Typed transactions give the y parity (0/1); legacy ones 27/28 or EIP-155's chainId*2+35+parity.
  const recovery = v <= 1 ? v : v >= 35 ? (v - 35) % 2 : v - 27;
  const signature = new Uint8Array(64);
  signature.set(r, 0);
  signature.set(s, 32);
  return { signature, recovery };
}
