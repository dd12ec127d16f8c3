import { Options, PacketV1Codec } from '@layerzerolabs/lz-v2-utilities';
import { Contract, Interface, JsonRpcProvider, Network, Wallet, zeroPadValue, type Log, type TransactionReceipt } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeployContext } from '../../electron/services/devnet/deploy/deployContext';
import { DEPLOY_STEPS } from '../../electron/services/devnet/deploy/deploySteps';
import { runDeploySteps } from '../../electron/services/devnet/deploy/runDeploySteps';
import type { DevnetAlias } from '../../electron/services/devnet/devnetSpec';
import { lzReceiveGasOption } from '../../electron/services/devnet/layerzero/executorOptions';
import {
  DEVNET_LZ_EIDS,
  LZ_ENDPOINT_ADDRESS,
  LZ_NATIVE_FEE_WEI,
  LZ_RELAYER_ACCOUNT_INDEX,
  LZ_SIMPLE_MESSAGE_LIB_ADDRESS,
  SBT,
  SBT_MINT,
} from '../../electron/services/devnet/layerzero/layerZeroSpec';
import { layerZeroArtifact } from '../../electron/services/devnet/layerzero/lzArtifacts';
import { decodePacketV1 } from '../../electron/services/devnet/layerzero/packetV1';
import { startLayerZeroRelayer } from '../../electron/services/devnet/layerzero/relayer';
import { UNISWAP_V2_SBT_WETH_POOL } from '../../electron/services/devnet/deploy/steps/uniswapV2SbtPools';
import { UNISWAP_V3_POOLS } from '../../electron/services/devnet/uniswap/uniswapV3Spec';
import { loadDevnetArtifacts } from '../../electron/services/devnet/solidity/compileContracts';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { deriveDevnetTestKeys } from '../../electron/services/devnet/testAccounts';
import { expectStrataRejection } from '../unit/expectStrataError';

const UNIT = 10n ** 18n;
const EID_A = 50_337;
const EID_B = 50_338;

let devnet: Devnet;
let providers: Record<DevnetAlias, JsonRpcProvider>;
let sbtAbi: Interface;
let endpointAbi: Interface;
const started = performance.now();

function providerFor(rpc: string, chainId: number): JsonRpcProvider {
  // cacheTimeout -1: ethers would otherwise answer back-to-back identical calls (nonces) from a 250 ms cache.
  return new JsonRpcProvider(rpc, Network.from(chainId), { staticNetwork: true, cacheTimeout: -1 });
}

function sbt(alias: DevnetAlias, signerIndex?: number): Contract {
  const provider = providers[alias];
  const runner = signerIndex === undefined ? provider : new Wallet((deriveDevnetTestKeys().accounts[signerIndex] as { privateKey: string }).privateKey, provider);
  return new Contract(devnet.contracts.sbt as string, sbtAbi, runner);
}

function sendParam(dstEid: number, to: string, amount: bigint) {
  return { dstEid, to: zeroPadValue(to, 32), amountLD: amount, minAmountLD: amount, extraOptions: '0x', composeMsg: '0x', oftCmd: '0x' };
}

function eventOf(receipt: TransactionReceipt | null, abi: Interface, name: string) {
  if (!receipt) throw new Error('no receipt');
  for (const log of receipt.logs) {
    const parsed = abi.parseLog(log);
    if (parsed?.name === name) return parsed;
  }
  throw new Error(`no ${name} event`);
}

/** Sends `amount` SBT from account `from` on `src` to account `to` on the other chain; returns the receipt and GUID. */
async function bridge(src: DevnetAlias, from: number, to: number, amount: bigint) {
  const dstEid = DEVNET_LZ_EIDS[src === 'devnet-a' ? 'devnet-b' : 'devnet-a'];
  const token = sbt(src, from);
  const param = sendParam(dstEid, devnet.accounts[to] as string, amount);
  const [nativeFee, lzTokenFee] = (await token.getFunction('quoteSend')(param, false)) as [bigint, bigint];
  const tx = await token.getFunction('send')(param, { nativeFee, lzTokenFee }, devnet.accounts[from], { value: nativeFee });
  const receipt = (await tx.wait()) as TransactionReceipt;
  const sent = eventOf(receipt, sbtAbi, 'OFTSent');
  return { receipt, guid: sent.args.guid as `0x${string}`, sent, nativeFee };
}

