import { AbiCoder, Contract, Interface, JsonRpcProvider, Network, Wallet, getCreateAddress, id, keccak256, type TransactionReceipt } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axelarArtifact } from '../../electron/services/devnet/axelar/axelarArtifacts';
import { startAxelarRelayer } from '../../electron/services/devnet/axelar/axelarRelayer';
import {
  AXELAR_AUTH_ADDRESS,
  AXELAR_DEPLOYER_ADDRESS,
  AXELAR_GATEWAY_USDC_LIQUIDITY,
  AXELAR_OPERATOR_ADDRESS,
  AXELAR_OPERATOR_PRIVATE_KEY,
  AXELAR_TRANSFER_FEES,
  AXELAR_USDC_TRANSFER_FEE,
} from '../../electron/services/devnet/axelar/axelarSpec';
import { mintTokenParams, signedExecuteInput } from '../../electron/services/devnet/axelar/gatewayCommands';
import { AXELAR_REGISTER_USDC_COMMAND_ID } from '../../electron/services/devnet/deploy/steps/axelarUsdc';
import type { DevnetAlias } from '../../electron/services/devnet/devnetSpec';
import { axelarRelayerOf } from '../../electron/services/devnet/layerzero/devnetRelayer';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { deriveDevnetTestKeys } from '../../electron/services/devnet/testAccounts';
import type { AxelarRelayer } from '../../electron/services/devnet/axelar/axelarRelayer';
import { expectStrataRejection } from '../unit/expectStrataError';

const USDC = 10n ** 6n;
const ERC20 = ['function balanceOf(address) view returns (uint256)', 'function approve(address, uint256) returns (bool)'];
const started = performance.now();

let devnet: Devnet;
let axelar: AxelarRelayer;
let providers: Record<DevnetAlias, JsonRpcProvider>;
let gatewayAbi: Interface;
let authAbi: Interface;

const other = (alias: DevnetAlias): DevnetAlias => (alias === 'devnet-a' ? 'devnet-b' : 'devnet-a');
const wallet = (index: number, alias: DevnetAlias) => new Wallet((deriveDevnetTestKeys().accounts[index] as { privateKey: string }).privateKey, providers[alias]);
const gateway = (alias: DevnetAlias) => new Contract(devnet.contracts.axelarGateway as string, gatewayAbi, providers[alias]);

async function usdcOf(alias: DevnetAlias, address: string): Promise<bigint> {
  return (await new Contract(devnet.contracts.usdc as string, ERC20, providers[alias]).getFunction('balanceOf')(address)) as bigint;
}

/** approve + sendToken of `amount` USDC from account `from` on `src` to account `to` on the other chain; returns the command id axelar-local-dev would derive. */
async function sendUsdc(src: DevnetAlias, from: number, to: number, amount: bigint): Promise<{ receipt: TransactionReceipt; commandId: `0x${string}` }> {
  const signer = wallet(from, src);
  const gatewayAddress = devnet.contracts.axelarGateway as string;
  await (await new Contract(devnet.contracts.usdc as string, ERC20, signer).getFunction('approve')(gatewayAddress, amount)).wait();
  const tx = await new Contract(gatewayAddress, gatewayAbi, signer).getFunction('sendToken')(other(src), devnet.accounts[to], 'USDC', amount);
  const receipt = (await tx.wait()) as TransactionReceipt;
  const log = receipt.logs.find((l) => gatewayAbi.parseLog(l)?.name === 'TokenSent');
  if (!log) throw new Error('no TokenSent');
  // axelar-local-dev's getEVMLogID: id("<chain>:<tx hash>:<log index>").
  return { receipt, commandId: id(`${src}:${receipt.hash}:${log.index}`) as `0x${string}` };
}

async function executedLogs(alias: DevnetAlias, commandId: string) {
  return providers[alias].getLogs({ address: devnet.contracts.axelarGateway, topics: [gatewayAbi.getEvent('Executed')?.topicHash as string, commandId], fromBlock: 0 });
}

beforeAll(async () => {
  devnet = await startDevnet();
  axelar = axelarRelayerOf(devnet.relayer);
  providers = {
    'devnet-a': new JsonRpcProvider(devnet.chains[0].rpc, Network.from(31337), { staticNetwork: true, cacheTimeout: -1 }),
    'devnet-b': new JsonRpcProvider(devnet.chains[1].rpc, Network.from(31338), { staticNetwork: true, cacheTimeout: -1 }),
  };
  gatewayAbi = new Interface(axelarArtifact('AxelarGateway').abi as never);
  authAbi = new Interface(axelarArtifact('AxelarAuthWeighted').abi as never);
  const steps = devnet.timings.steps.filter((s) => s.name.startsWith('axelar'));
  console.log(`devnet started in ${devnet.timings.totalMs.toFixed(0)} ms; Axelar steps: ${steps.map((s) => `${s.name} ${s.ms.toFixed(0)} ms`).join(', ')}`);
}, 60_000);

