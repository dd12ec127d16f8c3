/** Address parsing anchors and lengths (issue #18 items 2 and 8): EVM hex, bech32 data lengths, public-key lengths. */
import { bech32 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { addressFromPublicKey } from '../../shared/addresses/addressFromPublicKey';
import { encodeBech32Address, parseBech32Address } from '../../shared/addresses/bech32Address';
import { evmAddressFromUncompressed, parseEvmAddress, toChecksumAddress } from '../../shared/addresses/evmAddress';
import { parseAddress } from '../../shared/addresses/parseAddress';
import { expectStrataError } from './expectStrataError';

/** EIP-55 vector (from the EIP) and its lower/upper-case forms. */
const CHECKSUMMED = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const LOWER = CHECKSUMMED.toLowerCase();
const UPPER = `0x${CHECKSUMMED.slice(2).toUpperCase()}`;
/** Hardhat account 0: compressed public key and address. */
const HARDHAT_PUBKEY = '038318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed75';

describe('parseEvmAddress anchors', () => {
  it('accepts all-lower-case and all-upper-case hex and returns the EIP-55 form', () => {
    expect(parseEvmAddress(LOWER)).toBe(CHECKSUMMED);
    expect(parseEvmAddress(UPPER)).toBe(CHECKSUMMED);
    expect(parseEvmAddress(`  ${CHECKSUMMED}\n`)).toBe(CHECKSUMMED);
  });

  it.each([
    ['41 lower-case hex digits', `${LOWER}0`],
    ['41 upper-case hex digits', `${UPPER}A`],
    ['39 hex digits', LOWER.slice(0, 41)],
    ['text before 0x', `a${LOWER}`],
    ['a second 0x before', `0x${LOWER}`],
    ['upper-case 0X prefix', `0X${LOWER.slice(2)}`],
    ['no prefix', LOWER.slice(2)],
    ['a trailing non-hex character', `${LOWER.slice(0, 41)}g`],
  ])('refuses %s', (_name, input) => {
    expectStrataError(() => parseEvmAddress(input), 'INVALID_ADDRESS', /^An EVM address is 0x followed by 40 hex digits$/);
  });

  it('refuses mixed case with a wrong checksum, naming the checksum', () => {
    const wrong = `${CHECKSUMMED.slice(0, 41)}D`;
    expectStrataError(() => parseEvmAddress(wrong), 'INVALID_ADDRESS', /^The address checksum \(EIP-55 capitalisation\) is wrong: check for a typo$/);
  });

  it('toChecksumAddress refuses anything but 0x + 40 hex digits', () => {
    expect(toChecksumAddress(UPPER)).toBe(CHECKSUMMED);
    expectStrataError(() => toChecksumAddress(`${LOWER}0`), 'INVALID_ADDRESS', /^Not a 20-byte hex address$/);
    expectStrataError(() => toChecksumAddress(` ${LOWER}`), 'INVALID_ADDRESS', /^Not a 20-byte hex address$/);
  });

  it('evmAddressFromUncompressed takes exactly 64 bytes', () => {
    for (const length of [63, 65]) {
      expectStrataError(() => evmAddressFromUncompressed(new Uint8Array(length)), 'INVALID_INPUT', /^Expected a 64-byte uncompressed public key$/);
    }
  });
});

describe('bech32 data lengths', () => {
  it.each([20, 32])('accepts %i bytes of data', (length) => {
    const data = Uint8Array.from({ length }, (_, i) => i + 1);
    const address = encodeBech32Address('cosmos', data);
    const parsed = parseBech32Address(address, 'cosmos');
    expect(parsed.address).toBe(address);
    expect(parsed.data).toEqual(data);
  });

  it.each([19, 21, 31, 33])('refuses %i bytes of data', (length) => {
    const address = encodeBech32Address('cosmos', new Uint8Array(length).fill(9));
    expectStrataError(() => parseBech32Address(address, 'cosmos'), 'INVALID_ADDRESS', /^A bech32 account address holds 20 or 32 bytes$/);
  });

  it('encodes and parses addresses up to 128 characters and refuses longer ones', () => {
    // 'cosmos' + '1' + words + 6 checksum characters; 64 bytes = 103 words -> 116 characters
    const long = encodeBech32Address('cosmos', new Uint8Array(64).fill(1));
    expect(long).toHaveLength(116);
    expectStrataError(() => parseBech32Address(long, 'cosmos'), 'INVALID_ADDRESS', /20 or 32 bytes/);
    const tooLong = bech32.encode('cosmos', bech32.toWords(new Uint8Array(80).fill(1)), 200);
    expect(tooLong.length).toBeGreaterThan(128);
    expectStrataError(() => parseBech32Address(tooLong, 'cosmos'), 'INVALID_ADDRESS', /^Not a valid bech32 address \(bad characters or checksum\)$/);
    expect(() => encodeBech32Address('cosmos', new Uint8Array(80))).toThrow();
  });

  it('trims white space before decoding', () => {
    const address = encodeBech32Address('osmo', new Uint8Array(20).fill(3));
    expect(parseBech32Address(` ${address} `, 'osmo').address).toBe(address);
  });
});

describe('addressFromPublicKey input checks', () => {
  const pubkey = Uint8Array.from(Buffer.from(HARDHAT_PUBKEY, 'hex'));
  it('derives the EVM address of a 33-byte compressed key', () => {
    expect(addressFromPublicKey(pubkey, { addressScheme: 'evm', bech32Prefix: null })).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
  });

  it.each([32, 34, 65])('refuses a %i-byte key', (length) => {
    expectStrataError(
      () => addressFromPublicKey(new Uint8Array(length).fill(2), { addressScheme: 'evm', bech32Prefix: null }),
      'INVALID_INPUT',
      /^Expected a 33-byte compressed public key$/,
    );
  });

  it('refuses 33 bytes that are not a curve point', () => {
    const bad = new Uint8Array(33).fill(0xff);
    bad[0] = 0x02;
    expectStrataError(() => addressFromPublicKey(bad, { addressScheme: 'evm', bech32Prefix: null }), 'INVALID_INPUT', /^Not a point on secp256k1$/);
  });

  it('a bech32 chain without a prefix is an INTERNAL error', () => {
    expectStrataError(() => addressFromPublicKey(pubkey, { addressScheme: 'cosmos', bech32Prefix: null }), 'INTERNAL', /^Chain has no bech32 prefix$/);
    expectStrataError(() => addressFromPublicKey(pubkey, { addressScheme: 'eth-bech32', bech32Prefix: '' }), 'INTERNAL', /^Chain has no bech32 prefix$/);
  });
});

describe('parseAddress by family', () => {
  it('EVM chains parse hex, Cosmos chains bech32 with their own prefix', () => {
    expect(parseAddress(LOWER, { family: 'evm', bech32Prefix: null })).toBe(CHECKSUMMED);
    const address = encodeBech32Address('osmo', new Uint8Array(20).fill(4));
    expect(parseAddress(address.toUpperCase(), { family: 'cosmos', bech32Prefix: 'osmo' })).toBe(address);
    expectStrataError(() => parseAddress(address, { family: 'cosmos', bech32Prefix: 'cosmos' }), 'INVALID_ADDRESS', /prefix "osmo", expected "cosmos"/);
    expectStrataError(() => parseAddress(address, { family: 'cosmos', bech32Prefix: null }), 'INVALID_ADDRESS', /prefix "osmo", expected ""/);
    expectStrataError(() => parseAddress(address, { family: 'evm', bech32Prefix: null }), 'INVALID_ADDRESS');
  });
});
