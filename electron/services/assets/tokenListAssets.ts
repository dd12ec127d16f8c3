import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import { toChecksumAddress } from '../../../shared/addresses/evmAddress';
import { TRACKED_TOKEN_CONTRACTS } from './trackedTokenContracts';

/** The ERC-20s Strata tracks on public EVM chains, by symbol: the name shown and the CoinGecko id each is priced as. */
export const TRACKED_TOKENS: Readonly<Record<string, { name: string; priceId: string }>> = {
  USDC: { name: 'USD Coin', priceId: 'usd-coin' },
  axlUSDC: { name: 'Axelar Wrapped USDC', priceId: 'axlusdc' },
  USDT: { name: 'Tether USD', priceId: 'tether' },
  DAI: { name: 'Dai Stablecoin', priceId: 'dai' },
  WETH: { name: 'Wrapped Ether', priceId: 'weth' },
  WBTC: { name: 'Wrapped BTC', priceId: 'wrapped-bitcoin' },
  LINK: { name: 'Chainlink', priceId: 'chainlink' },
  UNI: { name: 'Uniswap', priceId: 'uniswap' },
};

/**
 * The tracked ERC-20s of an EVM chain, in TRACKED_TOKENS order; none for Cosmos chains and chains without contracts
 * in our list. On a testnet (the list covers Sepolia) they are listed without a price: test tokens are worth nothing.
 */
export function tokenListAssets(chain: Pick<ChainInfo, 'id' | 'family' | 'testnet'>): AssetInfo[] {
  if (chain.family !== 'evm') return [];
  const chainId = Number(chain.id.slice('eip155:'.length));
  const order = Object.keys(TRACKED_TOKENS);
  return TRACKED_TOKEN_CONTRACTS.filter(([id, symbol]) => id === chainId && Object.hasOwn(TRACKED_TOKENS, symbol))
    .sort((a, b) => order.indexOf(a[1]) - order.indexOf(b[1]))
    .map(([, symbol, address, decimals]) => {
      const tracked = TRACKED_TOKENS[symbol];
      return {
        chain: chain.id,
        ref: toChecksumAddress(address),
        symbol,
        name: tracked?.name ?? symbol,
        decimals,
        priceId: chain.testnet ? null : (tracked?.priceId ?? null),
      };
    });
}
