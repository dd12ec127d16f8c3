/**
 * One nonce rule per account (issue #16): a send (the chain adapter) and a route step (evmCallTransport) from the same
 * account take their nonces from one NonceManager, so a swap step signed while a send is signed but not yet
 * broadcast takes the next nonce instead of the send's. On the EDR devnet, with a real Uniswap V2 swap.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeFunctionResult, encodeFunctionData } from 'viem';
import { createChainClients } from '../../electron/services/chains/chainClients';
import type { DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { createEvmAdapter } from '../../electron/services/evm/createEvmAdapter';
import { UNISWAP_V2_ROUTER_ABI } from '../../electron/services/swap/uniswapV2/uniswapV2Abi';
import { evmCallTransport } from '../../electron/services/transfers/evmCallTransport';
import type { SignedCall, UnsignedCall } from '../../electron/services/transfers/stepRunner';
import { ETH, receiptOf, startEvmFixture, type EvmFixture } from '../evm/support';

let fx: EvmFixture;
let snapshot: DevnetSnapshot;

beforeAll(async () => {
  fx = await startEvmFixture(1);
});
afterAll(async () => {
  await fx?.close();
});
beforeEach(async () => {
  snapshot = await fx.devnet.snapshot();
});
afterEach(async () => {
  await fx.devnet.revert(snapshot);
});

/** swapExactETHForTokens of 0.1 ETH for USDC on devnet-a's Uniswap V2 router, and the router's quote for it. */
async function swapCall(to: string): Promise<{ call: UnsignedCall; quoted: bigint }> {
  const { weth, usdc, uniswapV2Router02: router } = fx.devnet.contracts as Record<string, `0x${string}`>;
  const amountIn = ETH / 10n;
  const path = [weth as `0x${string}`, usdc as `0x${string}`];
  const raw = await fx.devnet.request<`0x${string}`>('devnet-a', 'eth_call', [{ to: router, data: encodeFunctionData({ abi: UNISWAP_V2_ROUTER_ABI, functionName: 'getAmountsOut', args: [amountIn, path] }) }, 'latest']);
  const quoted = (decodeFunctionResult({ abi: UNISWAP_V2_ROUTER_ABI, functionName: 'getAmountsOut', data: raw }) as readonly bigint[])[1] as bigint;
  const deadline = BigInt(Math.floor(Date.now() / 1000) + 3600);
  const data = encodeFunctionData({ abi: UNISWAP_V2_ROUTER_ABI, functionName: 'swapExactETHForTokens', args: [quoted, path, to as `0x${string}`, deadline] });
  return { call: { label: 'swap', to: router as string, data, value: amountIn }, quoted };
}

describe('one nonce rule for sends and route steps', () => {
  it('a send and a swap step from one account back to back: consecutive nonces, both mined', async () => {
    const me = fx.addresses[0] as string;
    const recipient = fx.devnet.accounts[10] as string;
    const clients = createChainClients();
    const adapter = createEvmAdapter({ clients });
    const transport = evmCallTransport(fx.targetA, fx.signer(0), clients);
    const { call, quoted } = await swapCall(me);
    const [nonce, usdcBefore, recipientBefore] = [await fx.nonceOf(me), await fx.tokenBalanceOf(fx.devnet.contracts.usdc as string, me), await fx.balanceOf(recipient)];

    const prepared = await adapter.prepareTransfer(fx.targetA, { from: me, publicKey: fx.signer(0).publicKey, to: recipient, asset: fx.assets.eth, amount: ETH, tier: 'normal' });
    let step: SignedCall | undefined;
    // The step is signed while the send is signed and not broadcast: the chain's pending count still says `nonce`.
    const sent = await adapter.sendTransfer(fx.targetA, prepared, fx.signer(0), {
      beforeBroadcast: async () => {
        step = await transport.sign(call);
      },
    });
    expect(sent.nonce).toBe(nonce);
    expect(step?.nonce).toBe(nonce + 1n);
    await transport.broadcast(step as SignedCall);

    const [sendReceipt, stepReceipt] = [await receiptOf(fx.devnet, sent.hash), await receiptOf(fx.devnet, (step as SignedCall).hash)];
    expect([sendReceipt.status, stepReceipt.status]).toEqual([1n, 1n]);
    expect(await fx.nonceOf(me)).toBe(nonce + 2n);
    expect(await fx.balanceOf(recipient)).toBe(recipientBefore + ETH);
    expect(await fx.tokenBalanceOf(fx.devnet.contracts.usdc as string, me)).toBe(usdcBefore + quoted);
    const status = await transport.status({ hash: (step as SignedCall).hash, from: me, nonce: (nonce + 1n).toString() });
    expect(status.kind).toBe('mined');
  });

  it('with separate nonce state (the rule this replaces) the step takes the send nonce: the collision the shared rule prevents', async () => {
    const me = fx.addresses[0] as string;
    const adapter = createEvmAdapter({ clients: createChainClients() });
    const transport = evmCallTransport(fx.targetA, fx.signer(0), createChainClients());
    const { call } = await swapCall(me);
    const nonce = await fx.nonceOf(me);
    const prepared = await adapter.prepareTransfer(fx.targetA, { from: me, publicKey: fx.signer(0).publicKey, to: fx.devnet.accounts[10] as string, asset: fx.assets.eth, amount: ETH, tier: 'normal' });
    let step: SignedCall | undefined;
    const sent = await adapter.sendTransfer(fx.targetA, prepared, fx.signer(0), { beforeBroadcast: async () => void (step = await transport.sign(call)) });
    expect([sent.nonce, step?.nonce]).toEqual([nonce, nonce]);
  });

  it('a step signed again after its signature never reached a node takes the same nonce (no gap), and is mined', async () => {
    const me = fx.addresses[0] as string;
    const clients = createChainClients();
    const transport = evmCallTransport(fx.targetA, fx.signer(0), clients);
    const { call } = await swapCall(me);
    const nonce = await fx.nonceOf(me);
    const lost = await transport.sign(call);
    const again = await transport.sign(call);
    expect([lost.nonce, again.nonce]).toEqual([nonce, nonce]);
    await transport.broadcast(again);
    expect((await receiptOf(fx.devnet, again.hash)).status).toBe(1n);
    // The next send from the account follows on at once.
    const adapter = createEvmAdapter({ clients });
    const prepared = await adapter.prepareTransfer(fx.targetA, { from: me, publicKey: fx.signer(0).publicKey, to: fx.devnet.accounts[10] as string, asset: fx.assets.eth, amount: ETH, tier: 'normal' });
    expect((await adapter.sendTransfer(fx.targetA, prepared, fx.signer(0))).nonce).toBe(nonce + 1n);
    expect(await fx.nonceOf(me)).toBe(nonce + 2n);
  });

});
