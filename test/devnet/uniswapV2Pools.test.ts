import { encodeAbiParameters, getContractAddress, keccak256 } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeployContext, saltOf } from '../../electron/services/devnet/deploy/deployContext';
import type { Address } from '../../electron/services/devnet/deploy/deployStep';
import { runDeploySteps } from '../../electron/services/devnet/deploy/runDeploySteps';
import { create2FactoryStep } from '../../electron/services/devnet/deploy/steps/create2Factory';
import { uniswapV2FactoryStep } from '../../electron/services/devnet/deploy/steps/uniswapV2Factory';
import { uniswapV2RouterStep } from '../../electron/services/devnet/deploy/steps/uniswapV2Router';
import { uniswapV2WethUsdcPoolStep } from '../../electron/services/devnet/deploy/steps/uniswapV2WethUsdcPool';
import { usdcStep } from '../../electron/services/devnet/deploy/steps/usdc';
import { wethStep } from '../../electron/services/devnet/deploy/steps/weth';
import { loadDevnetArtifacts } from '../../electron/services/devnet/solidity/compileContracts';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { deriveDevnetTestKeys } from '../../electron/services/devnet/testAccounts';
import { loadUniswapV2Artifacts, UNISWAP_V2_INIT_CODE_HASH } from '../../electron/services/devnet/uniswap/uniswapV2Artifacts';
import { UNISWAP_V2_WETH_USDC_POOL } from '../../electron/services/devnet/uniswap/uniswapV2Pools';
import { readPairReserves } from '../../electron/services/swap/uniswapV2/readPairReserves';
import { readContract } from '../../electron/services/evm/readContract';
import { UNISWAP_V2_PAIR_ABI } from '../../electron/services/swap/uniswapV2/uniswapV2Abi';
import { DEVNET_CHAIN_SPECS } from '../../electron/services/devnet/devnetSpec';

let devnet: Devnet;

beforeAll(async () => {
  devnet = await startDevnet();
});

afterAll(async () => {
  await devnet?.stop();
});

const addressOf = (key: string): Address => {
  const value = devnet.contracts[key];
  if (!value) throw new Error(`no ${key} in the devnet contracts`);
  return value as Address;
};

