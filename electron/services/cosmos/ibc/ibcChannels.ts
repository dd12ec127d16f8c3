import type { ChainInfo } from '../../../../shared/domain/chain';
import { registryEntryFor } from '../registry/registryEntry';

/** An ICS-20 channel between two bundled chains, seen from the sending side. */
export interface IbcTransferChannel {
  /** chain-registry names */
  fromChainName: string;
  toChainName: string;
  sourcePort: string;
  sourceChannel: string;
  /** the same channel's end on the receiving chain */
  destPort: string;
  destChannel: string;
}

/**
 * The ICS-20 `transfer` channel from one bundled chain to another, from chain-registry's IBC data: the channel tagged
 * preferred first, then any other ACTIVE transfer channel. Undefined when the registry knows none (or a chain is not
 * bundled). Pure: no network.
 */
export function transferChannel(from: Pick<ChainInfo, 'id'>, to: Pick<ChainInfo, 'id'>): IbcTransferChannel | undefined {
  const source = registryEntryFor(from);
  const dest = registryEntryFor(to);
  if (source === undefined || dest === undefined) return undefined;
  const fromName = source.chain.chainName;
  const toName = dest.chain.chainName;
  const found: Array<IbcTransferChannel & { preferred: boolean }> = [];
  for (const link of source.ibcData) {
    const sides = link.chain1.chainName === fromName && link.chain2.chainName === toName ? (['chain1', 'chain2'] as const)
      : link.chain2.chainName === fromName && link.chain1.chainName === toName ? (['chain2', 'chain1'] as const) : undefined;
    if (sides === undefined) continue;
    const [ours, theirs] = sides;
    for (const channel of link.channels) {
      if (channel[ours].portId !== 'transfer' || channel[theirs].portId !== 'transfer') continue;
      const tags = channel.tags as { status?: string; preferred?: boolean } | undefined;
      if (tags?.status !== undefined && tags.status !== 'ACTIVE') continue;
      found.push({
        fromChainName: fromName,
        toChainName: toName,
        sourcePort: channel[ours].portId,
        sourceChannel: channel[ours].channelId,
        destPort: channel[theirs].portId,
        destChannel: channel[theirs].channelId,
        preferred: tags?.preferred === true,
      });
    }
  }
  const best = found.find((c) => c.preferred) ?? found[0];
  if (best === undefined) return undefined;
  const { preferred: _preferred, ...channel } = best;
  return channel;
}

/**
 * Chains whose transfer stack runs packet-forward-middleware (a `{"forward": ...}` memo makes them pass a received
 * token on over another channel). chain-registry does not record it, so this is our table, from each chain's release
 * notes: Gaia v11+, Osmosis v15+, Noble v3+, Neutron v1+, Injective v1.11+, Celestia app v2 (CIP-9).
 */
const PFM_CHAINS: ReadonlySet<string> = new Set(['cosmoshub', 'osmosis', 'noble', 'neutron', 'injective', 'celestia']);

/** True when the chain (by chain-registry name) forwards packets with a PFM memo. */
export function supportsPacketForward(chainName: string): boolean {
  return PFM_CHAINS.has(chainName);
}
