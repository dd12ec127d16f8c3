import { keccak256 } from 'viem';
import { StrataError } from '../../../../shared/errors';
import { precompiledArtifact, type PrecompiledArtifact } from '../precompiledArtifact';
import { requireDevPackage } from '../projectFiles';

export interface UniswapV3Artifacts {
  /** UniswapV3Factory from @uniswap/v3-core 1.0.0 (as deployed on mainnet). */
  factory: PrecompiledArtifact;
  /** UniswapV3Pool from @uniswap/v3-core 1.0.0; the factory creates pools from this exact creation code. */
  pool: PrecompiledArtifact;
  /** NonfungiblePositionManager from @uniswap/v3-periphery 1.0.0 (adds the devnet pools' liquidity). */
  positionManager: PrecompiledArtifact;
  /** QuoterV2 from @uniswap/swap-router-contracts 1.1.0. */
  quoterV2: PrecompiledArtifact;
  /** SwapRouter02 from @uniswap/swap-router-contracts 1.1.0. */
  swapRouter02: PrecompiledArtifact;
}

/**
 * keccak256 of UniswapV3Pool's creation code: v3-periphery's PoolAddress.POOL_INIT_CODE_HASH, mainnet's value. The
 * periphery (router, quoter, position manager) finds pools by this hash alone.
 */
export const UNISWAP_V3_POOL_INIT_CODE_HASH = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54';

let cached: UniswapV3Artifacts | undefined;

function load(file: string): PrecompiledArtifact {
  const { abi, bytecode } = precompiledArtifact(requireDevPackage<unknown>(file), file);
  return { abi, bytecode };
}

/**
 * The Uniswap V3 contracts mainnet runs, as shipped compiled on npm, deployed unchanged. Checks that the pool's
 * creation code hashes to UNISWAP_V3_POOL_INIT_CODE_HASH, that the factory embeds it and that the periphery
 * contracts carry that hash.
 * @throws StrataError INTERNAL when a package is missing or the artifacts do not fit together
 */
export function loadUniswapV3Artifacts(): UniswapV3Artifacts {
  if (cached) return cached;
  const artifacts: UniswapV3Artifacts = {
    factory: load('@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json'),
    pool: load('@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json'),
    positionManager: load('@uniswap/v3-periphery/artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json'),
    quoterV2: load('@uniswap/swap-router-contracts/artifacts/contracts/lens/QuoterV2.sol/QuoterV2.json'),
    swapRouter02: load('@uniswap/swap-router-contracts/artifacts/contracts/SwapRouter02.sol/SwapRouter02.json'),
  };
  const poolHash = keccak256(artifacts.pool.bytecode);
  if (poolHash !== UNISWAP_V3_POOL_INIT_CODE_HASH) {
    throw new StrataError('INTERNAL', `UniswapV3Pool's init code hash is ${poolHash}, not the periphery's ${UNISWAP_V3_POOL_INIT_CODE_HASH}`);
  }
  if (!artifacts.factory.bytecode.includes(artifacts.pool.bytecode.slice(2))) {
    throw new StrataError('INTERNAL', 'UniswapV3Factory does not create the UniswapV3Pool of @uniswap/v3-core');
  }
  for (const name of ['positionManager', 'quoterV2', 'swapRouter02'] as const) {
    if (!artifacts[name].bytecode.includes(UNISWAP_V3_POOL_INIT_CODE_HASH.slice(2))) {
      throw new StrataError('INTERNAL', `${name} was not compiled with the pool init code hash of @uniswap/v3-core`);
    }
  }
  cached = artifacts;
  return cached;
}
