import { Transaction } from 'ethers';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAmount } from '../../shared/amounts';
import type { DigestSigner, TransferRequest } from '../../electron/services/chains/chainAdapter';
import type { DevnetSnapshot } from '../../electron/services/devnet/startDevnet';
import { buildEvmTransfer } from '../../electron/services/evm/buildEvmTransfer';
import { createEvmAdapter, type EvmChainAdapter } from '../../electron/services/evm/createEvmAdapter';
import { createEvmRpc } from '../../electron/services/evm/createEvmRpc';
import { sendEvmTransaction } from '../../electron/services/evm/sendEvmTransaction';
import { signEvmTransaction } from '../../electron/services/evm/signEvmTransaction';
import { expectStrataRejection } from '../unit/expectStrataError';
import { ETH, receiptOf, startEvmFixture, USDC_UNIT, type EvmFixture } from './support';

let fx: EvmFixture;
let snapshot: DevnetSnapshot;
let adapter: EvmChainAdapter;
let methods: string[];

beforeAll(async () => {
  fx = await startEvmFixture(6);
});
afterAll(async () => {
  await fx?.close();
});
beforeEach(async () => {
  snapshot = await fx.devnet.snapshot();
  methods = [];
  adapter = createEvmAdapter({ rpc: { onRequest: (e) => methods.push(e.method) } });
});
afterEach(async () => {
  await fx.devnet.revert(snapshot);
});

/** A devnet account outside the vault: only ever a recipient here. */
const recipient = () => fx.devnet.accounts[10] as string;

function request(from: number, overrides: Partial<TransferRequest> = {}): TransferRequest {
  return { from: fx.addresses[from] as string, publicKey: fx.signer(from).publicKey, to: recipient(), asset: fx.assets.eth, amount: ETH, tier: 'normal', ...overrides };
}

interface RpcTx {
  type: string;
  chainId: string;
  nonce: string;
  to: string;
  value: string;
  gas: string;
  maxFeePerGas: string;
  maxPriorityFeePerGas: string;
  input: string;
}

