import { StrataError } from '../../../../shared/errors';
import { requireDevPackage } from '../projectFiles';
import type { PrecompiledArtifact } from '../uniswap/uniswapV2Artifacts';

/**
 * Axelar's CGP gateway contracts, as shipped compiled in `@axelar-network/axelar-cgp-solidity` (solc 0.8.9, no
 * linked libraries): the artifacts axelar-local-dev deploys.
 */
const FILES = {
  AxelarAuthWeighted: 'auth/AxelarAuthWeighted.sol/AxelarAuthWeighted.json',
  TokenDeployer: 'TokenDeployer.sol/TokenDeployer.json',
  AxelarGateway: 'AxelarGateway.sol/AxelarGateway.json',
  AxelarGatewayProxy: 'AxelarGatewayProxy.sol/AxelarGatewayProxy.json',
} as const;

export type AxelarArtifactName = keyof typeof FILES;

const loaded = new Map<AxelarArtifactName, PrecompiledArtifact>();

/**
 * One Axelar gateway artifact (ABI and creation code), read once per process.
 * @throws StrataError INTERNAL when the package is missing or the file is not a compiled, link-free artifact
 */
export function axelarArtifact(name: AxelarArtifactName): PrecompiledArtifact {
  const cached = loaded.get(name);
  if (cached) return cached;
  const file = `@axelar-network/axelar-cgp-solidity/artifacts/contracts/${FILES[name]}`;
  const json = requireDevPackage<{ abi?: unknown; bytecode?: unknown; linkReferences?: object }>(file);
  if (!Array.isArray(json.abi) || typeof json.bytecode !== 'string' || !/^0x[0-9a-fA-F]+$/.test(json.bytecode)) {
    throw new StrataError('INTERNAL', `${file} is not a compiled contract artifact`);
  }
  if (json.linkReferences && Object.keys(json.linkReferences).length > 0) throw new StrataError('INTERNAL', `The Axelar artifact ${name} needs linked libraries`);
  const artifact: PrecompiledArtifact = { abi: json.abi as unknown[], bytecode: json.bytecode.toLowerCase() as `0x${string}` };
  loaded.set(name, artifact);
  return artifact;
}
