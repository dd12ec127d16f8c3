import type { ChainInfo } from '../../../shared/domain/chain';
import type { Clock } from '../app/ports';
import type { ChainDirectory } from '../chains/chainDirectory';
import { listAssets } from '../assets/listAssets';
import { resolveAsset } from '../assets/resolveAsset';
import { PriceService } from '../prices/priceService';
import type { RateLimitBackoff } from '../prices/rateLimitBackoff';
import type { AssetCatalogue, PriceSource } from './wallet';

/** The asset catalogue, with a configured devnet's own contract addresses. */
export function createAssetCatalogue(chains: ChainDirectory): AssetCatalogue {
  const options = () => ({ devnetContracts: chains.devnetContracts() });
  return {
    list: (chain: ChainInfo) => listAssets(chain, options()),
    resolve: (chain: ChainInfo, ref: string) => resolveAsset(chain, ref, options()),
  };
}

/** USD prices from CoinGecko (or a compatible `baseUrl`), cached in the data dir; the service opens on first use. */
export function createPriceSource(options: { dataDir: string; baseUrl?: string; clock: Clock; backoff?: RateLimitBackoff }): PriceSource {
  let opening: Promise<PriceService> | undefined;
  return {
    async getPrices(ids) {
      opening ??= PriceService.open(options.dataDir, { baseUrl: options.baseUrl, now: () => options.clock.now(), backoff: options.backoff });
      const prices = await (await opening).getPrices(ids);
      return Object.fromEntries(Object.entries(prices).map(([id, p]) => [id, { usd: p.usd, stale: p.stale, fetchedAt: p.fetchedAt }]));
    },
  };
}