async function balance(alias: DevnetAlias, account: number): Promise<bigint> {
  return (await sbt(alias).getFunction('balanceOf')(devnet.accounts[account])) as bigint;
}

async function oftReceived(alias: DevnetAlias, guid: string): Promise<Log[]> {
  const topic = sbtAbi.getEvent('OFTReceived')?.topicHash as string;
  return providers[alias].getLogs({ address: devnet.contracts.sbt, topics: [topic, guid], fromBlock: 0 });
}

beforeAll(async () => {
  devnet = await startDevnet();
  const t = devnet.timings;
  const lzSteps = t.steps.filter((s) => /^(lz-|sbt-|mint-sbt)/.test(s.name));
  console.log(
    `devnet with LayerZero started in ${t.totalMs.toFixed(0)} ms (artifacts ${t.artifactsSource} ${t.artifactsMs.toFixed(0)} ms, ` +
      `deploy ${t.deployMs.toFixed(0)} ms; LayerZero steps: ${lzSteps.map((s) => `${s.name} ${s.ms.toFixed(0)}`).join(', ')})`,
  );
  providers = { 'devnet-a': providerFor(devnet.chains[0].rpc, 31337), 'devnet-b': providerFor(devnet.chains[1].rpc, 31338) };
  const artifacts = (await loadDevnetArtifacts()).artifacts;
  sbtAbi = new Interface(artifacts.contracts.StrataBridgeToken?.abi as never);
  endpointAbi = new Interface(layerZeroArtifact('EndpointV2').abi as never);
}, 60_000);

afterAll(async () => {
  for (const p of Object.values(providers ?? {})) p.destroy();
  await devnet?.stop();
  console.log(`layerzero tests took ${(performance.now() - started).toFixed(0)} ms in all`);
});