afterAll(async () => {
  for (const p of Object.values(providers ?? {})) p.destroy();
  await devnet?.stop();
  console.log(`Axelar devnet tests took ${(performance.now() - started).toFixed(0)} ms in all`);
});

describe('Axelar gateway deployment', () => {
  it('deploys AxelarAuthWeighted, TokenDeployer, AxelarGateway and its proxy on both chains, wired as axelar-local-dev wires them', async () => {
    expect(AXELAR_AUTH_ADDRESS).toBe(getCreateAddress({ from: AXELAR_DEPLOYER_ADDRESS, nonce: 0 }));
    expect(devnet.contracts.axelarAuthWeighted).toBe(AXELAR_AUTH_ADDRESS);
    const operators = AbiCoder.defaultAbiCoder().encode(['address[]', 'uint256[]', 'uint256'], [[AXELAR_OPERATOR_ADDRESS], [1], 1]);
    for (const alias of ['devnet-a', 'devnet-b'] as const) {
      const g = gateway(alias);
      const auth = new Contract(AXELAR_AUTH_ADDRESS, authAbi, providers[alias]);
      const implementation = (await g.getFunction('implementation')()) as string;
      expect(implementation).not.toBe(devnet.contracts.axelarGateway);
      expect(await providers[alias].getCode(implementation)).not.toBe('0x');
      expect(await g.getFunction('contractId')()).toBe(id('axelar-gateway'));
      expect(await g.getFunction('authModule')()).toBe(AXELAR_AUTH_ADDRESS);
      expect(await g.getFunction('governance')()).toBe(devnet.deployer);
      expect(await g.getFunction('mintLimiter')()).toBe(devnet.deployer);
      // The gateway owns its auth module (so a transferOperatorship command could rotate the operators).
      expect(await auth.getFunction('owner')()).toBe(devnet.contracts.axelarGateway);
      expect(await auth.getFunction('currentEpoch')()).toBe(1n);
      expect(await auth.getFunction('hashForEpoch')(1)).toBe(keccak256(operators));
      // USDC: registered by a signed deployToken command as EXTERNAL (lock/unlock), with 500,000 USDC to unlock.
      expect(await g.getFunction('tokenAddresses')('USDC')).toBe(devnet.contracts.usdc);
      expect(await g.getFunction('isCommandExecuted')(AXELAR_REGISTER_USDC_COMMAND_ID)).toBe(true);
      expect(await usdcOf(alias, devnet.contracts.axelarGateway as string)).toBe(AXELAR_GATEWAY_USDC_LIQUIDITY);
      expect(AXELAR_GATEWAY_USDC_LIQUIDITY).toBe(500_000n * USDC);
    }
    expect(AXELAR_USDC_TRANSFER_FEE).toBe(1n * USDC);
    expect(AXELAR_TRANSFER_FEES).toEqual({ USDC: AXELAR_USDC_TRANSFER_FEE });
  });

  it('executes only batches the operator signed for this chain', async () => {
    const recipient = devnet.accounts[9] as string;
    const before = await usdcOf('devnet-b', recipient);
    const command = { commandId: id('strata.test.forged') as `0x${string}`, command: 'mintToken' as const, params: mintTokenParams('USDC', recipient as `0x${string}`, 5n * USDC) };
    const forger = wallet(9, 'devnet-b');
    const stranger = (deriveDevnetTestKeys().accounts[9] as { privateKey: `0x${string}` }).privateKey;
    const inputs = [
      // Signed by a key that is not the operator: AxelarAuthWeighted finds no operator set for it.
      await signedExecuteInput(31338, [command], stranger),
      // Signed by the operator, for devnet-a: the gateway checks block.chainid.
      await signedExecuteInput(31337, [command], AXELAR_OPERATOR_PRIVATE_KEY),
    ];
    for (const input of inputs) {
      const tx = await forger.sendTransaction({ to: devnet.contracts.axelarGateway, data: gatewayAbi.encodeFunctionData('execute', [input]), gasLimit: 1_000_000n });
      await expect(tx.wait()).rejects.toThrow(/revert/);
    }
    expect(await gateway('devnet-b').getFunction('isCommandExecuted')(command.commandId)).toBe(false);
    expect(await usdcOf('devnet-b', recipient)).toBe(before);
  });
});

