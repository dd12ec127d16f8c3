import { StrataError } from '../../../shared/errors';

/** A contract shipped compiled in an npm package: ABI and creation code (lower-case 0x hex). */
export interface PrecompiledArtifact {
  abi: readonly unknown[];
  bytecode: `0x${string}`;
}

/** What a Hardhat or Truffle artifact file may carry beyond the ABI and creation code. */
export interface ArtifactExtras {
  contractName?: string;
  sourceName?: string;
  deployedBytecode?: `0x${string}`;
}

const HEX = /^(0x)?[0-9a-fA-F]+$/;
const hex = (text: string): `0x${string}` => `0x${(text.startsWith('0x') ? text.slice(2) : text).toLowerCase()}`;

/**
 * Checks a parsed artifact file (Uniswap's Truffle builds, LayerZero's and Axelar's Hardhat artifacts): an ABI array,
 * creation code in hex (with or without 0x) and no library left to link, since the devnet deploys code as shipped.
 * `label` names it in errors.
 * @throws StrataError INTERNAL when it is not a compiled, link-free artifact
 */
export function precompiledArtifact(json: unknown, label: string): PrecompiledArtifact & ArtifactExtras {
  const file = (json ?? {}) as { abi?: unknown; bytecode?: unknown; deployedBytecode?: unknown; linkReferences?: object; contractName?: unknown; sourceName?: unknown };
  if (!Array.isArray(file.abi) || typeof file.bytecode !== 'string' || !HEX.test(file.bytecode)) {
    throw new StrataError('INTERNAL', `${label} is not a compiled contract artifact`);
  }
  if (file.linkReferences && Object.keys(file.linkReferences).length > 0) throw new StrataError('INTERNAL', `${label} needs linked libraries`);
  return {
    abi: file.abi as unknown[],
    bytecode: hex(file.bytecode),
    ...(typeof file.deployedBytecode === 'string' && HEX.test(file.deployedBytecode) ? { deployedBytecode: hex(file.deployedBytecode) } : {}),
    ...(typeof file.contractName === 'string' ? { contractName: file.contractName } : {}),
    ...(typeof file.sourceName === 'string' ? { sourceName: file.sourceName } : {}),
  };
}