describe('Uniswap V2 on the devnet', () => {
  it('uses the npm artifacts unchanged: the pair hashes to the mainnet init code hash the router carries', () => {
    const { factory, pair, router } = loadUniswapV2Artifacts();
    expect(keccak256(pair.bytecode)).toBe('0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f');
    expect(UNISWAP_V2_INIT_CODE_HASH).toBe(keccak256(pair.bytecode));
    expect(factory.bytecode.includes(pair.bytecode.slice(2))).toBe(true);
    expect(router.bytecode.split(UNISWAP_V2_INIT_CODE_HASH.slice(2)).length).toBe(2);
  });

  it('deploys factory and router through the CREATE2 factory at the same addresses on both chains', async () => {
    const { factory, router } = loadUniswapV2Artifacts();
    const create2 = addressOf('create2Factory');
    const factoryInit = `${factory.bytecode}${encodeAbiParameters([{ type: 'address' }], [devnet.deployer as Address]).slice(2)}` as const;
    const routerInit = `${router.bytecode}${encodeAbiParameters([{ type: 'address' }, { type: 'address' }], [addressOf('uniswapV2Factory'), addressOf('weth')]).slice(2)}` as const;
    expect(addressOf('uniswapV2Factory')).toBe(getContractAddress({ opcode: 'CREATE2', from: create2, salt: saltOf('strata.devnet.uniswapV2.factory'), bytecode: factoryInit }));
    expect(addressOf('uniswapV2Router02')).toBe(getContractAddress({ opcode: 'CREATE2', from: create2, salt: saltOf('strata.devnet.uniswapV2.router02'), bytecode: routerInit }));
    expect(devnet.contracts.uniswapV2Factory).toBe('0x9952cE704A89E7d83a5Dc3a5cbb8fF8bc4cAd575');
    expect(devnet.contracts.uniswapV2Router02).toBe('0xDCa04c964609d142Ff0a7A21e63F8D4bb724Eabf');
    expect(devnet.contracts.uniswapV2WethUsdcPair).toBe('0x7898d8Bd69261c262B736280A8536F7D618bD53A');
    for (const spec of DEVNET_CHAIN_SPECS) {
      for (const key of ['uniswapV2Factory', 'uniswapV2Router02', 'uniswapV2WethUsdcPair']) {
        expect(await devnet.request<string>(spec.alias, 'eth_getCode', [addressOf(key), 'latest'])).not.toBe('0x');
      }
    }
  });

  it('has the pair where the router looks for it (CREATE2 of the factory with the init code hash)', () => {
    const [token0, token1] = [addressOf('weth'), addressOf('usdc')].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)) as [Address, Address];
    const salt = keccak256(`0x${token0.slice(2)}${token1.slice(2)}`);
    const predicted = getContractAddress({ opcode: 'CREATE2', from: addressOf('uniswapV2Factory'), salt, bytecodeHash: UNISWAP_V2_INIT_CODE_HASH });
    expect(predicted).toBe(addressOf('uniswapV2WethUsdcPair'));
  });

  it('holds exactly 1,000 WETH : 3,000,000 USDC on each chain, with the LP tokens at the deployer', async () => {
    expect(UNISWAP_V2_WETH_USDC_POOL).toEqual({ wethWei: 1_000n * 10n ** 18n, usdcUnits: 3_000_000n * 10n ** 6n });
    for (const spec of DEVNET_CHAIN_SPECS) {
      const rpc = <T>(method: string, params?: readonly unknown[]) => devnet.request<T>(spec.alias, method, params);
      const reserves = await readPairReserves(rpc, addressOf('uniswapV2Factory'), addressOf('weth'), addressOf('usdc'));
      expect(reserves).toEqual({ pair: addressOf('uniswapV2WethUsdcPair'), reserveIn: 1_000n * 10n ** 18n, reserveOut: 3_000_000n * 10n ** 6n });
      const pair = addressOf('uniswapV2WethUsdcPair');
      const erc20 = [
        { type: 'function', name: 'balanceOf', stateMutability: 'view', inputs: [{ name: 'a', type: 'address' }], outputs: [{ name: '', type: 'uint256' }] },
        { type: 'function', name: 'totalSupply', stateMutability: 'view', inputs: [], outputs: [{ name: '', type: 'uint256' }] },
      ] as const;
      // The pool's token balances equal its reserves: nothing was sent to the pair outside addLiquidity.
      expect(await readContract(rpc, addressOf('weth'), erc20, 'balanceOf', [pair])).toBe(1_000n * 10n ** 18n);
      expect(await readContract(rpc, addressOf('usdc'), erc20, 'balanceOf', [pair])).toBe(3_000_000n * 10n ** 6n);
      // First liquidity mints sqrt(x*y) LP tokens, MINIMUM_LIQUIDITY (1000) of them locked at address 0.
      const supply = await readContract(rpc, pair, erc20, 'totalSupply', []);
      expect(supply).toBe(sqrt(1_000n * 10n ** 18n * 3_000_000n * 10n ** 6n));
      expect(await readContract(rpc, pair, erc20, 'balanceOf', [devnet.deployer as Address])).toBe(supply - 1000n);
      expect(await readContract(rpc, pair, UNISWAP_V2_PAIR_ABI, 'token0', [])).toBe([addressOf('weth'), addressOf('usdc')].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))[0]);
    }
  });

  it('sends nothing when the steps run again on a chain where they ran', async () => {
    const keys = deriveDevnetTestKeys();
    const { artifacts } = await loadDevnetArtifacts();
    const request = <T>(method: string, params?: readonly unknown[]) => devnet.request<T>('devnet-b', method, params);
    const before = await request<string>('eth_blockNumber');
    const ctx = createDeployContext({
      chain: { alias: 'devnet-b', chainId: 31338 },
      request,
      artifacts,
      deployerPrivateKey: keys.deployer.privateKey,
      accounts: keys.accounts.map((a) => a.address),
    });
    await runDeploySteps(ctx, [create2FactoryStep, usdcStep, wethStep, uniswapV2FactoryStep, uniswapV2RouterStep, uniswapV2WethUsdcPoolStep]);
    expect(await request<string>('eth_blockNumber')).toBe(before);
    expect(ctx.contracts.uniswapV2WethUsdcPair).toBe(devnet.contracts.uniswapV2WethUsdcPair);
  });
});

function sqrt(value: bigint): bigint {
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + value / x) / 2n;
  }
  return x;
}
