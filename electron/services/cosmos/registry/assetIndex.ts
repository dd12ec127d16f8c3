import type { Asset } from '@chain-registry/types';
import type { ChainInfo } from '../../../../shared/domain/chain';
import { ibcDenom, isIbcDenom, splitIbcPath } from '../ibc/ibcDenom';
import type { IbcOrigin } from '../ibc/ibcOrigin';
import { registryEntryByName, registryEntryFor, type RegistryEntry } from './registryEntry';

/** A chain's registry assets by denom, IBC origins by denom, and its transfer channels' counterparties. */
export interface ChainAssetIndex {
  readonly chainName: string;
  readonly assets: ReadonlyMap<string, Asset>;
  readonly ibcOrigins: ReadonlyMap<string, IbcOrigin>;
  /** `<port>/<channel>` on this chain -> chain-registry name of the chain at the other end */
  readonly counterparties: ReadonlyMap<string, string>;
}

const cache = new Map<string, ChainAssetIndex>();

/** The index of a chain's registry data, or undefined for a chain the bundled registry data lacks. */
export function assetIndexFor(chain: Pick<ChainInfo, 'id'>): ChainAssetIndex | undefined {
  const entry = registryEntryFor(chain);
  return entry === undefined ? undefined : indexOf(entry);
}

/** The index of a chain by its chain-registry name (`noble`), when it is bundled. */
export function assetIndexByName(chainName: string): ChainAssetIndex | undefined {
  const entry = registryEntryByName(chainName);
  return entry === undefined ? undefined : indexOf(entry);
}

/** Registry and nodes disagree on the case of IBC hashes; we key them in uppercase as nodes write them. */
export function denomKey(denom: string): string {
  return isIbcDenom(denom) ? `ibc/${denom.slice(4).toUpperCase()}` : denom;
}

/** The decimals a wallet shows an asset with: the exponent of its display unit. */
export function displayDecimals(asset: Asset): number {
  return asset.denomUnits.find((unit) => unit.denom === asset.display)?.exponent ?? 0;
}

function indexOf(entry: RegistryEntry): ChainAssetIndex {
  const name = entry.chain.chainName;
  let index = cache.get(name);
  if (index === undefined) {
    index = buildIndex(entry);
    cache.set(name, index);
  }
  return index;
}

function buildIndex(entry: RegistryEntry): ChainAssetIndex {
  const name = entry.chain.chainName;
  const assets = new Map<string, Asset>();
  const ibcOrigins = new Map<string, IbcOrigin>();
  for (const asset of entry.assetList.assets) {
    const key = denomKey(asset.base);
    if (!assets.has(key)) assets.set(key, asset);
    if (isIbcDenom(key)) {
      const origin = verifiedOrigin(key, asset);
      if (origin !== undefined) ibcOrigins.set(key, origin);
    }
  }
  const counterparties = new Map<string, string>();
  for (const link of entry.ibcData) {
    const [ours, theirs] = link.chain1.chainName === name ? (['chain1', 'chain2'] as const) : (['chain2', 'chain1'] as const);
    if (link[ours].chainName !== name) continue;
    for (const channel of link.channels) {
      counterparties.set(`${channel[ours].portId}/${channel[ours].channelId}`, link[theirs].chainName);
    }
  }
  return { chainName: name, assets, ibcOrigins, counterparties };
}

/**
 * The origin an asset's IBC trace claims, kept only when hashing its path gives the asset's denom: a registry entry
 * that does not hash right is a data error and must not label a balance.
 */
function verifiedOrigin(denom: string, asset: Asset): IbcOrigin | undefined {
  for (const trace of asset.traces ?? []) {
    if (trace.type !== 'ibc') continue;
    const fullPath = trace.chain.path ?? `transfer/${trace.chain.channelId}/${trace.counterparty.baseDenom}`;
    let split: { path: string; baseDenom: string };
    try {
      split = splitIbcPath(fullPath);
      if (split.path === '' || ibcDenom(split.path, split.baseDenom) !== denom) continue;
    } catch {
      continue;
    }
    return { chain: trace.counterparty.chainName, baseDenom: split.baseDenom, path: split.path };
  }
  return undefined;
}