describe('Axelar relayer', () => {
  it('carries USDC devnet-a -> devnet-b: locks the amount on A, unlocks it less the 1 USDC fee on B, exactly once', async () => {
    const sender = devnet.accounts[1] as string;
    const recipient = devnet.accounts[6] as string;
    const gw = devnet.contracts.axelarGateway as string;
    const [senderA, gatewayA, recipientB, gatewayB] = await Promise.all([usdcOf('devnet-a', sender), usdcOf('devnet-a', gw), usdcOf('devnet-b', recipient), usdcOf('devnet-b', gw)]);
    const { commandId } = await sendUsdc('devnet-a', 1, 6, 100n * USDC);
    await devnet.relayer.waitForDelivery(commandId, 10_000);
    expect(await usdcOf('devnet-a', sender)).toBe(senderA - 100n * USDC);
    expect(await usdcOf('devnet-a', gw)).toBe(gatewayA + 100n * USDC);
    expect(await usdcOf('devnet-b', recipient)).toBe(recipientB + 99n * USDC);
    expect(await usdcOf('devnet-b', gw)).toBe(gatewayB - 99n * USDC);
    expect(await gateway('devnet-b').getFunction('isCommandExecuted')(commandId)).toBe(true);
    expect(await executedLogs('devnet-b', commandId)).toHaveLength(1);
    expect(axelar.delivered).toEqual([commandId]);
    expect(devnet.relayer.delivered).toContain(commandId);
    expect(await axelar.runOnce()).toEqual([]);

    // A fresh relayer rescans both chains from block 0 and finds the command executed: it sends nothing.
    const fresh = startAxelarRelayer({
      chains: devnet.chains.map((c) => ({ alias: c.alias, chainId: c.chainId, name: c.alias, gateway: gw as `0x${string}`, request: (method, params) => devnet.request(c.alias, method, params) })),
      operatorPrivateKey: AXELAR_OPERATOR_PRIVATE_KEY,
      fees: AXELAR_TRANSFER_FEES,
      intervalMs: 60_000,
    });
    try {
      const nonce = await providers['devnet-b'].getTransactionCount(AXELAR_OPERATOR_ADDRESS);
      expect(await fresh.runOnce()).toEqual([]);
      expect(fresh.pending).toEqual([]);
      await fresh.waitForDelivery(commandId, 100);
      expect(await providers['devnet-b'].getTransactionCount(AXELAR_OPERATOR_ADDRESS)).toBe(nonce);
    } finally {
      await fresh.stop();
    }
    expect(await usdcOf('devnet-b', recipient)).toBe(recipientB + 99n * USDC);
  });

  it('delivers nothing while paused (the same switch as LayerZero) and the held transfer after resume', async () => {
    const recipient = devnet.accounts[7] as string;
    const before = await usdcOf('devnet-a', recipient);
    await devnet.relayer.pause();
    let commandId: `0x${string}` | undefined;
    try {
      expect(axelar.paused).toBe(true);
      ({ commandId } = await sendUsdc('devnet-b', 2, 7, 25n * USDC));
      expect(await devnet.relayer.runOnce()).toEqual([]);
      expect(axelar.pending).toEqual([
        { commandId, srcAlias: 'devnet-b', dstAlias: 'devnet-a', symbol: 'USDC', recipient, amountIn: 25n * USDC, amountOut: 24n * USDC, attempts: 0 },
      ]);
      await expectStrataRejection(devnet.relayer.waitForDelivery(commandId, 50), 'RPC_UNAVAILABLE', /not delivered within 50 ms/);
      expect(await usdcOf('devnet-a', recipient)).toBe(before);
    } finally {
      devnet.relayer.resume();
    }
    expect(axelar.paused).toBe(false);
    await devnet.relayer.waitForDelivery(commandId, 10_000);
    expect(await usdcOf('devnet-a', recipient)).toBe(before + 24n * USDC);
    expect(axelar.pending).toEqual([]);
    expect(await executedLogs('devnet-a', commandId)).toHaveLength(1);
  });

  it('gives up on a transfer not above the fee: the USDC stays locked on the source, nothing arrives', async () => {
    const recipient = devnet.accounts[8] as string;
    const before = await usdcOf('devnet-b', recipient);
    const { commandId } = await sendUsdc('devnet-a', 3, 8, AXELAR_USDC_TRANSFER_FEE);
    await expect.poll(() => axelar.failed, { timeout: 10_000, interval: 50 }).toContain(commandId);
    expect(await gateway('devnet-b').getFunction('isCommandExecuted')(commandId)).toBe(false);
    expect(await usdcOf('devnet-b', recipient)).toBe(before);
  });

  it('delivers the new history after evm_revert, once', async () => {
    const recipient = devnet.accounts[5] as string;
    const snapshot = await devnet.snapshot();
    await devnet.relayer.pause();
    await sendUsdc('devnet-a', 4, 5, 10n * USDC);
    await devnet.relayer.runOnce();
    await devnet.revert(snapshot);
    devnet.relayer.resume();
    const before = await usdcOf('devnet-b', recipient);
    const { commandId } = await sendUsdc('devnet-a', 4, 5, 12n * USDC);
    await devnet.relayer.waitForDelivery(commandId, 10_000);
    expect(await usdcOf('devnet-b', recipient)).toBe(before + 11n * USDC);
    expect(await executedLogs('devnet-b', commandId)).toHaveLength(1);
  });
});
