import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Interface } from 'ethers';
import { multicall3Abi } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDevnetArtifacts } from '../../electron/services/devnet/solidity/compileContracts';
import { expectStrataRejection } from '../unit/expectStrataError';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'strata-solc-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const TINY = (value: number) => `// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;
contract Tiny { function value() external pure returns (uint256) { return ${value}; } }
`;

describe('devnet contract compilation', () => {
  it('compiles with solc-js once, then loads from the disk cache keyed by the sources', async () => {
    const sourceDir = join(work, 'contracts');
    const cacheDir = join(work, 'cache');
    await mkdir(sourceDir, { recursive: true });
    await writeFile(join(sourceDir, 'Tiny.sol'), TINY(1));

    const cold = await loadDevnetArtifacts({ sourceDir, cacheDir });
    console.log(`solc-js cold compile of a one-contract source: ${cold.ms.toFixed(0)} ms (compiler load included)`);
    expect(cold.source).toBe('compiled');
    expect(cold.artifacts.solcVersion).toMatch(/^0\.8\.37\+commit\./);
    const tiny = cold.artifacts.contracts.Tiny;
    expect(tiny?.sourceName).toBe('contracts/Tiny.sol');
    expect(new Interface(tiny?.abi as never).getFunction('value')?.format('full')).toBe('function value() pure returns (uint256)');
    expect(tiny?.bytecode).toMatch(/^0x6080/);
    // No metadata hash appended: the runtime code ends with the contract's own code, not a CBOR blob.
    expect(tiny?.deployedBytecode.endsWith('a164736f6c6343')).toBe(false);

    const disk = await loadDevnetArtifacts({ sourceDir, cacheDir, memoryCache: false });
    expect(disk.source).toBe('disk');
    expect(disk.artifacts).toEqual(cold.artifacts);
    expect((await loadDevnetArtifacts({ sourceDir, cacheDir })).source).toBe('memory');

    await writeFile(join(sourceDir, 'Tiny.sol'), TINY(2));
    const changed = await loadDevnetArtifacts({ sourceDir, cacheDir });
    expect(changed.source).toBe('compiled');
    expect(changed.artifacts.contracts.Tiny?.bytecode).not.toBe(tiny?.bytecode);
    expect(readdirSync(cacheDir).filter((f) => /^artifacts-[0-9a-f]{24}\.json$/.test(f))).toHaveLength(2);
  });

  it('reports compile errors and duplicate contract names as INTERNAL', async () => {
    const broken = join(work, 'broken', 'contracts');
    await mkdir(broken, { recursive: true });
    await writeFile(join(broken, 'Bad.sol'), 'pragma solidity ^0.8.24;\ncontract Bad { function f( }\n');
    await expectStrataRejection(loadDevnetArtifacts({ sourceDir: broken, cacheDir: join(work, 'cache') }), 'INTERNAL', /^Solidity compile failed: /);

    const twice = join(work, 'twice', 'contracts');
    await mkdir(twice, { recursive: true });
    await writeFile(join(twice, 'A.sol'), TINY(3));
    await writeFile(join(twice, 'B.sol'), TINY(4));
    await expectStrataRejection(loadDevnetArtifacts({ sourceDir: twice, cacheDir: join(work, 'cache') }), 'INTERNAL', /Two devnet contracts are named Tiny/);
    await expectStrataRejection(loadDevnetArtifacts({ sourceDir: join(work, 'missing') }), 'IO_ERROR');
  });

  it('builds the devnet contracts, with a Multicall3 that has the canonical Multicall3 ABI', async () => {
    const { artifacts } = await loadDevnetArtifacts();
    expect(Object.keys(artifacts.contracts).sort()).toEqual(['Create2Factory', 'DevnetToken', 'Multicall3', 'StrataBridgeToken', 'WrappedNative']);
    const ours = new Interface(artifacts.contracts.Multicall3?.abi as never);
    const signatures: string[] = [];
    ours.forEachFunction((f) => signatures.push(f.format('sighash')));
    expect(signatures.sort()).toEqual([
      'aggregate((address,bytes)[])',
      'aggregate3((address,bool,bytes)[])',
      'aggregate3Value((address,bool,uint256,bytes)[])',
      'blockAndAggregate((address,bytes)[])',
      'getBasefee()',
      'getBlockHash(uint256)',
      'getBlockNumber()',
      'getChainId()',
      'getCurrentBlockCoinbase()',
      'getCurrentBlockDifficulty()',
      'getCurrentBlockGasLimit()',
      'getCurrentBlockTimestamp()',
      'getEthBalance(address)',
      'getLastBlockHash()',
      'tryAggregate(bool,(address,bytes)[])',
      'tryBlockAndAggregate(bool,(address,bytes)[])',
    ]);
    // What viem calls on Multicall3 has the same inputs and outputs in ours.
    const viems = new Interface(multicall3Abi as never);
    const shape = (f: { format(kind: 'sighash'): string; outputs: ReadonlyArray<{ format(kind: 'sighash'): string }> }) =>
      `${f.format('sighash')} -> (${f.outputs.map((o) => o.format('sighash')).join(',')})`;
    const viemShapes: string[] = [];
    viems.forEachFunction((f) => viemShapes.push(shape(f)));
    expect(viemShapes.sort()).toEqual([
      'aggregate3((address,bool,bytes)[]) -> ((bool,bytes)[])',
      'getCurrentBlockTimestamp() -> (uint256)',
      'getEthBalance(address) -> (uint256)',
    ]);
    viems.forEachFunction((f) => {
      const mine = ours.getFunction(f.name);
      expect(mine && shape(mine)).toBe(shape(f));
    });
  });
});
