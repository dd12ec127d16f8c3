/**
 * The mainnet rows of the deployments registry, read from the field's own packages (devDependencies: nothing here
 * is bundled into the app). `npm run gen:deployments` writes them to electron/services/deployments/mainnetDeployments.ts;
 * test/deployments/mainnetDeployments.test.ts asserts that the committed table still equals this.
 */
import { CHAIN_TO_ADDRESSES_MAP, SWAP_ROUTER_02_ADDRESSES, V2_FACTORY_ADDRESSES, V2_ROUTER_ADDRESSES, WETH9 } from '@uniswap/sdk-core';
import { EndpointId } from '@layerzerolabs/lz-definitions';
import { getAddress } from 'viem';
import { arbitrum, avalanche, base, bsc, mainnet, optimism, polygon, type Chain } from 'viem/chains';
import type { DeploymentRow } from '../../electron/services/deployments/deploymentRow';

/**
 * sdk-core's `quoterAddress` is Uniswap's QuoterV1 on these chains (0xb27308f9…); QuoterV2 is deployed there at
 * 0x61fFE014bA17989E743c5F6cB21bF9697530B21e (Uniswap's deployment docs, docs.uniswap.org/contracts/v3/reference/deployments).
 * Elsewhere sdk-core's quoter already is QuoterV2.
 */
export const QUOTER_V2_NOT_IN_SDK_CORE: Readonly<Record<number, string>> = {
  1: '0x61fFE014bA17989E743c5F6cB21bF9697530B21e',
  10: '0x61fFE014bA17989E743c5F6cB21bF9697530B21e',
  42161: '0x61fFE014bA17989E743c5F6cB21bF9697530B21e',
  137: '0x61fFE014bA17989E743c5F6cB21bF9697530B21e',
};

/** Uniswap V3's fee tiers on mainnet: 500/3000/10000 from the factory's constructor, 100 enabled by governance. */
export const UNISWAP_V3_FEE_TIERS = [100, 500, 3000, 10000] as const;

/** LayerZero V2 endpoint ids, by chain id (lz-definitions). */
const LZ_EIDS: Readonly<Record<number, number>> = {
  1: EndpointId.ETHEREUM_V2_MAINNET,
  42161: EndpointId.ARBITRUM_V2_MAINNET,
  10: EndpointId.OPTIMISM_V2_MAINNET,
  8453: EndpointId.BASE_V2_MAINNET,
  137: EndpointId.POLYGON_V2_MAINNET,
  56: EndpointId.BSC_V2_MAINNET,
  43114: EndpointId.AVALANCHE_V2_MAINNET,
};

/** Strata's seven mainnet EVM chains, in the order of chains/evmChains.ts. */
export const MAINNET_EVM_CHAINS: readonly Chain[] = [mainnet, arbitrum, optimism, base, polygon, bsc, avalanche];

/**
 * One row per chain: wrapped native from sdk-core's WETH9, Multicall3 from viem's chain definition, Uniswap V3
 * factory from CHAIN_TO_ADDRESSES_MAP, QuoterV2 from it or QUOTER_V2_NOT_IN_SDK_CORE, SwapRouter02 from
 * SWAP_ROUTER_02_ADDRESSES, Uniswap V2 from V2_FACTORY_ADDRESSES / V2_ROUTER_ADDRESSES where both exist, LayerZero's
 * endpoint id from lz-definitions. Addresses EIP-55.
 */
export function mainnetRowsFromPackages(): DeploymentRow[] {
  return MAINNET_EVM_CHAINS.map((chain) => {
    const id = chain.id;
    const uniswap = (CHAIN_TO_ADDRESSES_MAP as Record<number, { v3CoreFactoryAddress: string; quoterAddress: string }>)[id];
    const weth = (WETH9 as Record<number, { address: string } | undefined>)[id];
    const multicall3 = chain.contracts?.multicall3?.address;
    if (!uniswap || !weth || !multicall3) throw new Error(`The packages lack a contract of chain ${id}`);
    const v2Factory = (V2_FACTORY_ADDRESSES as Record<number, string | undefined>)[id];
    const v2Router = (V2_ROUTER_ADDRESSES as Record<number, string | undefined>)[id];
    const eid = LZ_EIDS[id];
    return {
      chain: `eip155:${id}`,
      wrappedNative: getAddress(weth.address),
      multicall3: getAddress(multicall3),
      uniswapV3: {
        factory: getAddress(uniswap.v3CoreFactoryAddress),
        quoterV2: getAddress(QUOTER_V2_NOT_IN_SDK_CORE[id] ?? uniswap.quoterAddress),
        swapRouter02: getAddress(SWAP_ROUTER_02_ADDRESSES(id)),
        feeTiers: [...UNISWAP_V3_FEE_TIERS],
      },
      ...(v2Factory && v2Router ? { uniswapV2: { factory: getAddress(v2Factory), router: getAddress(v2Router) } } : {}),
      ...(eid ? { layerZero: { eid } } : {}),
    };
  });
}
