import { join } from 'node:path';
import type { DeploymentRow } from '../deployments/deploymentRow';
import { z } from 'zod';
import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import { devnetChains } from '../devnet/devnetChains';
import { readVersionedDocument } from '../storage/readVersionedDocument';
import { ensurePrivateDir, writeFileAtomic } from '../storage/atomicWrite';
import { listChains } from './chainRegistry';
import { checkEndpointPolicy } from './checkEndpointPolicy';
import { defaultEndpoints } from './defaultEndpoints';
import { probeChainId } from './probeChainId';

/** A running devnet the app should show: its chains' RPC URLs and deployed contracts. */
export interface DevnetInfo {
  chains: Array<{ id: string; rpc: string }>;
  contracts: Record<string, string>;
  /** Its rows of the deployments registry, from the state file (absent in an older state). */
  deployments?: DeploymentRow[];
}

const CustomChain = z.strictObject({
  chainId: z.number().int().positive(),
  name: z.string().min(1).max(48),
  symbol: z.string().min(1).max(12),
  decimals: z.number().int().min(0).max(36),
  rpc: z.string().min(1),
});
type CustomChain = z.infer<typeof CustomChain>;

const ChainsFile = z.strictObject({
  version: z.literal(1),
  rpcOverrides: z.record(z.string(), z.array(z.string()).max(5)),
  customChains: z.array(CustomChain),
});
type ChainsFile = z.infer<typeof ChainsFile>;

export type ChainIdProbe = (url: string, family: ChainInfo['family']) => Promise<string>;

/**
 * Every chain the wallet knows — built-in, the devnet's when one is configured, and the user's custom EVM chains —
 * with each chain's RPC endpoints (the user's override, else the defaults). Persisted in `<dataDir>/chains.json`.
 * Endpoints are checked to answer for the right chain before they are saved.
 */
export class ChainDirectory {
  private file: ChainsFile = { version: 1, rpcOverrides: {}, customChains: [] };
  private readonly path: string;

  private constructor(
    private readonly dataDir: string,
    private readonly devnet: DevnetInfo | undefined,
    private readonly probe: ChainIdProbe,
  ) {
    this.path = join(dataDir, 'chains.json');
  }

  static async open(dataDir: string, options: { devnet?: DevnetInfo; probe?: ChainIdProbe } = {}): Promise<ChainDirectory> {
    const directory = new ChainDirectory(dataDir, options.devnet, options.probe ?? probeChainId);
    // No file yet, unreadable, newer-format or damaged: the defaults.
    const read = await readVersionedDocument(directory.path, { label: 'chain list', currentVersion: 1, schema: ChainsFile, mismatch: 'not a chain list' }).catch(() => null);
    if (read?.kind === 'ok') directory.file = read.value;
    return directory;
  }

  list(): ChainInfo[] {
    const devnet = this.devnet ? devnetChains().filter((c) => this.devnet?.chains.some((d) => d.id === c.id)) : [];
    return [...listChains(), ...devnet, ...this.file.customChains.map(toChainInfo)];
  }

  /** @throws UNKNOWN_CHAIN */
  resolve(nameOrId: string): ChainInfo {
    const key = nameOrId.trim();
    const chain = this.list().find((c) => c.id === key || c.alias === key.toLowerCase());
    if (!chain) throw new StrataError('UNKNOWN_CHAIN', `Unknown chain "${key.slice(0, 64)}"`);
    return chain;
  }

  defaults(chainId: string): string[] {
    const devnetRpc = this.devnet?.chains.find((c) => c.id === chainId)?.rpc;
    if (devnetRpc) return [devnetRpc];
    const custom = this.file.customChains.find((c) => `eip155:${c.chainId}` === chainId);
    if (custom) return [custom.rpc];
    return defaultEndpoints(chainId);
  }

  endpoints(chainId: string): string[] {
    return [...(this.file.rpcOverrides[chainId] ?? this.defaults(chainId))];
  }

  devnetContracts(): Record<string, string> {
    return { ...(this.devnet?.contracts ?? {}) };
  }

  /**
   * Replaces a chain's endpoints; every one must be https (plain http only to this machine) and answer for this chain
   * (an empty list restores the defaults).
   * @throws INVALID_INPUT (not https, not a URL), CHAIN_ID_MISMATCH, RPC_UNAVAILABLE — and then nothing is saved
   */
  async setEndpoints(chain: ChainInfo, endpoints: string[]): Promise<string[]> {
    const unique = [...new Set(endpoints.map((e) => checkEndpointPolicy(e.trim())))];
    for (const url of unique) await this.assertServes(url, chain);
    const next = structuredClone(this.file);
    if (unique.length === 0) delete next.rpcOverrides[chain.id];
    else next.rpcOverrides[chain.id] = unique;
    await this.save(next);
    return this.endpoints(chain.id);
  }

  /**
   * Adds a custom EVM chain after checking its node reports `chainId`.
   * @throws INVALID_INPUT when the id is already known, CHAIN_ID_MISMATCH, RPC_UNAVAILABLE
   */
  async addCustom(input: { name: string; chainId: number; rpc: string; symbol: string; decimals?: number }): Promise<ChainInfo> {
    const custom: CustomChain = { chainId: input.chainId, name: input.name.trim(), symbol: input.symbol.trim().toUpperCase(), decimals: input.decimals ?? 18, rpc: input.rpc.trim() };
    const info = toChainInfo(custom);
    if (this.list().some((c) => c.id === info.id)) throw new StrataError('INVALID_INPUT', `Chain ${info.id} is already known`);
    await this.assertServes(custom.rpc, info);
    await this.save({ ...this.file, customChains: [...this.file.customChains, custom] });
    return info;
  }

  /** @throws UNKNOWN_CHAIN, INVALID_INPUT for a chain that is not custom */
  async removeCustom(nameOrId: string): Promise<void> {
    const chain = this.resolve(nameOrId);
    const remaining = this.file.customChains.filter((c) => `eip155:${c.chainId}` !== chain.id);
    if (remaining.length === this.file.customChains.length) throw new StrataError('INVALID_INPUT', 'Only custom chains can be removed');
    const overrides = { ...this.file.rpcOverrides };
    delete overrides[chain.id];
    await this.save({ ...this.file, customChains: remaining, rpcOverrides: overrides });
  }

  private async assertServes(url: string, chain: ChainInfo): Promise<void> {
    const served = await this.probe(url, chain.family);
    if (served !== chain.id) {
      throw new StrataError('CHAIN_ID_MISMATCH', `That endpoint serves ${served}, not ${chain.name} (${chain.id})`);
    }
  }

  private async save(next: ChainsFile): Promise<void> {
    await ensurePrivateDir(this.dataDir);
    await writeFileAtomic(this.path, JSON.stringify(next, null, 2) + '\n');
    this.file = next;
  }
}

function toChainInfo(custom: CustomChain): ChainInfo {
  return {
    id: `eip155:${custom.chainId}`,
    alias: `custom-${custom.chainId}`,
    name: custom.name,
    family: 'evm',
    addressScheme: 'evm',
    coinType: 60,
    bech32Prefix: null,
    nativeAsset: { symbol: custom.symbol, denom: 'wei', decimals: custom.decimals },
    testnet: false,
  };
}
