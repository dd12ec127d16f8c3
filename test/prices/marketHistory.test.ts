/** The Strategy page's market-history helpers, as pure functions: which held coins are asked for, and the CSV. */
import { describe, expect, it } from 'vitest';
import type { Holding } from '../../shared/domain/portfolio';
import type { PriceHistoryView } from '../../shared/ipc/contract';
import { parsePrices } from '../../shared/optimizer/parsePrices';
import { heldCoins, historyCsv } from '../../renderer/src/strategy/marketHistory';

function holding(chain: string, symbol: string, priceId: string | null, amount = '1000'): Holding {
  return {
    accountId: 'a1',
    address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    asset: { chain, ref: symbol === 'ETH' ? 'native' : `0x${symbol}`, symbol, name: symbol, decimals: 18, priceId },
    amount,
    usdPrice: null,
    usdValue: null,
    priceStale: false,
  };
}

describe('market history on the Strategy page', () => {
  it('asks for each held coin once by price id, named by symbol; no price id or nothing held: left out', () => {
    const coins = heldCoins([
      holding('eip155:1', 'USDC', 'usd-coin'),
      holding('eip155:1', 'ETH', 'ethereum'),
      holding('eip155:10', 'USDC', 'usd-coin'),
      holding('eip155:10', 'ETH', 'ethereum', '0'),
      holding('eip155:1', 'weth', 'weth'),
      holding('eip155:1', 'FOO', null),
      holding('eip155:1', 'DAI', 'dai', '0'),
      // two coins with one symbol keep apart by id
      holding('eip155:1', 'UNI', 'uniswap'),
      holding('eip155:56', 'UNI', 'unifi'),
    ]);
    expect(coins).toEqual([
      { id: 'ethereum', name: 'ETH' },
      { id: 'unifi', name: 'UNI (unifi)' },
      { id: 'uniswap', name: 'UNI (uniswap)' },
      { id: 'usd-coin', name: 'USDC' },
      { id: 'weth', name: 'WETH' },
    ]);
    expect(heldCoins([])).toEqual([]);
  });

  it('writes the history as a price CSV that reads back to exactly the numbers sent', () => {
    const view: PriceHistoryView = {
      dates: ['2021-06-27', '2021-06-28'],
      assets: ['ethereum', 'osmosis'],
      prices: [['1817.047665540675', null], ['1973.9268648383472', '1.5e-7']],
      sources: {},
      missing: [],
    };
    const csv = historyCsv(view, [{ id: 'ethereum', name: 'ETH' }, { id: 'osmosis', name: 'OSMO "x", y' }]);
    expect(csv).toBe('date,"ETH","OSMO ""x"", y"\n2021-06-27,1817.047665540675,\n2021-06-28,1973.9268648383472,1.5e-7');
    expect(parsePrices(csv)).toEqual({ dates: view.dates, assets: ['ETH', 'OSMO "x", y'], prices: [[1817.047665540675, null], [1973.9268648383472, 1.5e-7]] });
  });
});
