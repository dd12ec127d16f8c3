/**
 * The review screen's signing plan by chain family: only an ERC-20 input on an EVM chain is approved first; a Cosmos
 * message (an Osmosis swap, an IBC transfer, Axelar from a Cosmos chain) carries its tokens itself.
 */
import { describe, expect, it } from 'vitest';
import type { AssetInfo } from '../../shared/domain/asset';
import type { RouteStep } from '../../shared/domain/route';
import { signingPlan } from '../../renderer/src/pages/swap/signingPlan';
import { routeOf } from '../transfers/testSteps';

const NAMES: Record<string, string> = { 'eip155:1': 'Ethereum', 'cosmos:osmosis-1': 'Osmosis', 'cosmos:cosmoshub-4': 'Cosmos Hub' };
const chainName = (id: string) => NAMES[id] ?? id;

const asset = (chain: string, ref: string, symbol: string, decimals: number): AssetInfo => ({ chain, ref, symbol, name: symbol, decimals, priceId: null });
const USDC_ETH = asset('eip155:1', '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', 'USDC', 6);
const ETH = asset('eip155:1', 'native', 'ETH', 18);
const AXL_OSMO = asset('cosmos:osmosis-1', 'ibc/D189335C6E4A68B513C10AB227BF1C1D38C746766278BA3EEB4FB14124F1D858', 'axlUSDC', 6);
const ATOM_OSMO = asset('cosmos:osmosis-1', 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2', 'ATOM', 6);
const ATOM_HUB = asset('cosmos:cosmoshub-4', 'native', 'ATOM', 6);

function step(kind: RouteStep['kind'], provider: RouteStep['provider'], assetIn: AssetInfo, assetOut: AssetInfo, amountIn: string, minAmountOut: string): RouteStep {
  return { kind, provider, fromChain: assetIn.chain, toChain: assetOut.chain, assetIn, assetOut, amountIn, amountOut: minAmountOut, minAmountOut, fees: [], etaSeconds: 10, priceImpactBps: 0 };
}

describe('signingPlan by chain family', () => {
  it('USDC on Ethereum -> Axelar -> Osmosis swap -> IBC to the Hub: one approval, on Ethereum only', () => {
    const route = routeOf('r', [
      step('bridge', 'axelar-gateway', USDC_ETH, AXL_OSMO, '100000000', '99000000'),
      step('swap', 'osmosis-poolmanager', AXL_OSMO, ATOM_OSMO, '99000000', '14000000'),
      step('bridge', 'ibc-transfer', ATOM_OSMO, ATOM_HUB, '14100000', '14100000'),
    ]);
    expect(signingPlan(route, chainName)).toEqual([
      'On Ethereum: send 100 USDC to Osmosis through Axelar (after an exact approval, if the bridge needs one); at least 99 axlUSDC arrives.',
      'On Osmosis: swap the axlUSDC received (≈ 99 axlUSDC) for at least 14 ATOM on Osmosis.',
      'On Osmosis: send the ATOM received (≈ 14.1 ATOM) to Cosmos Hub through IBC; at least 14.1 ATOM arrives.',
    ]);
  });

  it('a first step from Osmosis: an ibc/ denom is swapped or sent over Axelar with no approval', () => {
    expect(signingPlan(routeOf('s', [step('swap', 'osmosis-poolmanager', AXL_OSMO, ATOM_OSMO, '5000000', '700000')]), chainName)).toEqual([
      'On Osmosis: swap 5 axlUSDC for at least 0.7 ATOM on Osmosis.',
    ]);
    expect(signingPlan(routeOf('b', [step('bridge', 'axelar-gateway', AXL_OSMO, USDC_ETH, '250000000', '229500000')]), chainName)).toEqual([
      'On Osmosis: send 250 axlUSDC to Ethereum through Axelar; at least 229.5 USDC arrives.',
    ]);
  });

  it('on EVM: an ERC-20 swap is approved exactly first; native ETH is not', () => {
    expect(signingPlan(routeOf('e', [step('swap', 'uniswap-v2', USDC_ETH, ETH, '3000000000', '990000000000000000')]), chainName)).toEqual([
      'On Ethereum: approve exactly 3,000 USDC for Uniswap V2, then swap it for at least 0.99 ETH.',
    ]);
    expect(signingPlan(routeOf('n', [step('swap', 'uniswap-v2', ETH, USDC_ETH, '1000000000000000000', '2990000000')]), chainName)).toEqual([
      'On Ethereum: swap 1 ETH for at least 2,990 USDC on Uniswap V2.',
    ]);
  });
});
