import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StrataError } from '../../../../shared/errors';
import { projectRoot } from '../projectFiles';
import { precompiledArtifact } from '../precompiledArtifact';
import type { ContractArtifact } from '../solidity/compileContracts';

/**
 * LayerZero's protocol contracts are built against OpenZeppelin 4 while the devnet compiles with OpenZeppelin 5, so
 * they come precompiled from `@layerzerolabs/lz-evm-protocol-v2` (its Hardhat artifacts, no linked libraries).
 */
const PROTOCOL_ARTIFACTS = {
  EndpointV2: 'EndpointV2.sol/EndpointV2.json',
  SimpleMessageLib: 'messagelib/SimpleMessageLib.sol/SimpleMessageLib.json',
} as const;

export type LayerZeroArtifactName = keyof typeof PROTOCOL_ARTIFACTS;

const loaded = new Map<LayerZeroArtifactName, ContractArtifact>();

/**
 * One precompiled LayerZero protocol artifact (ABI, creation and runtime code), read once per process.
 * @throws StrataError INTERNAL when the package is missing or the artifact has unlinked libraries
 */
export function layerZeroArtifact(name: LayerZeroArtifactName): ContractArtifact {
  const cached = loaded.get(name);
  if (cached) return cached;
  const file = path.join(projectRoot(), 'node_modules', '@layerzerolabs', 'lz-evm-protocol-v2', 'artifacts', 'contracts', PROTOCOL_ARTIFACTS[name]);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StrataError('INTERNAL', `Cannot load the LayerZero artifact ${name}: run npm install in the Strata checkout`, { cause: error });
  }
  const { abi, bytecode, deployedBytecode, contractName, sourceName } = precompiledArtifact(json, `The LayerZero artifact ${name}`);
  if (!deployedBytecode || !contractName || !sourceName) throw new StrataError('INTERNAL', `The LayerZero artifact ${name} is not a Hardhat artifact`);
  const artifact: ContractArtifact = { contractName, sourceName, abi, bytecode, deployedBytecode };
  loaded.set(name, artifact);
  return artifact;
}
