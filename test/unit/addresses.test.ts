import { toBech32 } from '@cosmjs/encoding';
import { hexToBytes } from '@noble/hashes/utils.js';
import { HDNodeWallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import { addressFromPublicKey } from '../../shared/addresses/addressFromPublicKey';
import { parseBech32Address } from '../../shared/addresses/bech32Address';
import { parseEvmAddress, toChecksumAddress } from '../../shared/addresses/evmAddress';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { deriveKey } from '../../electron/services/keys/deriveKey';
import { bip44Path } from '../../electron/services/keys/hdPath';
import { seedFromMnemonic } from '../../electron/services/keys/mnemonic';
import { expectStrataError } from './expectStrataError';

const HARDHAT = 'test test test test test test test test test test test junk';
const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
/** cosmjs' own test wallet (packages/amino/src/secp256k1hdwallet.spec.ts) */
const COSMJS = 'special sign fit simple patrol salute grocery chicken wheat radar tonight ceiling';

async function addressAt(mnemonic: string, chainName: string, index = 0): Promise<{ address: string; publicKey: Uint8Array }> {
  const chain = resolveChain(chainName);
  const key = deriveKey(await seedFromMnemonic(mnemonic), bip44Path(chain.coinType, index));
  return { address: addressFromPublicKey(key.publicKey, chain), publicKey: key.publicKey };
}

describe('EIP-55 (vectors from the EIP)', () => {
  const vectors = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    '0x52908400098527886E0F7030069857D2E4169EE7',
    '0xde709f2102306220921060314715629080e2fb77',
  ];
  for (const v of vectors) {
    it(v, () => {
      expect(toChecksumAddress(v.toLowerCase())).toBe(v);
      expect(parseEvmAddress(v)).toBe(v);
      expect(parseEvmAddress(v.toLowerCase())).toBe(v);
    });
  }

  it('rejects a wrong checksum and malformed input', () => {
    expectStrataError(() => parseEvmAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'), 'INVALID_ADDRESS', /checksum/);
    expectStrataError(() => parseEvmAddress('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA'), 'INVALID_ADDRESS');
    expectStrataError(() => parseEvmAddress('5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'), 'INVALID_ADDRESS');
    expectStrataError(() => parseEvmAddress('0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'), 'INVALID_ADDRESS');
  });
});

describe('addresses known from ethers\' and cosmjs\' test suites', () => {
  it('Hardhat/ethers test mnemonic: accounts 0 and 1', async () => {
    expect((await addressAt(HARDHAT, 'ethereum', 0)).address).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect((await addressAt(HARDHAT, 'arbitrum', 1)).address).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
  });

  it('abandon…about at m/44\'/60\'/0\'/0/0', async () => {
    expect((await addressAt(ABANDON, 'base')).address).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
  });

  it('cosmjs default wallet on the Cosmos Hub', async () => {
    const { address, publicKey } = await addressAt(COSMJS, 'cosmoshub');
    expect(address).toBe('cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5');
    expect(Buffer.from(publicKey).toString('hex')).toBe('02baa4ef93f2ce84592a49b1d729c074eab640112522a7a89f7d03ebab21ded7b6');
  });

  it('the same key on Osmosis differs only by prefix', async () => {
    const hub = parseBech32Address((await addressAt(COSMJS, 'cosmoshub')).address, 'cosmos');
    const osmo = await addressAt(COSMJS, 'osmosis');
    expect(osmo.address).toBe(toBech32('osmo', hub.data));
  });

  it('Injective uses coin type 60 and the Ethereum address bytes in bech32', async () => {
    const evm = HDNodeWallet.fromPhrase(HARDHAT, undefined, "m/44'/60'/0'/0/0");
    const inj = await addressAt(HARDHAT, 'injective');
    expect(inj.address).toBe(toBech32('inj', hexToBytes(evm.address.slice(2))));
  });
});

describe('bech32 parsing', () => {
  it('checks the prefix of the chain', () => {
    expectStrataError(() => parseBech32Address('cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5', 'osmo'), 'INVALID_ADDRESS', /prefix "cosmos", expected "osmo"/);
  });
  it('rejects a bad checksum', () => {
    expectStrataError(() => parseBech32Address('cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys6', 'cosmos'), 'INVALID_ADDRESS', /checksum/);
  });
  it('normalizes to lowercase', () => {
    expect(parseBech32Address('COSMOS1JHG0E7S6GN44TFC5K37KR04SZNYHEDTC9RZYS5', 'cosmos').address).toBe('cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5');
  });
});
