import { describe, expect, it } from 'vitest';
import { resolveChain, listChains } from '../../electron/services/chains/chainRegistry';
import { listAssets } from '../../electron/services/assets/listAssets';
import { AssetInfo } from '../../shared/domain/asset';
import { devnetChains } from '../../electron/services/devnet/devnetChains';
import { expectStrataError } from '../unit/expectStrataError';
import { TRACKED_TOKEN_CONTRACTS } from '../../electron/services/assets/trackedTokenContracts';
import { TRACKED_TOKENS } from '../../electron/services/assets/tokenListAssets';
import { MAINNET_AXELAR_EVM_CHAINS } from '../../electron/services/bridges/axelarCosmos/axelarNetwork';
import { toChecksumAddress } from '../../shared/addresses/evmAddress';

const USDC_MAINNET = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ATOM_ON_OSMOSIS = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2';

describe('tracked token contracts', () => {
  it('has one well-formed, EIP-55 checksummed row per chain and symbol, for tracked symbols only', () => {
    const keys = new Set<string>();
    for (const [chainId, symbol, address, decimals] of TRACKED_TOKEN_CONTRACTS) {
      expect(Object.hasOwn(TRACKED_TOKENS, symbol), symbol).toBe(true);
      expect(toChecksumAddress(address), `${chainId} ${symbol}`).toBe(address);
      expect([6, 8, 18]).toContain(decimals);
      keys.add(`${chainId}:${symbol}`);
    }
    expect(keys.size).toBe(TRACKED_TOKEN_CONTRACTS.length);
    // axlUSDC is listed exactly where Axelar's EVM <-> Cosmos adapter carries it, at the same addresses
    const axl = TRACKED_TOKEN_CONTRACTS.filter(([, symbol]) => symbol === 'axlUSDC').map(([chainId, , address]) => [`eip155:${chainId}`, address]);
    const carried = MAINNET_AXELAR_EVM_CHAINS.filter((c) => c.usdc.symbol === 'axlUSDC').map((c) => [c.chain, c.usdc.address]);
    expect(axl.sort()).toEqual(carried.sort());
  });
});

