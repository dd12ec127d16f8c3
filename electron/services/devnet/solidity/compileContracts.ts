import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { StrataError } from '../../../../shared/errors';
import { writeFileAtomic } from '../../storage/atomicWrite';
import { projectRoot, requireDevPackage } from '../projectFiles';

/** One compiled contract: its ABI, creation code and runtime code (0x hex, unlinked libraries not supported). */
export interface ContractArtifact {
  contractName: string;
  sourceName: string;
  abi: readonly unknown[];
  bytecode: `0x${string}`;
  deployedBytecode: `0x${string}`;
}

export interface CompiledContracts {
  solcVersion: string;
  /** Keyed by contract name; names are unique across the sources. */
  contracts: Record<string, ContractArtifact>;
}

export interface LoadArtifactsResult {
  artifacts: CompiledContracts;
  /** `memory` and `disk` are cache hits; `compiled` means solc ran. */
  source: 'memory' | 'disk' | 'compiled';
  ms: number;
}

export interface LoadArtifactsOptions {
  /** Folder of .sol sources, searched recursively; default `<checkout>/contracts`. */
  sourceDir?: string;
  /** Default `<checkout>/node_modules/.cache/strata-devnet`. */
  cacheDir?: string;
  /** Reuse artifacts already loaded by this process (default true). */
  memoryCache?: boolean;
}

interface Solc {
  version(): string;
  compile(input: string, callbacks: { import: (specifier: string) => { contents: string } | { error: string } }): string;
}

interface SolcOutput {
  errors?: Array<{ severity: string; formattedMessage: string; message: string }>;
  contracts?: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }>>;
}

// Bytecode without a metadata hash does not change when a comment or a file path changes, so neither do the
// CREATE2 addresses of the devnet contracts. Cancun rather than solc's Prague default: runs on more engines.
// No optimizer: a cold compile takes about a third of the time, and devnet gas costs need not be minimal.
const SETTINGS = {
  optimizer: { enabled: false, runs: 200 },
  evmVersion: 'cancun',
  metadata: { bytecodeHash: 'none', appendCBOR: false },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
} as const;

const memory = new Map<string, CompiledContracts>();

/**
 * The compiled devnet contracts, from the in-process cache, the disk cache, or solc-js (offline) when both are cold.
 * The cache key hashes the sources, the solc version, the settings and the versions of imported packages.
 * @throws StrataError INTERNAL on a compile error (the first message; all of them in `details`)
 */
export async function loadDevnetArtifacts(options: LoadArtifactsOptions = {}): Promise<LoadArtifactsResult> {
  const started = performance.now();
  const root = projectRoot();
  const sourceDir = options.sourceDir ?? path.join(root, 'contracts');
  const cacheDir = options.cacheDir ?? path.join(root, 'node_modules', '.cache', 'strata-devnet');
  const sources = await readSources(sourceDir);
  const key = cacheKey(sources);
  const done = (artifacts: CompiledContracts, source: LoadArtifactsResult['source']): LoadArtifactsResult => ({
    artifacts,
    source,
    ms: performance.now() - started,
  });

  const inMemory = options.memoryCache === false ? undefined : memory.get(key);
  if (inMemory) return done(inMemory, 'memory');
  const cacheFile = path.join(cacheDir, `artifacts-${key.slice(0, 24)}.json`);
  const onDisk = await readCache(cacheFile);
  if (onDisk) {
    memory.set(key, onDisk);
    return done(onDisk, 'disk');
  }
  const compiled = compile(sources);
  await mkdir(cacheDir, { recursive: true });
  await writeFileAtomic(cacheFile, JSON.stringify(compiled));
  memory.set(key, compiled);
  return done(compiled, 'compiled');
}

/** Every .sol file under `dir`, keyed by its path from dir's parent (`contracts/devnet/X.sol`), sorted. */
async function readSources(dir: string): Promise<Map<string, string>> {
  const base = path.dirname(dir);
  const files: string[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true }).catch((error: unknown) => {
      throw new StrataError('IO_ERROR', `Cannot read the Solidity sources in ${current}`, { cause: error });
    });
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.sol')) files.push(full);
    }
  };
  await walk(dir);
  files.sort();
  const sources = new Map<string, string>();
  for (const file of files) sources.set(path.relative(base, file).split(path.sep).join('/'), await readFile(file, 'utf8'));
  return sources;
}

function solcPackageVersion(): string {
  return packageVersion('solc');
}

function packageVersion(name: string): string {
  const file = path.join(projectRoot(), 'node_modules', name, 'package.json');
  if (!existsSync(file)) return 'missing';
  return String((JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown }).version);
}

/** Package names imported by the sources (`@openzeppelin/contracts/...` -> `@openzeppelin/contracts`). */
function importedPackages(sources: Map<string, string>): string[] {
  const names = new Set<string>();
  for (const text of sources.values()) {
    for (const match of text.matchAll(/import\s+(?:[^'";]*\s+from\s+)?["']([^"']+)["']/g)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
    }
  }
  return [...names].sort();
}

function cacheKey(sources: Map<string, string>): string {
  const packages = importedPackages(sources).map((name) => [name, packageVersion(name)]);
  const material = JSON.stringify({ solc: solcPackageVersion(), settings: SETTINGS, packages, sources: [...sources] });
  return createHash('sha256').update(material).digest('hex');
}

async function readCache(file: string): Promise<CompiledContracts | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as CompiledContracts;
    if (typeof parsed.solcVersion === 'string' && typeof parsed.contracts === 'object') return parsed;
  } catch {
    // missing or damaged: compile again
  }
  return undefined;
}

/** Resolves `@scope/pkg/path.sol` and `pkg/path.sol` imports from the checkout's node_modules. */
function findImport(specifier: string): { contents: string } | { error: string } {
  const normalized = path.posix.normalize(specifier);
  if (normalized.startsWith('..') || path.isAbsolute(normalized)) return { error: `import outside node_modules: ${specifier}` };
  const file = path.join(projectRoot(), 'node_modules', normalized);
  try {
    return { contents: readFileSync(file, 'utf8') };
  } catch {
    return { error: `not found: ${specifier}` };
  }
}

function compile(sources: Map<string, string>): CompiledContracts {
  const solc = requireDevPackage<Solc>('solc');
  const input = {
    language: 'Solidity',
    sources: Object.fromEntries([...sources].map(([name, content]) => [name, { content }])),
    settings: SETTINGS,
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as SolcOutput;
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new StrataError('INTERNAL', `Solidity compile failed: ${errors[0]?.message ?? 'unknown error'}`, {
      details: errors.map((e) => e.formattedMessage).join('\n'),
    });
  }
  const contracts: Record<string, ContractArtifact> = {};
  for (const [sourceName, byName] of Object.entries(output.contracts ?? {})) {
    // Imported library sources (OpenZeppelin) come back too; only our own contracts are devnet artifacts.
    if (!sources.has(sourceName)) continue;
    for (const [contractName, out] of Object.entries(byName)) {
      if (contracts[contractName]) throw new StrataError('INTERNAL', `Two devnet contracts are named ${contractName}`);
      contracts[contractName] = {
        contractName,
        sourceName,
        abi: out.abi,
        bytecode: `0x${out.evm.bytecode.object}`,
        deployedBytecode: `0x${out.evm.deployedBytecode.object}`,
      };
    }
  }
  return { solcVersion: solc.version(), contracts };
}
