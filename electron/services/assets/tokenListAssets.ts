import uniswapDefaultList from '@uniswap/default-token-list';
import { z } from 'zod';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import { toChecksumAddress } from '../../../shared/addresses/evmAddress';

/**
 * The ERC-20s Strata tracks on public EVM chains, by symbol, with the CoinGecko id each is priced as. Addresses,
 * names and decimals come from the Uniswap default token list (a maintained npm package), never from here; a symbol
 * is tracked on every chain where the list has it. Bridged variants (`USDC.e`) are left out on purpose.
 */
export const TRACKED_TOKENS: Readonly<Record<string, string>> = {
  USDC: 'usd-coin',
  USDT: 'tether',
  DAI: 'dai',
  WETH: 'weth',
  WBTC: 'wrapped-bitcoin',
  LINK: 'chainlink',
  UNI: 'uniswap',
};

const ListedToken = z.object({
  chainId: z.number().int().positive(),
  address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  symbol: z.string().min(1).max(32),
  name: z.string().min(1).max(120),
  decimals: z.number().int().min(0).max(36),
});
type ListedToken = z.infer<typeof ListedToken>;

let byChainId: Map<number, ListedToken[]> | undefined;

/** The tracked tokens of the list, by chain id; each entry validated (a malformed one is skipped, not trusted). */
function trackedByChainId(): Map<number, ListedToken[]> {
  if (byChainId) return byChainId;
  const map = new Map<number, ListedToken[]>();
  const tokens: unknown = (uniswapDefaultList as { tokens?: unknown }).tokens;
  for (const raw of Array.isArray(tokens) ? tokens : []) {
    const parsed = ListedToken.safeParse(raw);
    if (!parsed.success || !Object.hasOwn(TRACKED_TOKENS, parsed.data.symbol)) continue;
    const list = map.get(parsed.data.chainId) ?? [];
    // The list has one entry per symbol per chain for these; should it ever have two, the first wins.
    if (!list.some((t) => t.symbol === parsed.data.symbol)) list.push(parsed.data);
    map.set(parsed.data.chainId, list);
  }
  byChainId = map;
  return map;
}

/**
 * The tracked ERC-20s of an EVM chain, in TRACKED_TOKENS order; none for Cosmos chains and chains the list lacks.
 * On a testnet (the list covers Sepolia) they are listed without a price: test tokens are worth nothing.
 */
export function tokenListAssets(chain: Pick<ChainInfo, 'id' | 'family' | 'testnet'>): AssetInfo[] {
  if (chain.family !== 'evm') return [];
  const chainId = Number(chain.id.slice('eip155:'.length));
  const listed = trackedByChainId().get(chainId) ?? [];
  const order = Object.keys(TRACKED_TOKENS);
  return [...listed]
    .sort((a, b) => order.indexOf(a.symbol) - order.indexOf(b.symbol))
    .map((token) => ({
      chain: chain.id,
      ref: toChecksumAddress(token.address),
      symbol: token.symbol,
      name: token.name,
      decimals: token.decimals,
      priceId: chain.testnet ? null : (TRACKED_TOKENS[token.symbol] ?? null),
    }));
}