describe('asset catalogue', () => {
  it('lists Ethereum: ETH, then the tracked ERC-20s from our contract list', () => {
    const assets = listAssets(resolveChain('ethereum'));
    expect(assets.map((a) => [a.symbol, a.decimals, a.priceId])).toEqual([
      ['ETH', 18, 'ethereum'],
      ['USDC', 6, 'usd-coin'],
      ['USDT', 6, 'tether'],
      ['DAI', 18, 'dai'],
      ['WETH', 18, 'weth'],
      ['WBTC', 8, 'wrapped-bitcoin'],
      ['LINK', 18, 'chainlink'],
      ['UNI', 18, 'uniswap'],
    ]);
    expect(assets[0]).toEqual({ chain: 'eip155:1', ref: 'native', symbol: 'ETH', name: 'Ether', decimals: 18, priceId: 'ethereum' });
    expect(assets[1]).toEqual({ chain: 'eip155:1', ref: USDC_MAINNET, symbol: 'USDC', name: 'USD Coin', decimals: 6, priceId: 'usd-coin' });
    expect(assets.find((a) => a.symbol === 'WETH')?.ref).toBe('0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2');
  });

  it('takes each chain\'s own token addresses, and only the tokens our list has there', () => {
    const base = listAssets(resolveChain('base'));
    expect(base.map((a) => a.symbol)).toEqual(['ETH', 'USDC', 'axlUSDC', 'DAI', 'WETH', 'UNI']);
    expect(base.find((a) => a.symbol === 'USDC')?.ref).toBe('0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913');
    expect(base.find((a) => a.symbol === 'WETH')?.ref).toBe('0x4200000000000000000000000000000000000006');
    // BNB Chain's bridged USDC has 18 decimals.
    expect(listAssets(resolveChain('bsc')).find((a) => a.symbol === 'USDC')).toMatchObject({ decimals: 18, priceId: 'usd-coin' });
  });

  it('prices each EVM chain\'s native coin by its symbol', () => {
    const natives = listChains().filter((c) => c.family === 'evm').map((c) => listAssets(c)[0]);
    expect(natives.map((a) => [a?.chain, a?.ref, a?.symbol, a?.priceId])).toEqual([
      ['eip155:1', 'native', 'ETH', 'ethereum'],
      ['eip155:42161', 'native', 'ETH', 'ethereum'],
      ['eip155:10', 'native', 'ETH', 'ethereum'],
      ['eip155:8453', 'native', 'ETH', 'ethereum'],
      ['eip155:137', 'native', 'POL', 'polygon-ecosystem-token'],
      ['eip155:56', 'native', 'BNB', 'binancecoin'],
      ['eip155:43114', 'native', 'AVAX', 'avalanche-2'],
    ]);
  });

  it('gives a testnet coin no price, and a chain with an unknown coin none either', () => {
    const sepolia = { ...resolveChain('ethereum'), id: 'eip155:11155111' as const, alias: 'sepolia', name: 'Sepolia', testnet: true };
    // Our list covers Sepolia: its test tokens are listed, unpriced.
    expect(listAssets(sepolia).map((a) => [a.ref, a.symbol, a.priceId])).toEqual([
      ['native', 'ETH', null],
      ['0xfFf9976782d46CC05630D1f6eBAb18b2324d6B14', 'WETH', null],
      ['0x1f9840a85d5aF5bf1D1762F925BDADdC4201F984', 'UNI', null],
    ]);
    const custom = { ...resolveChain('ethereum'), id: 'eip155:424242' as const, name: 'Mine', nativeAsset: { symbol: 'MINE', denom: 'wei', decimals: 18 } };
    expect(listAssets(custom)).toEqual([{ chain: 'eip155:424242', ref: 'native', symbol: 'MINE', name: 'MINE', decimals: 18, priceId: null }]);
  });

  it('lists the devnet tokens as the assets they imitate', () => {
    const [devnetA, devnetB] = devnetChains();
    if (!devnetA || !devnetB) throw new Error('no devnet chains');
    const expected = (chain: string) => [
      { chain, ref: 'native', symbol: 'ETH', name: 'Ether', decimals: 18, priceId: 'ethereum' },
      { chain, ref: '0x5632C04D71dE31E42B72A94cAabb45DE643617AF', symbol: 'USDC', name: 'USD Coin (devnet)', decimals: 6, priceId: 'usd-coin' },
      { chain, ref: '0x970c131e0F07aE3b3242fA335A469911a6b00646', symbol: 'WETH', name: 'Wrapped Ether', decimals: 18, priceId: 'weth' },
    ];
    expect(listAssets(devnetA)).toEqual(expected('eip155:31337'));
    expect(listAssets(devnetB)).toEqual(expected('eip155:31338'));
    // A running devnet's own contract map wins (lower case is checksummed); keys it lacks keep their fixed address.
    const moved = listAssets(devnetA, { devnetContracts: { usdc: '0x000000000000000000000000000000000000beef' } });
    expect(moved.map((a) => a.ref)).toEqual(['native', '0x000000000000000000000000000000000000bEEF', '0x970c131e0F07aE3b3242fA335A469911a6b00646']);
  });

  it('lists Cosmos bank assets from chain-registry with their CoinGecko ids', () => {
    const cosmoshub = listAssets(resolveChain('cosmoshub'));
    expect(cosmoshub[0]).toEqual({ chain: 'cosmos:cosmoshub-4', ref: 'native', symbol: 'ATOM', name: 'Cosmos Hub Atom', decimals: 6, priceId: 'cosmos' });
    expect(cosmoshub.filter((a) => a.ref === 'uatom')).toEqual([]);
    const osmosis = listAssets(resolveChain('osmosis'));
    expect(osmosis[0]).toMatchObject({ ref: 'native', symbol: 'OSMO', decimals: 6, priceId: 'osmosis' });
    expect(osmosis.find((a) => a.ref === ATOM_ON_OSMOSIS)).toEqual({ chain: 'cosmos:osmosis-1', ref: ATOM_ON_OSMOSIS, symbol: 'ATOM', name: 'Cosmos Hub', decimals: 6, priceId: 'cosmos' });
    // cw20 contracts are not bank denoms: a balance query never returns them.
    const neutron = listAssets(resolveChain('neutron'));
    expect(neutron.filter((a) => a.ref.startsWith('cw20:'))).toEqual([]);
    expect(neutron.find((a) => a.ref === 'untrn')).toBeUndefined();
    expect(neutron[0]).toMatchObject({ ref: 'native', symbol: 'NTRN', priceId: 'neutron-3' });
    expect(listAssets(resolveChain('noble'))[0]).toMatchObject({ ref: 'native', symbol: 'USDC', priceId: 'usd-coin' });
  });

  it('returns valid AssetInfos with unique refs on every built-in chain', () => {
    for (const chain of [...listChains(), ...devnetChains()]) {
      const assets = listAssets(chain);
      expect(assets.length, chain.alias).toBeGreaterThan(0);
      expect(new Set(assets.map((a) => a.ref)).size, chain.alias).toBe(assets.length);
      for (const asset of assets) expect(AssetInfo.parse(asset)).toEqual(asset);
      expect(assets.every((a) => a.chain === chain.id)).toBe(true);
    }
  });

  it('adds extra assets for the chain, replaces one with the same ref, and ignores other chains\'', () => {
    const devnetA = devnetChains()[0];
    if (!devnetA) throw new Error('no devnet');
    const oft = { chain: devnetA.id, ref: '0x1111111111111111111111111111111111111111', symbol: 'SOFT', name: 'Strata OFT', decimals: 18, priceId: null };
    const usdcRenamed = { chain: devnetA.id, ref: '0x5632c04d71de31e42b72a94caabb45de643617af', symbol: 'USDC', name: 'Renamed', decimals: 6, priceId: 'usd-coin' };
    const elsewhere = { ...oft, chain: 'eip155:31338' as const, symbol: 'OTHER' };
    const assets = listAssets(devnetA, { extraAssets: [oft, usdcRenamed, elsewhere] });
    expect(assets.map((a) => [a.symbol, a.name, a.ref])).toEqual([
      ['ETH', 'Ether', 'native'],
      ['USDC', 'Renamed', '0x5632C04D71dE31E42B72A94cAabb45DE643617AF'],
      ['WETH', 'Wrapped Ether', '0x970c131e0F07aE3b3242fA335A469911a6b00646'],
      ['SOFT', 'Strata OFT', '0x1111111111111111111111111111111111111111'],
    ]);
  });

  it('refuses a malformed extra asset', () => {
    const chain = resolveChain('ethereum');
    const good = { chain: chain.id, ref: USDC_MAINNET, symbol: 'X', name: 'X', decimals: 6, priceId: null };
    expectStrataError(() => listAssets(chain, { extraAssets: [{ ...good, ref: 'uatom' }] }), 'INVALID_INPUT');
    expectStrataError(() => listAssets(chain, { extraAssets: [{ ...good, decimals: 99 }] }), 'INVALID_INPUT');
    expectStrataError(() => listAssets(chain, { extraAssets: [{ ...good, ref: '0x123' }] }), 'INVALID_INPUT');
  });
});
