import { CHAIN_TO_ADDRESSES_MAP, SWAP_ROUTER_02_ADDRESSES, V2_FACTORY_ADDRESSES, V2_ROUTER_ADDRESSES, WETH9 } from '@uniswap/sdk-core';
import { EndpointId } from '@layerzerolabs/lz-definitions';
import { describe, expect, it } from 'vitest';
import { arbitrum, avalanche, base, bsc, mainnet, optimism, polygon } from 'viem/chains';
import { evmChains } from '../../electron/services/chains/evmChains';
import { DeploymentRows } from '../../electron/services/deployments/deploymentRow';
import { MAINNET_DEPLOYMENTS } from '../../electron/services/deployments/mainnetDeployments';
import { mainnetRowsFromPackages, QUOTER_V2_NOT_IN_SDK_CORE } from '../../scripts/deployments/mainnetRowsFromPackages';

const QUOTER_V1 = '0xb27308f9F90D607463bb33eA1BeBb41C27CE5AB6';
const QUOTER_V2 = '0x61fFE014bA17989E743c5F6cB21bF9697530B21e';
const lower = (a: string | undefined) => a?.toLowerCase();
const rowOf = (id: number) => {
  const row = MAINNET_DEPLOYMENTS.find((r) => r.chain === `eip155:${id}`);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
};

describe('mainnet deployments registry', () => {
  it('is what the generator reads from the packages now (regenerate with npm run gen:deployments)', () => {
    expect(MAINNET_DEPLOYMENTS).toEqual(mainnetRowsFromPackages());
    expect(DeploymentRows.parse(MAINNET_DEPLOYMENTS)).toEqual(MAINNET_DEPLOYMENTS);
  });

  it('has one row per bundled mainnet EVM chain, in the same order', () => {
    expect(MAINNET_DEPLOYMENTS.map((r) => r.chain)).toEqual(evmChains().filter((c) => !c.testnet).map((c) => c.id));
  });

  it.each([mainnet, arbitrum, optimism, base, polygon, bsc, avalanche])('$name: every contract equals the package value', (chain) => {
    const row = rowOf(chain.id);
    const uni = CHAIN_TO_ADDRESSES_MAP[chain.id as keyof typeof CHAIN_TO_ADDRESSES_MAP];
    expect(lower(row.uniswapV3?.factory)).toBe(lower(uni.v3CoreFactoryAddress));
    expect(lower(row.uniswapV3?.swapRouter02)).toBe(lower(SWAP_ROUTER_02_ADDRESSES(chain.id)));
    expect(lower(row.wrappedNative)).toBe(lower(WETH9[chain.id]?.address));
    expect(row.multicall3).toBe('0xcA11bde05977b3631167028862bE2a173976CA11');
    expect(lower(row.multicall3)).toBe(lower(chain.contracts?.multicall3?.address));
    expect(row.uniswapV3?.feeTiers).toEqual([100, 500, 3000, 10000]);
    expect(lower(row.uniswapV2?.factory)).toBe(lower(V2_FACTORY_ADDRESSES[chain.id]));
    expect(lower(row.uniswapV2?.router)).toBe(lower(V2_ROUTER_ADDRESSES[chain.id]));
    if (QUOTER_V2_NOT_IN_SDK_CORE[chain.id]) {
      // The named exception: sdk-core's quoter there is QuoterV1, whose quote functions revert with the result
      // string and have another signature; the row carries QuoterV2 from Uniswap's deployment docs.
      expect(uni.quoterAddress).toBe(QUOTER_V1);
      expect(row.uniswapV3?.quoterV2).toBe(QUOTER_V2);
    } else {
      expect(lower(row.uniswapV3?.quoterV2)).toBe(lower(uni.quoterAddress));
      expect(uni.quoterAddress).not.toBe(QUOTER_V1);
    }
  });

  it('names QuoterV2 outside sdk-core on exactly Ethereum, Optimism, Arbitrum and Polygon', () => {
    expect(QUOTER_V2_NOT_IN_SDK_CORE).toEqual({ 1: QUOTER_V2, 10: QUOTER_V2, 42161: QUOTER_V2, 137: QUOTER_V2 });
  });

  it('carries LayerZero V2 endpoint ids from lz-definitions', () => {
    expect(MAINNET_DEPLOYMENTS.map((r) => r.layerZero?.eid)).toEqual([
      EndpointId.ETHEREUM_V2_MAINNET, EndpointId.ARBITRUM_V2_MAINNET, EndpointId.OPTIMISM_V2_MAINNET, EndpointId.BASE_V2_MAINNET,
      EndpointId.POLYGON_V2_MAINNET, EndpointId.BSC_V2_MAINNET, EndpointId.AVALANCHE_V2_MAINNET,
    ]);
    expect(MAINNET_DEPLOYMENTS.map((r) => r.layerZero?.eid)).toEqual([30101, 30110, 30111, 30184, 30109, 30102, 30106]);
  });
});
