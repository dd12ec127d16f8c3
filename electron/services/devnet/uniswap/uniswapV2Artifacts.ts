import { keccak256 } from 'viem';
import { StrataError } from '../../../../shared/errors';
import { precompiledArtifact, type PrecompiledArtifact } from '../precompiledArtifact';
import { requireDevPackage } from '../projectFiles';

export type { PrecompiledArtifact };

export interface UniswapV2Artifacts {
  /** UniswapV2Factory from @uniswap/v2-core (solc 0.5.16, as deployed on mainnet). */
  factory: PrecompiledArtifact;
  /** UniswapV2Pair from @uniswap/v2-core; the factory creates pairs from this exact creation code. */
  pair: PrecompiledArtifact;
  /** UniswapV2Router02 from @uniswap/v2-periphery (solc 0.6.6). */
  router: PrecompiledArtifact;
}

/**
 * keccak256 of UniswapV2Pair's creation code: the init code hash that UniswapV2Library.pairFor has baked into the
 * router (mainnet's value). The router finds pairs by this hash alone, so factory, pair and router must agree on it.
 */
export const UNISWAP_V2_INIT_CODE_HASH = '0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f';

let cached: UniswapV2Artifacts | undefined;

function load(file: string): PrecompiledArtifact {
  const { abi, bytecode } = precompiledArtifact(requireDevPackage<unknown>(file), file);
  return { abi, bytecode };
}

/**
 * The canonical Uniswap V2 contracts as shipped compiled on npm (`@uniswap/v2-core` 1.0.1,
 * `@uniswap/v2-periphery` 1.1.0-beta.0), deployed unchanged. Checks that the pair's creation code hashes to
 * UNISWAP_V2_INIT_CODE_HASH, that the factory embeds that creation code and that the router carries that hash:
 * if any of them disagreed, the router would compute pair addresses where no pair lives.
 * @throws StrataError INTERNAL when a package is missing or the three artifacts do not fit together
 */
export function loadUniswapV2Artifacts(): UniswapV2Artifacts {
  if (cached) return cached;
  const factory = load('@uniswap/v2-core/build/UniswapV2Factory.json');
  const pair = load('@uniswap/v2-core/build/UniswapV2Pair.json');
  const router = load('@uniswap/v2-periphery/build/UniswapV2Router02.json');
  const pairHash = keccak256(pair.bytecode);
  if (pairHash !== UNISWAP_V2_INIT_CODE_HASH) {
    throw new StrataError('INTERNAL', `UniswapV2Pair's init code hash is ${pairHash}, not the router's ${UNISWAP_V2_INIT_CODE_HASH}`);
  }
  if (!factory.bytecode.includes(pair.bytecode.slice(2))) {
    throw new StrataError('INTERNAL', 'UniswapV2Factory does not create the UniswapV2Pair of @uniswap/v2-core');
  }
  if (!router.bytecode.includes(UNISWAP_V2_INIT_CODE_HASH.slice(2))) {
    throw new StrataError('INTERNAL', 'UniswapV2Router02 was not compiled with the init code hash of @uniswap/v2-core');
  }
  cached = { factory, pair, router };
  return cached;
}
