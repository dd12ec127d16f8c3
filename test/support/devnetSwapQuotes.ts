/**
 * What the devnet's own pools pay for a swap step, read on the chain independently of the venues: Uniswap V2's
 * router `getAmountsOut` over the devnet's V2 pairs (WETH/USDC, WETH/SBT), and Uniswap V3's QuoterV2 over the
 * devnet's V3 pools (UNISWAP_V3_POOLS), the best pool or two-pool path through WETH. Route tests compare each swap step
 * of a route with these.
 */
import { Contract, solidityPacked, zeroPadValue, type JsonRpcProvider } from 'ethers';
import { OFT_ABI } from '../../electron/services/bridges/layerzeroOft/oftAbi';
import { AXELAR_USDC_TRANSFER_FEE } from '../../electron/services/devnet/axelar/axelarSpec';
import { DEVNET_LZ_EIDS } from '../../electron/services/devnet/layerzero/layerZeroSpec';
import { UNISWAP_V3_POOLS } from '../../electron/services/devnet/uniswap/uniswapV3Spec';
import type { Devnet } from '../../electron/services/devnet/startDevnet';
import { UNISWAP_V2_ROUTER_ABI } from '../../electron/services/swap/uniswapV2/uniswapV2Abi';
import type { RouteStep } from '../../shared/domain/route';

const QUOTER_V2 = [
  'function quoteExactInput(bytes path, uint256 amountIn) returns (uint256 amountOut, uint160[] sqrtPriceX96AfterList, uint32[] initializedTicksCrossedList, uint256 gasEstimate)',
];

type Contracts = Devnet['contracts'];

/** An asset ref as the pools know it: the native coin trades as WETH. */
const token = (contracts: Contracts, ref: string): string => (ref === 'native' ? (contracts.weth as string) : ref).toLowerCase();

/** Uniswap V2: `getAmountsOut` directly when WETH is on one side, through WETH otherwise (the devnet's pairs). */
export async function uniswapV2Out(contracts: Contracts, provider: JsonRpcProvider, tokenIn: string, tokenOut: string, amountIn: bigint): Promise<bigint> {
  const [a, b, weth] = [token(contracts, tokenIn), token(contracts, tokenOut), (contracts.weth as string).toLowerCase()];
  const path = a === weth || b === weth ? [a, b] : [a, weth, b];
  const router = new Contract(contracts.uniswapV2Router02 as string, UNISWAP_V2_ROUTER_ABI as never, provider);
  const amounts = (await router.getFunction('getAmountsOut')(amountIn, path)) as bigint[];
  return amounts[amounts.length - 1] as bigint;
}

/** Every path of one or two devnet V3 pools from `a` to `b`, as QuoterV2's packed path. */
function v3Paths(contracts: Contracts, a: string, b: string): string[] {
  const pools = UNISWAP_V3_POOLS.map((p) => ({ x: token(contracts, contracts[p.tokenA] as string), y: token(contracts, contracts[p.tokenB] as string), fee: p.fee }));
  const other = (p: (typeof pools)[number], t: string) => (p.x === t ? p.y : p.y === t ? p.x : null);
  const paths: string[] = [];
  for (const first of pools) {
    const mid = other(first, a);
    if (mid === null) continue;
    if (mid === b) paths.push(solidityPacked(['address', 'uint24', 'address'], [a, first.fee, b]));
    for (const second of pools) {
      if (second !== first && other(second, mid) === b) paths.push(solidityPacked(['address', 'uint24', 'address', 'uint24', 'address'], [a, first.fee, mid, second.fee, b]));
    }
  }
  return paths;
}

/** Uniswap V3: QuoterV2's best amount over the devnet pools' one- and two-pool paths. */
export async function uniswapV3Out(contracts: Contracts, provider: JsonRpcProvider, tokenIn: string, tokenOut: string, amountIn: bigint): Promise<bigint> {
  const quoter = new Contract(contracts.quoterV2 as string, QUOTER_V2, provider);
  const paths = v3Paths(contracts, token(contracts, tokenIn), token(contracts, tokenOut));
  if (paths.length === 0) throw new Error(`no devnet V3 pool path from ${tokenIn} to ${tokenOut}`);
  let best = 0n;
  for (const path of paths) {
    const [out] = (await quoter.getFunction('quoteExactInput').staticCall(path, amountIn)) as [bigint];
    if (out > best) best = out;
  }
  return best;
}

/** What the chain pays for a swap step of a route (its provider's pools, its amount in). */
export async function swapStepOut(contracts: Contracts, provider: JsonRpcProvider, step: RouteStep): Promise<bigint> {
  const amountIn = BigInt(step.amountIn);
  if (step.provider === 'uniswap-v2') return uniswapV2Out(contracts, provider, step.assetIn.ref, step.assetOut.ref, amountIn);
  if (step.provider === 'uniswap-v3') return uniswapV3Out(contracts, provider, step.assetIn.ref, step.assetOut.ref, amountIn);
  throw new Error(`${step.provider} is no devnet swap venue`);
}

/**
 * A route's amounts as the chain gives them, step by step: each swap step from its venue's pools, each bridge step
 * from `bridgeOut` (the bridge's own quote), each step fed what the previous one gives. Returns every step's output.
 */
export async function routeOnChain(
  contracts: Contracts,
  providers: Readonly<Record<string, JsonRpcProvider>>,
  steps: readonly RouteStep[],
  bridgeOut: (step: RouteStep, amountIn: bigint) => Promise<bigint>,
): Promise<bigint[]> {
  const outs: bigint[] = [];
  let amount = BigInt(steps[0]?.amountIn ?? 0);
  for (const step of steps) {
    const provider = providers[step.fromChain];
    if (!provider) throw new Error(`no provider for ${step.fromChain}`);
    amount = step.kind === 'swap' ? await swapStepOut(contracts, provider, { ...step, amountIn: amount.toString() }) : await bridgeOut(step, amount);
    outs.push(amount);
  }
  return outs;
}

/**
 * The devnet bridges' own quotes for routeOnChain: LayerZero's quoteOFT on the source chain (dust removed), Axelar's
 * amount less the fixed USDC fee its devnet relayer keeps.
 */
export function devnetBridgeOut(devnet: Pick<Devnet, 'chains' | 'contracts' | 'accounts'>, providers: Readonly<Record<string, JsonRpcProvider>>) {
  return async (step: RouteStep, amountIn: bigint): Promise<bigint> => {
    if (step.provider === 'axelar-gateway') return amountIn - AXELAR_USDC_TRANSFER_FEE;
    if (step.provider !== 'layerzero-oft') throw new Error(`${step.provider} is no devnet bridge`);
    const alias = devnet.chains.find((c) => c.id === step.toChain)?.alias as keyof typeof DEVNET_LZ_EIDS;
    const oft = new Contract(step.assetIn.ref, OFT_ABI as never, providers[step.fromChain]);
    const param = { dstEid: DEVNET_LZ_EIDS[alias], to: zeroPadValue(devnet.accounts[0] as string, 32), amountLD: amountIn, minAmountLD: 0n, extraOptions: '0x', composeMsg: '0x', oftCmd: '0x' };
    const [, , receipt] = (await oft.getFunction('quoteOFT')(param)) as [unknown, unknown, { amountReceivedLD: bigint }];
    return receipt.amountReceivedLD;
  };
}
