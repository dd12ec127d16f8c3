/**
 * Each venue and bridge reads its own receipt: what a swap paid out and what a bridge send will deliver, from logs
 * encoded with the events' real ABIs (ERC-20 Transfer, WETH9 Withdrawal, LayerZero OFTSent). The executor no longer
 * decodes any protocol's logs.
 */
import { encodeAbiParameters, encodeEventTopics, erc20Abi, parseAbi, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { createLayerZeroOftBridge } from '../../electron/services/bridges/layerzeroOft/layerZeroOftBridge';
import { OFT_ABI } from '../../electron/services/bridges/layerzeroOft/oftAbi';
import { createUniswapV2SwapVenue } from '../../electron/services/swap/uniswapV2Venue';
import { asset } from '../transfers/testSteps';

const A = 'eip155:31337';
const B = 'eip155:31338';
const ME = '0x00000000000000000000000000000000000000a1';
const OTHER = '0x00000000000000000000000000000000000000b2';
const ROUTER = '0x00000000000000000000000000000000000000c3';
const WETH = '0x00000000000000000000000000000000000000d4';
const USDC = asset(A, '0x00000000000000000000000000000000000000e5', 'USDC', 6);
const ETH = asset(A, 'native', 'ETH', 18);
const OFT_A = '0x00000000000000000000000000000000000000f6';
const OFT_B = '0x00000000000000000000000000000000000000f7';

const transferLog = (token: string, from: string, to: string, value: bigint) => ({
  address: token,
  topics: encodeEventTopics({ abi: erc20Abi, eventName: 'Transfer', args: { from: from as Hex, to: to as Hex } }) as string[],
  data: encodeAbiParameters([{ type: 'uint256' }], [value]),
});
const WETH_EVENTS = parseAbi(['event Withdrawal(address indexed src, uint256 wad)']);
const withdrawalLog = (weth: string, src: string, wad: bigint) => ({
  address: weth,
  topics: encodeEventTopics({ abi: WETH_EVENTS, eventName: 'Withdrawal', args: { src: src as Hex } }) as string[],
  data: encodeAbiParameters([{ type: 'uint256' }], [wad]),
});
const oftSentLog = (oft: string, from: string, sent: bigint, received: bigint) => ({
  address: oft,
  topics: encodeEventTopics({ abi: OFT_ABI, eventName: 'OFTSent', args: { guid: `0x${'ab'.repeat(32)}`, fromAddress: from as Hex } }) as string[],
  data: encodeAbiParameters([{ type: 'uint32' }, { type: 'uint256' }, { type: 'uint256' }], [50338, sent, received]),
});

describe('Uniswap V2 reads what a swap paid out', () => {
  const venue = createUniswapV2SwapVenue([{ chain: A, deployment: { router: ROUTER, factory: ROUTER, weth: WETH }, assets: [ETH, USDC], pools: [['native', USDC.ref]] }], { rpc: () => { throw new Error('no rpc'); } });

  it('a token: its Transfer to the recipient (not one to another address, not another token)', () => {
    const logs = [transferLog(USDC.ref, ROUTER, OTHER, 5n), transferLog(WETH, ROUTER, ME, 7n), transferLog(USDC.ref, ROUTER, ME, 1_234_567n)];
    expect(venue.receivedAmount(logs, { chain: A, tokenOut: USDC, recipient: ME })).toBe(1_234_567n);
    expect(venue.receivedAmount(logs.slice(0, 2), { chain: A, tokenOut: USDC, recipient: ME })).toBeNull();
  });

  it("native coin: the Withdrawal of this chain's WETH (the router unwraps), none from another contract", () => {
    const logs = [withdrawalLog(OTHER, ROUTER, 9n), transferLog(USDC.ref, ME, ROUTER, 100n), withdrawalLog(WETH, ROUTER, 3n * 10n ** 16n)];
    expect(venue.receivedAmount(logs, { chain: A, tokenOut: ETH, recipient: ME })).toBe(3n * 10n ** 16n);
    expect(venue.receivedAmount(logs.slice(0, 2), { chain: A, tokenOut: ETH, recipient: ME })).toBeNull();
  });
});

describe('LayerZero reads what a send will deliver', () => {
  const sbt = (chain: string, oft: string) => asset(chain, oft, 'SBT', 18);
  const deployment = (chain: string, eid: number, oft: string) => ({ chain, eid, chainName: chain, oft: oft as Hex, endpoint: oft as Hex, asset: sbt(chain, oft), nativeAsset: asset(chain, 'native', 'ETH', 18), approvalRequired: false });
  const bridge = createLayerZeroOftBridge({ registry: { tokens: [{ symbol: 'SBT', deployments: [deployment(A, 50337, OFT_A), deployment(B, 50338, OFT_B)], extraOptions: '0x' }] }, etaSeconds: 5 });

  it("OFTSent's amountReceivedLD (dust removed) of the sender's send, from a registry OFT on the send's chain", async () => {
    const logs = [oftSentLog(OFT_A, OTHER, 10n, 9n), oftSentLog(OTHER, ME, 10n, 8n), oftSentLog(OFT_A, ME, 1_000_000_000_123n, 1_000_000_000_000n)];
    expect(await bridge.deliveredAmount(logs, ME, A)).toBe(1_000_000_000_000n);
    // The same log on a chain where that address is not our OFT, and logs without our send: nothing.
    expect(await bridge.deliveredAmount(logs, ME, B)).toBeNull();
    expect(await bridge.deliveredAmount(logs.slice(0, 2), ME, A)).toBeNull();
  });
});
