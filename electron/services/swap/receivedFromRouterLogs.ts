import { decodeEventLog, encodeEventTopics, erc20Abi, parseAbi, type Hex } from 'viem';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { ReceiptLog } from '../routing/routingTypes';

const WETH_EVENTS = parseAbi(['event Withdrawal(address indexed src, uint256 wad)']);
const [TRANSFER_TOPIC] = encodeEventTopics({ abi: erc20Abi, eventName: 'Transfer' }) as [Hex];
const [WITHDRAWAL_TOPIC] = encodeEventTopics({ abi: WETH_EVENTS, eventName: 'Withdrawal' }) as [Hex];

/**
 * What a Uniswap router swap (V2 router, or V3's SwapRouter02) paid `recipient` in `tokenOut`, base units, from the
 * swap's receipt logs: the token's own Transfer to the recipient, or, for native coin (the router unwraps its WETH),
 * the wrapped-native contract's Withdrawal. Null when the logs hold no such payment.
 */
export function receivedFromRouterLogs(logs: readonly ReceiptLog[], swap: { tokenOut: AssetInfo; recipient: string }, wrappedNative: string): bigint | null {
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  if (swap.tokenOut.ref === 'native') {
    for (const log of logs) {
      if (!same(log.address, wrappedNative) || log.topics[0] !== WITHDRAWAL_TOPIC) continue;
      return decodeEventLog({ abi: WETH_EVENTS, eventName: 'Withdrawal', data: log.data as Hex, topics: log.topics as [Hex, ...Hex[]] }).args.wad;
    }
    return null;
  }
  for (const log of logs) {
    if (!same(log.address, swap.tokenOut.ref) || log.topics[0] !== TRANSFER_TOPIC) continue;
    const { args } = decodeEventLog({ abi: erc20Abi, eventName: 'Transfer', data: log.data as Hex, topics: log.topics as [Hex, ...Hex[]] });
    if (same(args.to, swap.recipient)) return args.value;
  }
  return null;
}
