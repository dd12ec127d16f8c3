/**
 * Fee ceiling and simulation at signing (issue #12 finding 5): a route step is signed only while its gas limit × max
 * fee stays within the reviewed gas fee + 25%, and only after the call simulates without a revert on the user's RPC.
 * A lying stand-in RPC in front of the EDR devnet inflates fee history (and gas estimates); nothing is signed then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData } from 'viem';
import { createChainClients } from '../../electron/services/chains/chainClients';
import { UNISWAP_V2_ROUTER_ABI } from '../../electron/services/swap/uniswapV2/uniswapV2Abi';
import { evmCallTransport } from '../../electron/services/transfers/evmCallTransport';
import type { UnsignedCall as StepCall } from '../../electron/services/transfers/stepRunner';
import { StrataError } from '../../shared/errors';
import { listenLocal, type LocalHttpServer } from '../support/localHttpServer';
import { ETH, startEvmFixture, type EvmFixture } from '../evm/support';

let fx: EvmFixture;
let liar: LocalHttpServer;
/** how the stand-in lies: multiply fee history's base fees and rewards, and gas estimates, by these */
const lie = { fees: 1n, gas: 1n };

beforeAll(async () => {
  fx = await startEvmFixture(1);
  const upstream = fx.devnet.chains[0].rpc;
  liar = await listenLocal((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      void (async () => {
        const parsed = JSON.parse(body) as { method: string } | Array<{ method: string }>;
        const upstreamAnswer = (await (await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { result?: unknown } | Array<{ result?: unknown }>;
        const requests = Array.isArray(parsed) ? parsed : [parsed];
        const answers = Array.isArray(upstreamAnswer) ? upstreamAnswer : [upstreamAnswer];
        const times = (hex: string, by: bigint) => `0x${(BigInt(hex) * by).toString(16)}`;
        for (const [i, request] of requests.entries()) {
          const answer = answers[i] as { result?: unknown };
          if (request.method === 'eth_feeHistory' && answer.result) {
            const r = answer.result as { baseFeePerGas: string[]; reward?: string[][] };
            answer.result = { ...r, baseFeePerGas: r.baseFeePerGas.map((b) => times(b, lie.fees)), reward: r.reward?.map((row) => row.map((x) => times(x, lie.fees))) };
          }
          if ((request.method === 'eth_maxPriorityFeePerGas' || request.method === 'eth_gasPrice') && typeof answer.result === 'string') answer.result = times(answer.result, lie.fees);
          if (request.method === 'eth_getBlockByNumber' && answer.result && typeof (answer.result as { baseFeePerGas?: string }).baseFeePerGas === 'string') {
            const block = answer.result as { baseFeePerGas: string };
            answer.result = { ...block, baseFeePerGas: times(block.baseFeePerGas, lie.fees) };
          }
          if (request.method === 'eth_estimateGas' && typeof answer.result === 'string') answer.result = times(answer.result, lie.gas);
        }
        const answer = Array.isArray(upstreamAnswer) ? answers : answers[0];
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer));
      })();
    });
  });
}, 60_000);
afterAll(async () => {
  await liar?.close();
  await fx?.close();
});

function swapCall(to: string, reviewedGasFeeWei: bigint, minOut = 1n): StepCall {
  const { weth, usdc, uniswapV2Router02: router } = fx.devnet.contracts as Record<string, `0x${string}`>;
  const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
  const data = encodeFunctionData({ abi: UNISWAP_V2_ROUTER_ABI, functionName: 'swapExactETHForTokens', args: [minOut, [weth, usdc] as `0x${string}`[], to as `0x${string}`, deadline] });
  return { label: 'swap', to: router as string, data, value: ETH / 10n, reviewedGasFeeWei };
}

const codeOf = async (p: Promise<unknown>): Promise<string> => p.then(() => 'signed', (e: unknown) => (e instanceof StrataError ? `${e.code}: ${e.message}` : String(e)));

describe('fee ceiling and simulation before a route step is signed (lying stand-in RPC over the EDR devnet)', () => {
  it('signs within the reviewed fee; an inflated fee history or gas estimate is QUOTE_CHANGED; a reverting call is TX_REJECTED with its reason; no nonce taken', async () => {
    const me = fx.addresses[0] as string;
    const target = { chain: fx.chainA, endpoints: [liar.url] };
    const transport = evmCallTransport(target, fx.signer(0), createChainClients());
    const nonce = await fx.nonceOf(me);

    // What the honest node says the call costs at most, as the review priced it.
    const honest = await transport.sign(swapCall(me, 10n ** 18n));
    const { Transaction } = await import('ethers');
    const tx = Transaction.from(honest.raw);
    const reviewed = (tx.gasLimit * (tx.maxFeePerGas as bigint) * 100n) / 125n + 1n;
    const fresh = evmCallTransport(target, fx.signer(0), createChainClients());
    expect(await codeOf(fresh.sign(swapCall(me, reviewed)))).toBe('signed');

    lie.fees = 3n;
    const inflated = await codeOf(evmCallTransport(target, fx.signer(0), createChainClients()).sign(swapCall(me, reviewed)));
    expect(inflated).toMatch(/^QUOTE_CHANGED: The network fee rose above what you reviewed \(up to [0-9]+ wei against [0-9]+ wei reviewed, 25% tolerance\): nothing was signed, review the route again$/);
    lie.fees = 1n;
    lie.gas = 2n;
    expect(await codeOf(evmCallTransport(target, fx.signer(0), createChainClients()).sign(swapCall(me, reviewed)))).toMatch(/^QUOTE_CHANGED: /);
    lie.gas = 1n;

    // A minimum out no pool can give: the simulation reverts with the router's reason; given a gas limit, nothing
    // would have stopped it before.
    const impossible = { ...swapCall(me, 10n ** 18n, 10n ** 30n), gasLimit: 300_000n };
    expect(await codeOf(evmCallTransport(target, fx.signer(0), createChainClients()).sign(impossible))).toBe('TX_REJECTED: The swap would revert: UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT; nothing was signed');
    // Nothing was broadcast: the chain's nonce did not move.
    expect(await fx.nonceOf(me)).toBe(nonce);
  }, 60_000);
});