describe('EVM transfers on the devnet, signed by the vault', () => {
  it('sends ETH: the sender loses amount + gasUsed × effectiveGasPrice, the recipient gains the amount', async () => {
    const from = fx.addresses[1] as string;
    const [before, recipientBefore, nonceBefore] = [await fx.balanceOf(from), await fx.balanceOf(recipient()), await fx.nonceOf(from)];
    const amount = parseAmount('1.5', 18);
    const prepared = await adapter.prepareTransfer(fx.targetA, request(1, { amount, tier: 'fast' }));
    const unsigned = prepared.unsigned as { gasLimit: bigint; tiers: Record<string, { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }> };
    expect(unsigned.gasLimit).toBe(21_000n);
    expect(prepared.fees).toEqual({
      slow: 21_000n * (unsigned.tiers.slow?.maxFeePerGas as bigint),
      normal: 21_000n * (unsigned.tiers.normal?.maxFeePerGas as bigint),
      fast: 21_000n * (unsigned.tiers.fast?.maxFeePerGas as bigint),
    });
    expect(prepared.nonce).toBe(nonceBefore);
    expect(prepared.feeAsset).toMatchObject({ ref: 'native', symbol: 'ETH', decimals: 18 });
    expect(methods).not.toContain('eth_sendRawTransaction');

    const sent = await adapter.sendTransfer(fx.targetA, prepared, fx.signer(1));
    expect(sent.nonce).toBe(nonceBefore);
    const receipt = await receiptOf(fx.devnet, sent.hash);
    expect(receipt.status).toBe(1n);
    expect(await fx.balanceOf(from)).toBe(before - amount - receipt.gasUsed * receipt.effectiveGasPrice);
    expect(await fx.balanceOf(recipient())).toBe(recipientBefore + amount);
    expect(await fx.nonceOf(from)).toBe(nonceBefore + 1n);

    // On chain: a type-2 transaction for chain 31337 with exactly the fast tier's caps.
    const tx = await fx.devnet.request<RpcTx>('devnet-a', 'eth_getTransactionByHash', [sent.hash]);
    expect([tx.type, BigInt(tx.chainId), tx.to, BigInt(tx.value), BigInt(tx.gas), tx.input]).toEqual(['0x2', 31337n, recipient().toLowerCase(), amount, 21_000n, '0x']);
    expect(BigInt(tx.maxFeePerGas)).toBe(unsigned.tiers.fast?.maxFeePerGas);
    expect(BigInt(tx.maxPriorityFeePerGas)).toBe(unsigned.tiers.fast?.maxPriorityFeePerGas);
    // The actual fee is within the reviewed maximum.
    expect(receipt.gasUsed * receipt.effectiveGasPrice).toBeLessThanOrEqual(prepared.fees.fast);
  });

  it('sends USDC with transfer(to, amount): token balances move by the amount, ETH by the fee only', async () => {
    const from = fx.addresses[2] as string;
    const usdc = fx.devnet.contracts.usdc;
    const [eth, tokens, recipientTokens] = [await fx.balanceOf(from), await fx.tokenBalanceOf(usdc, from), await fx.tokenBalanceOf(usdc, recipient())];
    const amount = parseAmount('1234.56', 6);
    const prepared = await adapter.prepareTransfer(fx.targetA, request(2, { asset: fx.assets.usdc, amount }));
    const estimate = BigInt(
      await fx.devnet.request<string>('devnet-a', 'eth_estimateGas', [{ from, to: usdc, data: `0xa9059cbb${recipient().slice(2).toLowerCase().padStart(64, '0')}${amount.toString(16).padStart(64, '0')}` }]),
    );
    expect((prepared.unsigned as { gasLimit: bigint }).gasLimit).toBe((estimate * 120n + 99n) / 100n);
    const sent = await adapter.sendTransfer(fx.targetA, prepared, fx.signer(2));
    const receipt = await receiptOf(fx.devnet, sent.hash);
    expect(receipt.status).toBe(1n);
    expect(await fx.tokenBalanceOf(usdc, from)).toBe(tokens - amount);
    expect(await fx.tokenBalanceOf(usdc, recipient())).toBe(recipientTokens + amount);
    expect(await fx.balanceOf(from)).toBe(eth - receipt.gasUsed * receipt.effectiveGasPrice);
    const tx = await fx.devnet.request<RpcTx>('devnet-a', 'eth_getTransactionByHash', [sent.hash]);
    expect([tx.to, BigInt(tx.value)]).toEqual([usdc.toLowerCase(), 0n]);
  });

  it('sends 5 transfers back to back from one account without waiting: consecutive nonces, all mined', async () => {
    const from = fx.addresses[3] as string;
    const [start, recipientBefore] = [await fx.nonceOf(from), await fx.balanceOf(recipient())];
    const amounts = [1n, 2n, 3n, 4n, 5n].map((n) => n * 10n ** 15n);
    const prepared = await Promise.all(amounts.map((amount) => adapter.prepareTransfer(fx.targetA, request(3, { amount }))));
    const sent = await Promise.all(prepared.map((p) => adapter.sendTransfer(fx.targetA, p, fx.signer(3))));
    expect(sent.map((s) => s.nonce)).toEqual([0n, 1n, 2n, 3n, 4n].map((n) => start + n));
    expect(new Set(sent.map((s) => s.hash)).size).toBe(5);
    for (const [i, s] of sent.entries()) {
      expect((await receiptOf(fx.devnet, s.hash)).status).toBe(1n);
      const tx = await fx.devnet.request<RpcTx>('devnet-a', 'eth_getTransactionByHash', [s.hash]);
      expect([BigInt(tx.nonce), BigInt(tx.value)]).toEqual([start + BigInt(i), amounts[i]]);
    }
    expect(await fx.nonceOf(from)).toBe(start + 5n);
    expect(await fx.balanceOf(recipient())).toBe(recipientBefore + 15n * 10n ** 15n);
    // The review after them already shows the next nonce.
    expect((await adapter.prepareTransfer(fx.targetA, request(3))).nonce).toBe(start + 5n);
  });

  it('binds the chain id into the signature: a transaction signed for 31337 is refused by 31338', async () => {
    const from = fx.addresses[4] as string;
    // Same account, same nonce on both chains: only the chain id can tell the two apart.
    expect(await fx.nonceOf(from, 'devnet-a')).toBe(await fx.nonceOf(from, 'devnet-b'));
    const tx = buildEvmTransfer({
      chainId: 31337n,
      nonce: await fx.nonceOf(from),
      to: recipient(),
      asset: { kind: 'native' },
      amount: ETH,
      gasLimit: 21_000n,
      fee: { maxFeePerGas: 10n ** 10n, maxPriorityFeePerGas: 10n ** 9n },
    });
    const signed = await signEvmTransaction(tx, fx.signer(4), from);
    expect(Transaction.from(signed.serialized).chainId).toBe(31337n);
    const balanceB = await fx.balanceOf(from, 'devnet-b');
    await expectStrataRejection(sendEvmTransaction(createEvmRpc(fx.targetB).request, signed), 'TX_REJECTED', /refused the transaction: .*invalid chainId. The expected chainId is 31338/);
    expect(await fx.nonceOf(from, 'devnet-b')).toBe(0n);
    expect(await fx.balanceOf(from, 'devnet-b')).toBe(balanceB);
    // The very same bytes are valid where they were meant to go.
    expect(await sendEvmTransaction(createEvmRpc(fx.targetA).request, signed)).toBe(signed.hash);
    expect((await receiptOf(fx.devnet, signed.hash as string)).status).toBe(1n);

    // The adapter refuses to send a transfer prepared for one chain to another.
    const prepared = await adapter.prepareTransfer(fx.targetA, request(4));
    await expectStrataRejection(adapter.sendTransfer(fx.targetB, prepared, fx.signer(4)), 'CHAIN_ID_MISMATCH');
  });

  it('maxSendable leaves the fee aside for ETH (and that amount sends), the whole balance for a token', async () => {
    const from = fx.addresses[5] as string;
    await fx.devnet.setBalance(from, 3n * ETH, 'devnet-a');
    const fees = await adapter.estimateFees(fx.targetA);
    const max = await adapter.maxSendable(fx.targetA, { from, publicKey: null, asset: fx.assets.eth, tier: 'normal' });
    expect(max).toBe(3n * ETH - 21_000n * fees.tiers.normal.maxFeePerGas);
    await expectStrataRejection(adapter.prepareTransfer(fx.targetA, request(5, { amount: max + 1n })), 'INSUFFICIENT_FUNDS');
    const prepared = await adapter.prepareTransfer(fx.targetA, request(5, { amount: max }));
    const receipt = await receiptOf(fx.devnet, (await adapter.sendTransfer(fx.targetA, prepared, fx.signer(5))).hash);
    expect(await fx.balanceOf(from)).toBe(21_000n * fees.tiers.normal.maxFeePerGas - receipt.gasUsed * receipt.effectiveGasPrice);
    // Nothing left for a fee: zero, not negative.
    await fx.devnet.setBalance(from, 1000n, 'devnet-a');
    expect(await adapter.maxSendable(fx.targetA, { from, publicKey: null, asset: fx.assets.eth, tier: 'fast' })).toBe(0n);
    expect(await adapter.maxSendable(fx.targetA, { from: fx.addresses[0] as string, publicKey: null, asset: fx.assets.usdc, tier: 'fast' })).toBe(1_000_000n * USDC_UNIT);
  });
});