describe('LayerZero deployment', () => {
  it('deploys EndpointV2 and SimpleMessageLib at the same addresses on both chains, with each chain its eid', async () => {
    expect(DEVNET_LZ_EIDS).toEqual({ 'devnet-a': EID_A, 'devnet-b': EID_B });
    expect(devnet.contracts.lzEndpoint).toBe(LZ_ENDPOINT_ADDRESS);
    expect(devnet.contracts.lzSimpleMessageLib).toBe(LZ_SIMPLE_MESSAGE_LIB_ADDRESS);
    const libAbi = new Interface(layerZeroArtifact('SimpleMessageLib').abi as never);
    for (const [alias, eid, remote] of [['devnet-a', EID_A, EID_B], ['devnet-b', EID_B, EID_A]] as const) {
      const endpoint = new Contract(LZ_ENDPOINT_ADDRESS, endpointAbi, providers[alias]);
      const lib = new Contract(LZ_SIMPLE_MESSAGE_LIB_ADDRESS, libAbi, providers[alias]);
      expect(await endpoint.getFunction('eid')()).toBe(BigInt(eid));
      expect(await endpoint.getFunction('owner')()).toBe(devnet.deployer);
      expect(await endpoint.getFunction('isRegisteredLibrary')(LZ_SIMPLE_MESSAGE_LIB_ADDRESS)).toBe(true);
      expect(await endpoint.getFunction('defaultSendLibrary')(remote)).toBe(LZ_SIMPLE_MESSAGE_LIB_ADDRESS);
      expect(await endpoint.getFunction('defaultReceiveLibrary')(remote)).toBe(LZ_SIMPLE_MESSAGE_LIB_ADDRESS);
      expect(await lib.getFunction('owner')()).toBe(devnet.deployer);
      expect(await lib.getFunction('localEid')()).toBe(BigInt(eid));
      expect(await lib.getFunction('nativeFee')()).toBe(LZ_NATIVE_FEE_WEI);
      expect(await lib.getFunction('lzTokenFee')()).toBe(0n);
    }
  });

  it('deploys the SBT OFT on both chains, minted to accounts 0-4, peered both ways with 200k lzReceive gas enforced', async () => {
    const sbtAddress = devnet.contracts.sbt as string;
    const enforced = Options.newOptions().addExecutorLzReceiveOption(200_000, 0).toHex();
    expect(lzReceiveGasOption(200_000n)).toBe(enforced);
    for (const [alias, remote] of [['devnet-a', EID_B], ['devnet-b', EID_A]] as const) {
      const token = sbt(alias);
      expect(await token.getFunction('name')()).toBe(SBT.name);
      expect(await token.getFunction('symbol')()).toBe('SBT');
      expect(await token.getFunction('decimals')()).toBe(18n);
      expect(await token.getFunction('owner')()).toBe(devnet.deployer);
      expect(await token.getFunction('endpoint')()).toBe(LZ_ENDPOINT_ADDRESS);
      expect(await token.getFunction('peers')(remote)).toBe(zeroPadValue(sbtAddress, 32).toLowerCase());
      expect(await token.getFunction('enforcedOptions')(remote, 1)).toBe(enforced);
      // Accounts 0-4, plus what the deployer minted for the SBT/WETH Uniswap V2 and V3 pools.
      const v3Sbt = UNISWAP_V3_POOLS.find((p) => p.key === 'uniswapV3SbtWeth3000')?.amountA;
      expect(await token.getFunction('totalSupply')()).toBe(5n * SBT_MINT.amount + UNISWAP_V2_SBT_WETH_POOL.sbtUnits + (v3Sbt ?? 0n));
      expect(v3Sbt).toBe(1_000_000n * UNIT);
      for (let i = 0; i < 5; i++) expect(await balance(alias, i)).toBe(1_000_000n * UNIT);
      expect(await balance(alias, 5)).toBe(0n);
      const endpoint = new Contract(LZ_ENDPOINT_ADDRESS, endpointAbi, providers[alias]);
      expect(await endpoint.getFunction('delegates')(sbtAddress)).toBe(devnet.deployer);
    }
  });

  it('running the LayerZero steps again sends nothing', async () => {
    const keys = deriveDevnetTestKeys();
    const ctx = createDeployContext({
      chain: { alias: 'devnet-b', chainId: 31338 },
      request: (method, params) => devnet.request('devnet-b', method, params),
      artifacts: (await loadDevnetArtifacts()).artifacts,
      deployerPrivateKey: keys.deployer.privateKey,
      accounts: keys.accounts.map((a) => a.address),
    });
    const blockBefore = await providers['devnet-b'].getBlockNumber();
    await runDeploySteps(ctx, DEPLOY_STEPS);
    expect(ctx.contracts).toEqual({ ...devnet.contracts });
    expect(await providers['devnet-b'].getBlockNumber()).toBe(blockBefore);
  });

  it('encodes lzReceive options like lz-v2-utilities and rejects gas outside uint128', () => {
    expect(lzReceiveGasOption(1n)).toBe(Options.newOptions().addExecutorLzReceiveOption(1, 0).toHex());
    expect(lzReceiveGasOption((1n << 128n) - 1n)).toBe(Options.newOptions().addExecutorLzReceiveOption((1n << 128n) - 1n, 0).toHex());
    expect(() => lzReceiveGasOption(0n)).toThrow(/uint128/);
    expect(() => lzReceiveGasOption(1n << 128n)).toThrow(/uint128/);
  });

  it('rejects short packets and packet versions other than 1 as INVALID_INPUT', () => {
    const header = `0x01${'00'.repeat(112)}` as const;
    expect(decodePacketV1(header)).toMatchObject({ nonce: 0n, srcEid: 0, dstEid: 0, message: '0x' });
    for (const bad of [`0x01${'00'.repeat(111)}`, `0x02${'00'.repeat(112)}`] as const) {
      let code: unknown;
      try {
        decodePacketV1(bad);
      } catch (error) {
        code = (error as { code?: unknown }).code;
      }
      expect(code).toBe('INVALID_INPUT');
    }
  });
});

