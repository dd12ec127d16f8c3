/**
 * EVM to Cosmos through the composed environment: USDC on Arbitrum (Axelar's axlUSDC) to ATOM on Cosmos Hub is found
 * as Axelar to Osmosis, a swap there, and IBC home to the Hub, with the IBC and Osmosis legs quoted by stand-in nodes.
 * Axelar's fee comes from a test double of its fee API (the Axelar network cannot run here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeAssetOf } from '../../electron/services/assets/nativeAsset';
import { createAxelarCosmosBridge, evmUsdcAsset } from '../../electron/services/bridges/axelarCosmos/axelarCosmosBridge';
import { MAINNET_AXELAR_EVM_CHAINS } from '../../electron/services/bridges/axelarCosmos/axelarNetwork';
import { resolveChain } from '../../electron/services/chains/chainRegistry';
import { cosmosRoutingEnvironment } from '../../electron/services/routing/cosmosRouting';
import { findRoutes, type RoutingEnvironment } from '../../electron/services/routing/findRoutes';
import { startCosmosStandIns, type StandIns } from '../cosmos/support/cosmosStandIns';

const arbitrum = resolveChain('arbitrum');
const axelarArbitrum = MAINNET_AXELAR_EVM_CHAINS.find((c) => c.chain === arbitrum.id)!;
const AXLUSDC_ON_OSMOSIS = 'ibc/D189335C6E4A68B513C10AB227BF1C1D38C746766278BA3EEB4FB14124F1D858';

let standIns: StandIns;
let env: RoutingEnvironment;

beforeAll(async () => {
  standIns = await startCosmosStandIns();
  // The EVM side needs no node to quote this route (no EVM venue): its RPC answers only eth_feeHistory, with a fixed
  // history in the node's shape (0.01 gwei base fee, no tips), for the router's gas price.
  const evm: RoutingEnvironment = {
    chains: [arbitrum],
    assets: (chain) => (chain === arbitrum.id ? [nativeAssetOf(arbitrum), evmUsdcAsset(axelarArbitrum)] : []),
    rpc: () => async <T,>(method: string): Promise<T> => {
      if (method !== 'eth_feeHistory') throw new Error(`no ${method} in this test`);
      return { oldestBlock: '0x1', baseFeePerGas: Array(11).fill('0x989680'), gasUsedRatio: Array(10).fill(0.5), reward: Array(10).fill(['0x0', '0x0', '0x0']) } as T;
    },
    venues: [],
    bridges: [],
    usdPrices: {},
  };
  const axelar = createAxelarCosmosBridge({ fees: { transferFee: async () => 200_000n }, status: { transferByTxHash: async () => null } });
  env = cosmosRoutingEnvironment({ base: evm, cosmosRpc: (id) => standIns.rpcOf(id), usdPrices: {}, extraBridges: [axelar] });
});

afterAll(async () => {
  await standIns.close();
});

describe('EVM -> Cosmos routes (Axelar, Osmosis, IBC)', () => {
  it('axlUSDC on Arbitrum -> ATOM on Cosmos Hub: Axelar to Osmosis, swap through OSMO, IBC home', async () => {
    const routes = await findRoutes(env, { from: { chain: arbitrum.id, asset: axelarArbitrum.usdc.address, amount: 100_000_000n }, to: { chain: 'cosmos:cosmoshub-4', asset: 'native' }, slippageBps: 100 });
    expect(routes.map((f) => f.route.steps.map((s) => `${s.provider}:${s.fromChain}/${s.assetIn.ref}>${s.toChain}/${s.assetOut.ref}`))).toEqual([[
      `axelar-gateway:${arbitrum.id}/${axelarArbitrum.usdc.address}>cosmos:osmosis-1/${AXLUSDC_ON_OSMOSIS}`,
      `osmosis-poolmanager:cosmos:osmosis-1/${AXLUSDC_ON_OSMOSIS}>cosmos:osmosis-1/ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2`,
      'ibc-transfer:cosmos:osmosis-1/ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2>cosmos:cosmoshub-4/native',
    ]]);
    const route = routes[0]!.route;
    // Axelar keeps 0.2 axlUSDC; pool 678 then pool 1 (0.2% each) on 99.8 axlUSDC: 181157445 uosmo, then 17758448 uatom
    expect(route.steps.map((s) => s.amountOut)).toEqual(['99800000', '17758448', '17758448']);
    expect(route.amountOut).toBe('17758448');
    expect(route.fees.find((f) => f.kind === 'bridge')).toMatchObject({ chain: arbitrum.id, amount: '200000' });
    expect(route.steps[0]?.etaSeconds).toBe(25 * 60 + 5 * 60);
  });
});
