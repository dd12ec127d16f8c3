import { describe, expect, it } from 'vitest';
import { describeCosmosDenom } from '../../electron/services/assets/cosmosAssets';
import { resolveAsset } from '../../electron/services/assets/resolveAsset';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { devnetChains } from '../../electron/services/devnet/devnetChains';
import { ibcDenom } from '../../electron/services/cosmos/ibc/ibcDenom';
import { expectStrataError } from '../unit/expectStrataError';

const USDC_MAINNET = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ATOM_ON_OSMOSIS = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';
const NOBLE_USDC_ON_OSMOSIS = 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4';

describe('resolveAsset', () => {
  const ethereum = resolveChain('ethereum');
  const osmosis = resolveChain('osmosis');

  it('finds the native asset by "native", by symbol, and on Cosmos by its denom', () => {
    expect(resolveAsset(ethereum, 'native')).toMatchObject({ ref: 'native', symbol: 'ETH' });
    expect(resolveAsset(ethereum, 'NATIVE').ref).toBe('native');
    expect(resolveAsset(ethereum, ' eth ').ref).toBe('native');
    expect(resolveAsset(resolveChain('cosmoshub'), 'uatom')).toMatchObject({ ref: 'native', symbol: 'ATOM', priceId: 'cosmos' });
  });

  it('finds an ERC-20 by symbol in any case and by address in any case', () => {
    const usdc = { chain: 'eip155:1', ref: USDC_MAINNET, symbol: 'USDC', name: 'USD Coin', decimals: 6, priceId: 'usd-coin' };
    expect(resolveAsset(ethereum, 'usdc')).toEqual(usdc);
    expect(resolveAsset(ethereum, USDC_MAINNET.toLowerCase())).toEqual(usdc);
    expect(resolveAsset(ethereum, `0x${USDC_MAINNET.slice(2).toUpperCase()}`)).toEqual(usdc);
    expect(resolveAsset(ethereum, USDC_MAINNET)).toEqual(usdc);
  });

  it('finds the devnet USDC at its devnet address, priced as USDC', () => {
    const devnetB = devnetChains()[1];
    if (!devnetB) throw new Error('no devnet');
    const expected = { chain: 'eip155:31338', ref: '0x5632C04D71dE31E42B72A94cAabb45DE643617AF', symbol: 'USDC', name: 'USD Coin (devnet)', decimals: 6, priceId: 'usd-coin' };
    expect(resolveAsset(devnetB, 'USDC')).toEqual(expected);
    expect(resolveAsset(devnetB, '0x5632c04d71de31e42b72a94caabb45de643617af')).toEqual(expected);
    expect(resolveAsset(devnetB, 'weth')).toMatchObject({ priceId: 'weth', decimals: 18 });
    // extras take part
    const oft = { chain: 'eip155:31338' as const, ref: '0x2222222222222222222222222222222222222222', symbol: 'SOFT', name: 'Strata OFT', decimals: 18, priceId: null };
    expect(resolveAsset(devnetB, 'soft', { extraAssets: [oft] })).toEqual(oft);
  });

  it('finds ATOM on Osmosis through IBC by symbol and by denom in any case', () => {
    const atom = { chain: 'cosmos:osmosis-1', ref: ATOM_ON_OSMOSIS, symbol: 'ATOM', name: 'Cosmos Hub', decimals: 6, priceId: 'cosmos' };
    expect(resolveAsset(osmosis, 'atom')).toEqual(atom);
    expect(resolveAsset(osmosis, ATOM_ON_OSMOSIS)).toEqual(atom);
    expect(resolveAsset(osmosis, ATOM_ON_OSMOSIS.toLowerCase())).toEqual(atom);
    expect(resolveAsset(osmosis, NOBLE_USDC_ON_OSMOSIS)).toMatchObject({ symbol: 'USDC', decimals: 6, priceId: 'usd-coin' });
  });

  it('refuses a symbol several assets share instead of guessing', () => {
    expectStrataError(() => resolveAsset(osmosis, 'USDC'), 'UNKNOWN_ASSET', /^Several assets on Osmosis are called USDC: name one by its denom or address \(ibc\//);
  });

  it('refuses what it does not track with UNKNOWN_ASSET', () => {
    expectStrataError(() => resolveAsset(ethereum, 'DOGE'), 'UNKNOWN_ASSET', /^Unknown asset "DOGE" on Ethereum$/);
    expectStrataError(() => resolveAsset(ethereum, '0x0000000000000000000000000000000000000001'), 'UNKNOWN_ASSET');
    expectStrataError(() => resolveAsset(ethereum, ''), 'UNKNOWN_ASSET');
    expectStrataError(() => resolveAsset(ethereum, 'uatom'), 'UNKNOWN_ASSET');
    // a whole 68-character ibc/ denom is named in the message, not cut at 64
    const unknownIbc = `ibc/${'0123456789ABCDEF'.repeat(4)}`;
    expect(unknownIbc).toHaveLength(68);
    expectStrataError(() => resolveAsset(osmosis, unknownIbc), 'UNKNOWN_ASSET', new RegExp(`^Unknown asset "${unknownIbc}" on Osmosis$`));
    expectStrataError(() => resolveAsset(ethereum, 'x'.repeat(500)), 'UNKNOWN_ASSET', /^Unknown asset "x{100}…" on Ethereum$/);
  });
});

describe('describeCosmosDenom', () => {
  const osmosis = resolveChain('osmosis');

  it('describes a listed denom from the registry', () => {
    expect(describeCosmosDenom(osmosis, ATOM_ON_OSMOSIS.toLowerCase())).toEqual({ chain: 'cosmos:osmosis-1', ref: ATOM_ON_OSMOSIS, symbol: 'ATOM', name: 'Cosmos Hub', decimals: 6, priceId: 'cosmos' });
  });

  it('prices an unlisted one-hop IBC denom by its origin chain\'s listing, and never a multi-hop one', () => {
    const oneHop = ibcDenom('transfer/channel-9999', 'uatom');
    expect(describeCosmosDenom(osmosis, oneHop, { chain: 'cosmoshub', baseDenom: 'uatom', path: 'transfer/channel-9999' })).toEqual({
      chain: 'cosmos:osmosis-1', ref: oneHop, symbol: 'ATOM', name: 'Cosmos Hub Atom', decimals: 6, priceId: 'cosmos',
    });
    const twoHops = ibcDenom('transfer/channel-9999/transfer/channel-1', 'uatom');
    expect(describeCosmosDenom(osmosis, twoHops, { chain: 'cosmoshub', baseDenom: 'uatom', path: 'transfer/channel-9999/transfer/channel-1' }).priceId).toBeNull();
  });

  it('falls back to the bare denom, unpriced', () => {
    expect(describeCosmosDenom(osmosis, 'factory/osmo1xyz/unknown')).toEqual({ chain: 'cosmos:osmosis-1', ref: 'factory/osmo1xyz/unknown', symbol: 'factory/osmo1xyz/unknown', name: 'factory/osmo1xyz/unknown', decimals: 0, priceId: null });
  });
});
