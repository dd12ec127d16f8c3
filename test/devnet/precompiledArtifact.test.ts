import { describe, expect, it } from 'vitest';
import { precompiledArtifact } from '../../electron/services/devnet/precompiledArtifact';
import { expectStrataError } from '../unit/expectStrataError';

describe('precompiled artifacts as shipped in npm packages', () => {
  it('takes Truffle (no 0x) and Hardhat (0x) creation code, lower-cased, with the Hardhat extras when present', () => {
    expect(precompiledArtifact({ abi: [], bytecode: '60AB' }, 'x')).toEqual({ abi: [], bytecode: '0x60ab' });
    expect(precompiledArtifact({ contractName: 'C', sourceName: 'C.sol', abi: [{ type: 'constructor' }], bytecode: '0x60Ab', deployedBytecode: '0x60CD', linkReferences: {} }, 'x')).toEqual({
      contractName: 'C', sourceName: 'C.sol', abi: [{ type: 'constructor' }], bytecode: '0x60ab', deployedBytecode: '0x60cd',
    });
  });

  it('refuses what the devnet cannot deploy as shipped: no ABI, no or non-hex code, libraries left to link', () => {
    expectStrataError(() => precompiledArtifact(null, 'The artifact N'), 'INTERNAL', /^The artifact N is not a compiled contract artifact$/);
    expectStrataError(() => precompiledArtifact({ abi: {}, bytecode: '0x60' }, 'N'), 'INTERNAL', /not a compiled/);
    expectStrataError(() => precompiledArtifact({ abi: [], bytecode: '0x60zz' }, 'N'), 'INTERNAL', /not a compiled/);
    expectStrataError(() => precompiledArtifact({ abi: [], bytecode: '0x60', linkReferences: { 'L.sol': { L: [] } } }, 'N'), 'INTERNAL', /^N needs linked libraries$/);
  });
});
