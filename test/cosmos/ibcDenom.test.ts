import { describe, expect, it } from 'vitest';
import { ibcDenom, isIbcDenom, splitIbcPath } from '../../electron/services/cosmos/ibc/ibcDenom';
import { traceIbcDenomOffline } from '../../electron/services/cosmos/ibc/traceIbcDenom';
import { resolveCosmosAsset } from '../../electron/services/cosmos/registry/resolveCosmosAsset';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { expectStrataError } from '../unit/expectStrataError';

/** Published: ATOM on Osmosis arrives over transfer/channel-0 (ibc-go docs, every Osmosis explorer). */
const ATOM_ON_OSMOSIS = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';
/** Published: Noble's native USDC on Osmosis, over transfer/channel-750. */
const NOBLE_USDC_ON_OSMOSIS = 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4';

describe('ibcDenom', () => {
  it('hashes transfer/channel-0/uatom to the published ATOM-on-Osmosis denom', () => {
    expect(ibcDenom('transfer/channel-0', 'uatom')).toBe(ATOM_ON_OSMOSIS);
  });

  it('hashes Noble USDC on Osmosis', () => {
    expect(ibcDenom('transfer/channel-750', 'uusdc')).toBe(NOBLE_USDC_ON_OSMOSIS);
  });

  it('hashes multi-hop paths and base denoms with slashes as chain-registry lists them', () => {
    expect(ibcDenom('transfer/channel-4/transfer/channel-38', 'gravity0xfB5c6815cA3AC72Ce9F5006869AE67f18bF77006')).toBe(
      'ibc/8061A06D3BD4D52C4A28FFECF7150D370393AF0BA661C3776C54FF32836C3961',
    );
    expect(ibcDenom('transfer/channel-0', 'factory/cosmos1s8qx0zvz8yd6e4x0mqmqf7fr9vvfn6226hkvrq/ustars')).toBe(
      'ibc/68BAF19F76BAC04C4CEA06325EF91D43E8637AE43EAC7887CE6211B4B99E1EC0',
    );
  });

  it('leaves a token at home (empty path) as its base denom', () => {
    expect(ibcDenom('', 'uatom')).toBe('uatom');
  });

  it('rejects paths that are not port/channel pairs', () => {
    expectStrataError(() => ibcDenom('transfer', 'uatom'), 'INVALID_INPUT');
    expectStrataError(() => ibcDenom('transfer//channel-1', 'uatom'), 'INVALID_INPUT');
    expectStrataError(() => ibcDenom('transfer/channel-0', ''), 'INVALID_INPUT');
  });

  it('recognizes ibc denoms', () => {
    expect(isIbcDenom(ATOM_ON_OSMOSIS)).toBe(true);
    expect(isIbcDenom(ATOM_ON_OSMOSIS.toLowerCase())).toBe(true);
    expect(isIbcDenom('uatom')).toBe(false);
    expect(isIbcDenom('ibc/1234')).toBe(false);
  });
});

describe('splitIbcPath', () => {
  it('splits hops from the base denom the way ibc-go does', () => {
    expect(splitIbcPath('transfer/channel-0/uatom')).toEqual({ path: 'transfer/channel-0', baseDenom: 'uatom' });
    expect(splitIbcPath('transfer/channel-4/transfer/channel-38/gravity0xabc')).toEqual({
      path: 'transfer/channel-4/transfer/channel-38',
      baseDenom: 'gravity0xabc',
    });
    expect(splitIbcPath('transfer/channel-0/factory/osmo1abc/ustars')).toEqual({
      path: 'transfer/channel-0',
      baseDenom: 'factory/osmo1abc/ustars',
    });
    expect(splitIbcPath('uatom')).toEqual({ path: '', baseDenom: 'uatom' });
  });
});