describe('bad input: a StrataError code, and nothing signed or sent', () => {
  /** Runs `attempt`, expects the code, and checks the sender's nonce on chain did not move and nothing was broadcast. */
  async function refused(attempt: () => Promise<unknown>, code: Parameters<typeof expectStrataRejection>[1], message?: RegExp, sender = fx.addresses[1] as string) {
    const nonce = await fx.nonceOf(sender);
    await expectStrataRejection(attempt(), code, message);
    expect(await fx.nonceOf(sender)).toBe(nonce);
    expect(methods).not.toContain('eth_sendRawTransaction');
  }
  const prepareAndSend = async (req: TransferRequest, signer: DigestSigner = fx.signer(1)) => adapter.sendTransfer(fx.targetA, await adapter.prepareTransfer(fx.targetA, req), signer);

  it('addresses: a wrong EIP-55 checksum or a malformed address is INVALID_ADDRESS; all-lowercase is accepted', async () => {
    const wrongCase = recipient().replace(/[a-f]/, (c) => c.toUpperCase());
    expect(wrongCase).not.toBe(recipient());
    await refused(() => prepareAndSend(request(1, { to: wrongCase })), 'INVALID_ADDRESS', /checksum/);
    await refused(() => prepareAndSend(request(1, { to: '0x12345' })), 'INVALID_ADDRESS');
    await refused(() => prepareAndSend(request(1, { to: `${recipient()}00` })), 'INVALID_ADDRESS');
    await refused(() => prepareAndSend(request(1, { to: 'cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu' })), 'INVALID_ADDRESS');
    await refused(() => prepareAndSend(request(1, { from: (fx.addresses[1] as string).replace('0x70997970C', '0x70997970c') })), 'INVALID_ADDRESS');
    const lower = await adapter.prepareTransfer(fx.targetA, request(1, { to: recipient().toLowerCase() }));
    expect(lower.to).toBe(recipient());
  });

  it('amounts: zero, negative and too many decimals are INVALID_AMOUNT', async () => {
    await refused(() => prepareAndSend(request(1, { amount: 0n })), 'INVALID_AMOUNT');
    await refused(() => prepareAndSend(request(1, { amount: -1n })), 'INVALID_AMOUNT');
    await refused(() => prepareAndSend(request(1, { amount: 2n ** 256n })), 'INVALID_AMOUNT');
    await refused(async () => prepareAndSend(request(1, { asset: fx.assets.usdc, amount: parseAmount('1.0000001', 6) })), 'INVALID_AMOUNT', /decimals/);
    await refused(async () => prepareAndSend(request(1, { amount: parseAmount('-1', 18) })), 'INVALID_AMOUNT');
  });

  it('funds: the whole balance cannot be sent because of the fee; a token needs ETH for its fee', async () => {
    const from = fx.addresses[1] as string;
    const balance = await fx.balanceOf(from);
    await refused(() => prepareAndSend(request(1, { amount: balance })), 'INSUFFICIENT_FUNDS', /with a network fee of up to 0\.0000\d+ ETH needs 10000\.0000\d+ ETH; this account has 10000 ETH/);
    await refused(() => prepareAndSend(request(1, { amount: balance + 1n, tier: 'slow' })), 'INSUFFICIENT_FUNDS');
    await refused(() => prepareAndSend(request(1, { asset: fx.assets.usdc, amount: 1_000_000n * USDC_UNIT + 1n })), 'INSUFFICIENT_FUNDS', /Sending 1000000\.000001 USDC needs more than this account has \(1000000 USDC\)/);
    await fx.devnet.setBalance(from, 1000n, 'devnet-a');
    await refused(() => prepareAndSend(request(1, { asset: fx.assets.usdc, amount: USDC_UNIT })), 'INSUFFICIENT_FUNDS', /network fee of up to .* is more than this account's 0\.000000000000001 ETH/);
  });

  it('assets: another chain\'s asset or a ref that is not an address is UNKNOWN_ASSET', async () => {
    await refused(() => prepareAndSend(request(1, { asset: fx.assets.usdcB })), 'UNKNOWN_ASSET');
    await refused(() => prepareAndSend(request(1, { asset: { ...fx.assets.usdc, ref: 'uusdc' } })), 'UNKNOWN_ASSET');
    await refused(() => prepareAndSend(request(1, { asset: { ...fx.assets.usdc, ref: fx.addresses[5] as string } })), 'UNKNOWN_ASSET', /no ERC-20 at this address/);
  });

  it('RPC down: RPC_UNAVAILABLE, with the host only in the message', async () => {
    const proxy = await fx.devnet.rpcProxy('devnet-a', { down: true });
    const target = { chain: fx.chainA, endpoints: [`${proxy.url}/v3/secret-api-key`] };
    const error = await adapter.prepareTransfer(target, request(1)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RPC_UNAVAILABLE' });
    expect(String((error as Error).message)).toContain(new URL(proxy.url).host);
    expect(JSON.stringify(error) + String((error as Error).message) + String((error as { details?: string }).details)).not.toContain('secret-api-key');
    // A prepared transfer whose broadcast cannot reach any node: nothing reaches the chain.
    const prepared = await adapter.prepareTransfer(fx.targetA, request(1));
    const nonce = await fx.nonceOf(fx.addresses[1] as string);
    await expectStrataRejection(adapter.sendTransfer(target, prepared, fx.signer(1)), 'RPC_UNAVAILABLE');
    expect(proxy.forwarded).toBe(0);
    expect(await fx.nonceOf(fx.addresses[1] as string)).toBe(nonce);
    // The fate of such a broadcast is unknown to the wallet, so the next send trusts the chain's count again.
    expect((await adapter.sendTransfer(fx.targetA, prepared, fx.signer(1))).nonce).toBe(nonce);
  });

  it('signers: another account\'s signer is refused; a signer with the wrong key is caught by sender recovery', async () => {
    const prepared = await adapter.prepareTransfer(fx.targetA, request(1));
    await refused(() => adapter.sendTransfer(fx.targetA, prepared, fx.signer(2)), 'INVALID_INPUT', /not the sending account/);
    const real = fx.signer(2);
    const impostor: DigestSigner = { address: fx.addresses[1] as string, publicKey: fx.signer(1).publicKey, signDigest: (d) => real.signDigest(d) };
    await refused(() => adapter.sendTransfer(fx.targetA, prepared, impostor), 'INTERNAL', /does not come from the sending account/);
    // The nonces reserved for those attempts were given back: the real send takes the chain's next nonce.
    const sent = await adapter.sendTransfer(fx.targetA, prepared, fx.signer(1));
    expect(sent.nonce).toBe(prepared.nonce);
  });
});
