import type { AssetInfo } from '../../../../shared/domain/asset';
import type { CaipChainId, ChainInfo } from '../../../../shared/domain/chain';
import { describeCosmosDenom } from '../../assets/cosmosAssets';
import { nativeAssetOf } from '../../assets/nativeAsset';
import { ibcDenom, isIbcDenom } from '../../cosmos/ibc/ibcDenom';
import { supportsPacketForward, transferChannel, type IbcTransferChannel } from '../../cosmos/ibc/ibcChannels';
import { traceIbcDenomOffline } from '../../cosmos/ibc/traceIbcDenom';
import { assetIndexFor } from '../../cosmos/registry/assetIndex';

/** One way to carry a token over IBC: the channels in order (a second one via packet-forward-middleware). */
export interface IbcPath {
  /** chains the packet visits, source first, destination last */
  chains: ChainInfo[];
  hops: IbcTransferChannel[];
  /** the denom the sender spends */
  sourceDenom: string;
  /** the denom that arrives: `ibc/<SHA256(path/base)>`, or the base denom when the token comes home */
  arrivalDenom: string;
  /** the arriving token's trace: hops receiving end first, and its base denom */
  arrivalTrace: { path: string; baseDenom: string };
  toAsset: AssetInfo;
}

/** A Cosmos bank denom of an asset (`native` is the chain's fee denom). */
export function denomOfAsset(chain: ChainInfo, asset: Pick<AssetInfo, 'ref'>): string {
  return asset.ref === 'native' ? chain.nativeAsset.denom : asset.ref;
}

/**
 * The trace a denom has after one ICS-20 hop over `channel`, as ibc-go's receive logic decides it: a token whose
 * trace starts with the sending end (`sourcePort/sourceChannel`) goes back home and loses that hop; any other gains
 * the receiving end (`destPort/destChannel`) in front.
 */
export function traceAfterHop(trace: { path: string; baseDenom: string }, channel: IbcTransferChannel): { path: string; baseDenom: string } {
  const sending = `${channel.sourcePort}/${channel.sourceChannel}`;
  if (trace.path === sending) return { path: '', baseDenom: trace.baseDenom };
  if (trace.path.startsWith(`${sending}/`)) return { path: trace.path.slice(sending.length + 1), baseDenom: trace.baseDenom };
  const receiving = `${channel.destPort}/${channel.destChannel}`;
  return { path: trace.path === '' ? receiving : `${receiving}/${trace.path}`, baseDenom: trace.baseDenom };
}

/**
 * Every IBC path for `asset` on `from` to `to` over the bundled chains' registry channels: the direct channel, and,
 * for a token that is not at home on `from`, the path back home then on to `to` through packet-forward-middleware
 * (so it arrives with the one-hop denom the destination lists, not a two-hop one). A token whose trace the registry
 * does not know has no path. Pure: no network.
 */
export function ibcPaths(chains: readonly ChainInfo[], from: ChainInfo, asset: AssetInfo, to: ChainInfo): IbcPath[] {
  if (from.family !== 'cosmos' || to.family !== 'cosmos' || from.id === to.id) return [];
  const sourceDenom = denomOfAsset(from, asset);
  const trace = isIbcDenom(sourceDenom) ? traceIbcDenomOffline(from, sourceDenom) : { path: '', baseDenom: sourceDenom };
  if (trace === null) return [];
  const paths: IbcPath[] = [];
  const direct = transferChannel(from, to);
  if (direct !== undefined) paths.push(pathOver([from, to], [direct], sourceDenom, trace));
  // Home-then-forward: the home chain is the far end of the token's last hop, i.e. of its trace's first hop.
  const home = trace.path === '' ? undefined : homeChainOf(chains, from, trace.path);
  if (home !== undefined && home.id !== to.id) {
    const back = transferChannel(from, home);
    const onward = transferChannel(home, to);
    const homeName = assetIndexFor(home)?.chainName;
    if (back !== undefined && onward !== undefined && homeName !== undefined && supportsPacketForward(homeName) && trace.path.startsWith(`${back.sourcePort}/${back.sourceChannel}`)) {
      const path = pathOver([from, home, to], [back, onward], sourceDenom, trace);
      if (!paths.some((p) => p.arrivalDenom === path.arrivalDenom)) paths.push(path);
    }
  }
  return paths;
}

function homeChainOf(chains: readonly ChainInfo[], from: ChainInfo, path: string): ChainInfo | undefined {
  const firstHop = path.split('/').slice(0, 2).join('/');
  const name = assetIndexFor(from)?.counterparties.get(firstHop);
  return name === undefined ? undefined : chains.find((c) => assetIndexFor(c)?.chainName === name);
}

function pathOver(visited: ChainInfo[], hops: IbcTransferChannel[], sourceDenom: string, trace: { path: string; baseDenom: string }): IbcPath {
  const arrivalTrace = hops.reduce(traceAfterHop, trace);
  const arrivalDenom = ibcDenom(arrivalTrace.path, arrivalTrace.baseDenom);
  const dest = visited[visited.length - 1] as ChainInfo;
  const toAsset = arrivalDenom === dest.nativeAsset.denom
    ? nativeAssetOf(dest)
    : describeCosmosDenom(dest, arrivalDenom, arrivalTrace.path === '' ? null : { chain: hops[hops.length - 1]?.fromChainName ?? null, ...arrivalTrace });
  return { chains: visited, hops, sourceDenom, arrivalDenom, arrivalTrace, toAsset };
}

/** The path of a leg: the one of `ibcPaths` whose arriving asset is `toAsset`. */
export function pathForLeg(chains: readonly ChainInfo[], fromAsset: AssetInfo, toAsset: Pick<AssetInfo, 'chain' | 'ref'>): IbcPath | undefined {
  const byId = (id: CaipChainId) => chains.find((c) => c.id === id);
  const from = byId(fromAsset.chain);
  const to = byId(toAsset.chain);
  if (from === undefined || to === undefined) return undefined;
  return ibcPaths(chains, from, fromAsset, to).find((p) => p.toAsset.ref === toAsset.ref);
}
