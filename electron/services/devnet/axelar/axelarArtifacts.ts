import { requireDevPackage } from '../projectFiles';
import { precompiledArtifact, type PrecompiledArtifact } from '../precompiledArtifact';

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
  const { abi, bytecode } = precompiledArtifact(requireDevPackage<unknown>(file), `The Axelar artifact ${name}`);
  const artifact: PrecompiledArtifact = { abi, bytecode };
  loaded.set(name, artifact);
  return artifact;
}