describe('traceIbcDenomOffline (chain-registry)', () => {
  const osmosis = resolveChain('osmosis');

  it('traces ATOM on Osmosis to the Cosmos Hub', () => {
    expect(traceIbcDenomOffline(osmosis, ATOM_ON_OSMOSIS)).toEqual({
      denom: ATOM_ON_OSMOSIS,
      chain: 'cosmoshub',
      baseDenom: 'uatom',
      path: 'transfer/channel-0',
      source: 'registry',
    });
  });

  it('traces USDC on Osmosis to Noble uusdc, whatever the case of the hash', () => {
    expect(traceIbcDenomOffline(osmosis, NOBLE_USDC_ON_OSMOSIS.toLowerCase())).toEqual({
      denom: NOBLE_USDC_ON_OSMOSIS,
      chain: 'noble',
      baseDenom: 'uusdc',
      path: 'transfer/channel-750',
      source: 'registry',
    });
  });

  it('gives the issuer base denom and the whole path for a multi-hop token', () => {
    expect(traceIbcDenomOffline(osmosis, 'ibc/8061A06D3BD4D52C4A28FFECF7150D370393AF0BA661C3776C54FF32836C3961')).toEqual({
      denom: 'ibc/8061A06D3BD4D52C4A28FFECF7150D370393AF0BA661C3776C54FF32836C3961',
      chain: 'persistence',
      baseDenom: 'gravity0xfB5c6815cA3AC72Ce9F5006869AE67f18bF77006',
      path: 'transfer/channel-4/transfer/channel-38',
      source: 'registry',
    });
  });

  it('returns null for native denoms, unknown hashes and chains without registry data', () => {
    expect(traceIbcDenomOffline(osmosis, 'uosmo')).toBeNull();
    expect(traceIbcDenomOffline(osmosis, `ibc/${'0'.repeat(64)}`)).toBeNull();
    expect(traceIbcDenomOffline(resolveChain('cosmoshub'), ATOM_ON_OSMOSIS)).toBeNull();
    expect(traceIbcDenomOffline({ id: 'cosmos:strata-local-1' }, ATOM_ON_OSMOSIS)).toBeNull();
  });
});

describe('resolveCosmosAsset', () => {
  const osmosis = resolveChain('osmosis');

  it('labels native and IBC assets from the registry', () => {
    expect(resolveCosmosAsset(osmosis, 'uosmo')).toEqual({ denom: 'uosmo', symbol: 'OSMO', decimals: 6 });
    expect(resolveCosmosAsset(resolveChain('injective'), 'inj')).toEqual({ denom: 'inj', symbol: 'INJ', decimals: 18 });
    const origin = { chain: 'noble', baseDenom: 'uusdc', path: 'transfer/channel-750' };
    expect(resolveCosmosAsset(osmosis, NOBLE_USDC_ON_OSMOSIS, origin)).toEqual({
      denom: NOBLE_USDC_ON_OSMOSIS,
      symbol: 'USDC',
      decimals: 6,
      origin,
    });
  });

  it('falls back to the native asset, then the origin chain, then the bare denom', () => {
    const local = {
      id: 'cosmos:strata-local-1' as const,
      nativeAsset: { symbol: 'STAKE', denom: 'stake', decimals: 6 },
    };
    expect(resolveCosmosAsset(local, 'stake')).toEqual({ denom: 'stake', symbol: 'STAKE', decimals: 6 });
    const hash = ibcDenom('transfer/channel-9', 'uusdc');
    const origin = { chain: 'noble', baseDenom: 'uusdc', path: 'transfer/channel-9' };
    expect(resolveCosmosAsset(local, hash, origin)).toEqual({ denom: hash, symbol: 'USDC', decimals: 6, origin });
    const unknownOrigin = { chain: null, baseDenom: 'uspam', path: 'transfer/channel-9' };
    const spam = ibcDenom('transfer/channel-9', 'uspam');
    expect(resolveCosmosAsset(local, spam, unknownOrigin)).toEqual({ denom: spam, symbol: 'uspam', decimals: 0, origin: unknownOrigin });
    expect(resolveCosmosAsset(osmosis, 'ufoo')).toEqual({ denom: 'ufoo', symbol: 'ufoo', decimals: 0 });
  });
});
