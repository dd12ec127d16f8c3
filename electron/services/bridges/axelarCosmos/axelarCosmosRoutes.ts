import type { IBCData } from '@chain-registry/types';
import * as axelar from 'chain-registry/mainnet/axelar';
import type { AssetInfo } from '../../../../shared/domain/asset';
import type { CaipChainId } from '../../../../shared/domain/chain';
import { StrataError } from '../../../../shared/errors';
import { ibcDenom } from '../../cosmos/ibc/ibcDenom';
import { denomKey } from '../../cosmos/registry/assetIndex';
import { registryEntryByName } from '../../cosmos/registry/registryEntry';

/** Axelar's base denom of USDC: what Axelar holds between the legs and what arrives on Cosmos chains over IBC. */
export const AXELAR_USDC_DENOM = 'uusdc';

/** How axlUSDC reaches one Cosmos chain from Axelar, all of it from chain-registry. */
export interface AxelarCosmosRoute {
  chain: CaipChainId;
  /** chain-registry's name, which is also Axelar's name of the chain (`osmosis`, `cosmoshub`). */
  axelarName: string;
  bech32Prefix: string;
  /** The ICS-20 channel on this chain that leads to Axelar (the MsgTransfer's source channel for Cosmos -> EVM). */
  channelToAxelar: string;
  /** The same channel's end on Axelar (Axelar sends EVM -> Cosmos transfers over it). */
  axelarChannel: string;
  /** axlUSDC on this chain: `ibc/` + sha256(`transfer/<channelToAxelar>/uusdc`). */
  asset: AssetInfo;
}

/**
 * The route of axlUSDC between Axelar and a bundled Cosmos chain (by chain-registry name): the preferred ACTIVE
 * `transfer` channel in Axelar's IBC data, and the `ibc/` denom it gives. Symbol and CoinGecko id come from the
 * chain's asset list when it lists the denom (checked: a listing whose denom differs is ignored).
 * @throws StrataError UNKNOWN_CHAIN when the chain is not bundled or has no Axelar transfer channel
 */
export function axelarCosmosRoute(chainName: string): AxelarCosmosRoute {
  const entry = registryEntryByName(chainName);
  const channel = transferChannelWithAxelar(axelar.ibcData, chainName);
  if (entry === undefined || channel === undefined || !entry.chain.bech32Prefix) {
    throw new StrataError('UNKNOWN_CHAIN', `chain-registry has no Axelar transfer channel for ${chainName}`);
  }
  const denom = ibcDenom(`transfer/${channel.theirs}`, AXELAR_USDC_DENOM);
  const listed = entry.assetList.assets.find((a) => denomKey(a.base) === denom);
  const chain: CaipChainId = `cosmos:${entry.chain.chainId}`;
  return {
    chain,
    axelarName: chainName,
    bech32Prefix: entry.chain.bech32Prefix,
    channelToAxelar: channel.theirs,
    axelarChannel: channel.axelar,
    asset: {
      chain,
      ref: denom,
      // Named axlUSDC whatever the listing says ("USDC" on Osmosis): it must not be mistaken for Noble's USDC.
      symbol: 'axlUSDC',
      name: 'USD Coin (Axelar)',
      decimals: 6,
      priceId: listed?.coingeckoId ?? 'axlusdc',
    },
  };
}

/** The preferred ACTIVE transfer channel between Axelar and `chainName`: Axelar's end and the other chain's end. */
function transferChannelWithAxelar(links: readonly IBCData[], chainName: string): { axelar: string; theirs: string } | undefined {
  const found: Array<{ axelar: string; theirs: string; preferred: boolean }> = [];
  for (const link of links) {
    const sides = link.chain1.chainName === 'axelar' && link.chain2.chainName === chainName ? (['chain1', 'chain2'] as const)
      : link.chain2.chainName === 'axelar' && link.chain1.chainName === chainName ? (['chain2', 'chain1'] as const) : undefined;
    if (sides === undefined) continue;
    const [ours, theirs] = sides;
    for (const channel of link.channels) {
      const tags = channel.tags as { status?: string; preferred?: boolean } | undefined;
      if (channel[ours].portId !== 'transfer' || channel[theirs].portId !== 'transfer' || (tags?.status !== undefined && tags.status !== 'ACTIVE')) continue;
      found.push({ axelar: channel[ours].channelId, theirs: channel[theirs].channelId, preferred: tags?.preferred === true });
    }
  }
  const best = found.find((c) => c.preferred) ?? found[0];
  return best === undefined ? undefined : { axelar: best.axelar, theirs: best.theirs };
}