describe('LayerZero relayer', () => {
  it('quotes the configured SimpleMessageLib fee for an SBT send', async () => {
    const [nativeFee, lzTokenFee] = (await sbt('devnet-a').getFunction('quoteSend')(sendParam(EID_B, devnet.accounts[1] as string, 100n * UNIT), false)) as [bigint, bigint];
    expect(nativeFee).toBe(LZ_NATIVE_FEE_WEI);
    expect(nativeFee).toBe(100_000_000_000_000n);
    expect(lzTokenFee).toBe(0n);
  });

  it('delivers 100 SBT from account 0 on devnet-a to account 1 on devnet-b', async () => {
    const t0 = performance.now();
    const [srcBefore, dstBefore, ethBefore] = await Promise.all([balance('devnet-a', 0), balance('devnet-b', 1), providers['devnet-a'].getBalance(devnet.accounts[0] as string)]);
    const { receipt, guid, sent, nativeFee } = await bridge('devnet-a', 0, 1, 100n * UNIT);
    expect(sent.args.dstEid).toBe(BigInt(EID_B));
    expect(sent.args.fromAddress).toBe(devnet.accounts[0]);
    expect(sent.args.amountSentLD).toBe(100n * UNIT);
    expect(sent.args.amountReceivedLD).toBe(100n * UNIT);
    expect(await balance('devnet-a', 0)).toBe(srcBefore - 100n * UNIT);
    // The sender pays exactly the gas and the messaging fee in ETH.
    expect(await providers['devnet-a'].getBalance(devnet.accounts[0] as string)).toBe(ethBefore - receipt.gasUsed * receipt.gasPrice - nativeFee);

    // The packet as the endpoint emitted it, decoded by our codec and by LayerZero's.
    const packetLog = receipt.logs.map((l) => endpointAbi.parseLog(l)).find((p) => p?.name === 'PacketSent');
    const encoded = packetLog?.args.encodedPayload as `0x${string}`;
    const ours = decodePacketV1(encoded);
    const theirs = PacketV1Codec.from(encoded);
    expect(ours.guid).toBe(guid);
    expect(ours).toMatchObject({ nonce: 1n, srcEid: EID_A, dstEid: EID_B, receiverAddress: devnet.contracts.sbt });
    expect(ours.sender).toBe(zeroPadValue(devnet.contracts.sbt as string, 32).toLowerCase());
    expect({ nonce: ours.nonce.toString(), srcEid: ours.srcEid, dstEid: ours.dstEid, guid: ours.guid, message: ours.message, payloadHash: ours.payloadHash }).toEqual({
      nonce: theirs.nonce(),
      srcEid: theirs.srcEid(),
      dstEid: theirs.dstEid(),
      guid: theirs.guid(),
      message: theirs.message(),
      payloadHash: theirs.payloadHash(),
    });

    await devnet.relayer.waitForDelivery(guid, 10_000);
    console.log(`a -> b: sent and delivered in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(await balance('devnet-b', 1)).toBe(dstBefore + 100n * UNIT);
    const received = await oftReceived('devnet-b', guid);
    expect(received).toHaveLength(1);
    const event = sbtAbi.parseLog(received[0] as Log);
    expect({ guid: event?.args.guid, srcEid: event?.args.srcEid, to: event?.args.toAddress, amount: event?.args.amountReceivedLD }).toEqual({
      guid,
      srcEid: BigInt(EID_A),
      to: devnet.accounts[1],
      amount: 100n * UNIT,
    });
    expect(devnet.relayer.delivered).toEqual([guid]);
    expect(await providers['devnet-b'].getTransactionCount(devnet.accounts[LZ_RELAYER_ACCOUNT_INDEX] as string)).toBe(2);
  });

  it('delivers back from devnet-b to devnet-a', async () => {
    const [srcBefore, dstBefore] = await Promise.all([balance('devnet-b', 1), balance('devnet-a', 2)]);
    const { guid } = await bridge('devnet-b', 1, 2, 40n * UNIT);
    expect(await balance('devnet-b', 1)).toBe(srcBefore - 40n * UNIT);
    await devnet.relayer.waitForDelivery(guid, 10_000);
    expect(await balance('devnet-a', 2)).toBe(dstBefore + 40n * UNIT);
    expect(await oftReceived('devnet-a', guid)).toHaveLength(1);
  });

  it('delivers nothing while paused and the held packet after resume', async () => {
    const t0 = performance.now();
    await devnet.relayer.pause();
    expect(devnet.relayer.paused).toBe(true);
    const dstBefore = await balance('devnet-b', 3);
    const { guid } = await bridge('devnet-a', 3, 3, 7n * UNIT);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await devnet.relayer.runOnce()).toEqual([]);
    expect(await balance('devnet-b', 3)).toBe(dstBefore);
    expect(await oftReceived('devnet-b', guid)).toHaveLength(0);
    expect(devnet.relayer.pending.map((p) => ({ guid: p.guid, srcAlias: p.srcAlias, dstAlias: p.dstAlias, nonce: p.nonce }))).toEqual([
      { guid, srcAlias: 'devnet-a', dstAlias: 'devnet-b', nonce: 2n },
    ]);
    await expectStrataRejection(devnet.relayer.waitForDelivery(guid, 50), 'RPC_UNAVAILABLE', /not delivered within 50 ms/);

    devnet.relayer.resume();
    expect(devnet.relayer.paused).toBe(false);
    await devnet.relayer.waitForDelivery(guid, 10_000);
    expect(await balance('devnet-b', 3)).toBe(dstBefore + 7n * UNIT);
    expect(devnet.relayer.pending).toEqual([]);
    console.log(`pause/resume test took ${(performance.now() - t0).toFixed(0)} ms`);
  });

  it('never delivers a packet twice, even from a relayer that has not seen it', async () => {
    const before = devnet.relayer.delivered;
    expect(new Set(before).size).toBe(before.length);
    expect(before).toHaveLength(3);
    expect(await devnet.relayer.runOnce()).toEqual([]);
    expect(devnet.relayer.delivered).toEqual(before);

    // A fresh relayer rescans both chains from block 0; the endpoints report every packet executed.
    const keys = deriveDevnetTestKeys();
    const fresh = startLayerZeroRelayer({
      chains: devnet.chains.map((c) => ({
        alias: c.alias,
        chainId: c.chainId,
        eid: DEVNET_LZ_EIDS[c.alias],
        endpoint: LZ_ENDPOINT_ADDRESS,
        messageLib: LZ_SIMPLE_MESSAGE_LIB_ADDRESS,
        request: (method, params) => devnet.request(c.alias, method, params),
      })),
      privateKey: keys.accounts[18]?.privateKey as `0x${string}`,
      intervalMs: 60_000,
    });
    try {
      expect(await fresh.runOnce()).toEqual([]);
      expect(fresh.delivered).toEqual([]);
      expect(fresh.pending).toEqual([]);
      // It found them executed: waiting for one resolves at once.
      await fresh.waitForDelivery(before[0] as `0x${string}`, 100);
      expect(await providers['devnet-a'].getTransactionCount(keys.accounts[18]?.address as string)).toBe(0);
      expect(await providers['devnet-b'].getTransactionCount(keys.accounts[18]?.address as string)).toBe(0);
    } finally {
      await fresh.stop();
    }
    for (const guid of before) {
      const received = [...(await oftReceived('devnet-a', guid)), ...(await oftReceived('devnet-b', guid))];
      expect(received).toHaveLength(1);
    }
  });

  it('delivers after evm_revert even when the new packet reuses a GUID from the reverted history', async () => {
    const snapshot = await devnet.snapshot();
    await devnet.relayer.pause();
    const first = await bridge('devnet-a', 4, 4, 5n * UNIT);
    await devnet.relayer.runOnce();
    await devnet.revert(snapshot);
    devnet.relayer.resume();
    const dstBefore = await balance('devnet-b', 4);
    const second = await bridge('devnet-a', 4, 4, 6n * UNIT);
    // Same path and nonce: LayerZero's GUID is the same, the message differs.
    expect(second.guid).toBe(first.guid);
    await expect.poll(async () => balance('devnet-b', 4), { timeout: 10_000, interval: 100 }).toBe(dstBefore + 6n * UNIT);
    expect(await oftReceived('devnet-b', second.guid)).toHaveLength(1);
  });
});
