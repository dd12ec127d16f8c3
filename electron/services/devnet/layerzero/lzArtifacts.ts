import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StrataError } from '../../../../shared/errors';
import { projectRoot } from '../projectFiles';
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
  let json: { contractName: string; sourceName: string; abi: unknown[]; bytecode: string; deployedBytecode: string; linkReferences?: object };
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as typeof json;
  } catch (error) {
    throw new StrataError('INTERNAL', `Cannot load the LayerZero artifact ${name}: run npm install in the Strata checkout`, { cause: error });
  }
  if (json.linkReferences && Object.keys(json.linkReferences).length > 0) throw new StrataError('INTERNAL', `The LayerZero artifact ${name} needs linked libraries`);
  const artifact: ContractArtifact = {
    contractName: json.contractName,
    sourceName: json.sourceName,
    abi: json.abi,
    bytecode: json.bytecode as `0x${string}`,
    deployedBytecode: json.deployedBytecode as `0x${string}`,
  };
  loaded.set(name, artifact);
  return artifact;
}
