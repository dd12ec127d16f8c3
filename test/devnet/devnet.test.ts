import { AbiCoder, Contract, HDNodeWallet, Interface, JsonRpcProvider, Network, getCreate2Address, keccak256, parseEther, toUtf8Bytes, type TransactionReceipt } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainInfo } from '../../shared/domain/chain';
import { createDeployContext, saltOf } from '../../electron/services/devnet/deploy/deployContext';
import { DEPLOY_STEPS } from '../../electron/services/devnet/deploy/deploySteps';
import { runDeploySteps } from '../../electron/services/devnet/deploy/runDeploySteps';
import { devnetChains } from '../../electron/services/devnet/devnetChains';
import { DEVNET_MNEMONIC } from '../../electron/services/devnet/devnetSpec';
import { httpRpc } from '../../electron/services/devnet/jsonRpc';
import { loadDevnetArtifacts } from '../../electron/services/devnet/solidity/compileContracts';
import { startDevnet, type Devnet } from '../../electron/services/devnet/startDevnet';
import { deriveDevnetTestKeys } from '../../electron/services/devnet/testAccounts';
import { expectStrataRejection } from '../unit/expectStrataError';

const ERC20_ABI = [
  'function name() view returns (string)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
  'function transfer(address,uint256) returns (bool)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)',
];
const WETH_ABI = [...ERC20_ABI, 'function deposit() payable', 'function withdraw(uint256)', 'event Deposit(address indexed dst, uint256 wad)', 'event Withdrawal(address indexed src, uint256 wad)'];
const MULTICALL3_ABI = [
  'function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)',
  'function getEthBalance(address) view returns (uint256)',
  'function getBlockNumber() view returns (uint256)',
  'function getChainId() view returns (uint256)',
];

const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const USDC_UNIT = 10n ** 6n;

let devnet: Devnet;
let providers: [JsonRpcProvider, JsonRpcProvider];

function providerFor(rpc: string, chainId: number): JsonRpcProvider {
  // cacheTimeout -1: ethers would otherwise answer back-to-back identical calls (nonces) from a 250 ms cache.
  return new JsonRpcProvider(rpc, Network.from(chainId), { staticNetwork: true, cacheTimeout: -1 });
}

/** Test account i as an ethers wallet, derived by ethers itself (an independent check of our derivation). */
function wallet(index: number, provider: JsonRpcProvider): HDNodeWallet {
  return HDNodeWallet.fromPhrase(DEVNET_MNEMONIC, undefined, `m/44'/60'/0'/0/${index}`).connect(provider);
}

function feeOf(receipt: TransactionReceipt | null): bigint {
  if (!receipt) throw new Error('no receipt');
  return receipt.gasUsed * receipt.gasPrice;
}

beforeAll(async () => {
  devnet = await startDevnet();
  const t = devnet.timings;
  console.log(
    `devnet started in ${t.totalMs.toFixed(0)} ms (artifacts ${t.artifactsSource} ${t.artifactsMs.toFixed(0)} ms, ` +
      `chains ${t.chainsMs.toFixed(0)} ms, deploy ${t.deployMs.toFixed(0)} ms: ${t.steps.map((s) => `${s.name} ${s.ms.toFixed(0)}`).join(', ')})`,
  );
  providers = [providerFor(devnet.chains[0].rpc, 31337), providerFor(devnet.chains[1].rpc, 31338)];
});

afterAll(async () => {
  providers?.forEach((p) => p.destroy());
  await devnet?.stop();
});

describe('devnet chains', () => {
  it('serves devnet-a (31337) and devnet-b (31338) over HTTP JSON-RPC on 127.0.0.1', async () => {
    expect(devnet.chains.map(({ id, alias, chainId, name }) => ({ id, alias, chainId, name }))).toEqual([
      { id: 'eip155:31337', alias: 'devnet-a', chainId: 31337, name: 'Devnet A' },
      { id: 'eip155:31338', alias: 'devnet-b', chainId: 31338, name: 'Devnet B' },
    ]);
    for (const chain of devnet.chains) {
      expect(chain.rpc).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
      expect(await httpRpc(chain.rpc)('eth_chainId')).toBe(`0x${chain.chainId.toString(16)}`);
      expect(await httpRpc(chain.rpc)('net_version')).toBe(String(chain.chainId));
    }
    expect(devnet.chains[0].rpc).not.toBe(devnet.chains[1].rpc);
  });

  it('funds the 20 test-mnemonic accounts with exactly 10,000 ETH on both chains', async () => {
    expect(devnet.accounts).toHaveLength(20);
    expect(devnet.accounts[0]).toBe(ACCOUNT_0);
    expect(devnet.accounts[1]).toBe('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    expect(devnet.accounts[19]).toBe('0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199');
    for (const provider of providers) {
      const listed = (await provider.send('eth_accounts', [])) as string[];
      expect(listed.map((a) => a.toLowerCase())).toEqual(devnet.accounts.map((a) => a.toLowerCase()));
      // The deployer paid for every deployment: user accounts keep their genesis balance exactly.
      expect(await provider.getBalance(ACCOUNT_0)).toBe(parseEther('10000'));
      expect(await provider.getBalance(devnet.accounts[19] as string)).toBe(parseEther('10000'));
    }
    expect(devnet.accounts).not.toContain(devnet.deployer);
    expect(devnet.deployer).toBe(wallet(20, providers[0]).address);
  });

  it('runs Prague with EIP-1559 fees and eth_feeHistory', async () => {
    const block = await providers[0].getBlock('latest');
    expect(typeof block?.baseFeePerGas).toBe('bigint');
    const history = (await providers[0].send('eth_feeHistory', ['0x4', 'latest', [25, 75]])) as { baseFeePerGas: string[]; reward: string[][] };
    expect(history.baseFeePerGas).toHaveLength(5);
    expect(history.reward).toHaveLength(4);
    const fees = await providers[1].getFeeData();
    expect(fees.maxFeePerGas).toBeGreaterThan(0n);
    // Prague's EIP-2935 history contract is part of the genesis state.
    expect(await providers[0].getCode('0x0000F90827F1C53a10cb7A02335B175320002935')).not.toBe('0x');
  });

  it('describes both chains as ChainInfo (ETH, 18 decimals, testnet)', () => {
    const chains = devnetChains();
    expect(chains.map((c) => ChainInfo.parse(c))).toEqual([
      { id: 'eip155:31337', alias: 'devnet-a', name: 'Devnet A', family: 'evm', addressScheme: 'evm', coinType: 60, bech32Prefix: null, nativeAsset: { symbol: 'ETH', denom: 'wei', decimals: 18 }, testnet: true },
      { id: 'eip155:31338', alias: 'devnet-b', name: 'Devnet B', family: 'evm', addressScheme: 'evm', coinType: 60, bech32Prefix: null, nativeAsset: { symbol: 'ETH', denom: 'wei', decimals: 18 }, testnet: true },
    ]);
  });
});

describe('devnet contracts', () => {
  it('deploys at the same, predictable addresses on both chains', async () => {
    const { contracts } = devnet;
    // The factory is the deployer's nonce-0 creation; Multicall3 sits at its canonical address.
    expect(contracts.create2Factory).toBe('0x6D8da4B12D658a36909ec1C75F81E54B8DB4eBf9');
    expect(contracts.multicall3).toBe('0xcA11bde05977b3631167028862bE2a173976CA11');
    const { artifacts } = await loadDevnetArtifacts();
    const token = artifacts.contracts.DevnetToken;
    const weth = artifacts.contracts.WrappedNative;
    if (!token || !weth) throw new Error('missing artifacts');
    const coder = AbiCoder.defaultAbiCoder();
    const usdcInit = token.bytecode + coder.encode(['string', 'string', 'uint8'], ['USD Coin (devnet)', 'USDC', 6]).slice(2);
    const wethInit = weth.bytecode + coder.encode(['string', 'string'], ['Wrapped Ether', 'WETH']).slice(2);
    expect(contracts.usdc).toBe(getCreate2Address(contracts.create2Factory, keccak256(toUtf8Bytes('strata.devnet.usdc')), keccak256(usdcInit)));
    expect(contracts.weth).toBe(getCreate2Address(contracts.create2Factory, saltOf('strata.devnet.weth'), keccak256(wethInit)));
    for (const address of [contracts.create2Factory, contracts.multicall3, contracts.usdc, contracts.weth]) {
      const [a, b] = await Promise.all(providers.map((p) => p.getCode(address)));
      expect(a?.length).toBeGreaterThan(1000);
      // USDC's EIP-712 domain caches the chain id as an immutable, so its runtime code differs by chain.
      if (address === contracts.usdc) expect(b).not.toBe(a);
      else expect(b).toBe(a);
    }
  });

  it('has USDC with 6 decimals and 1,000,000 USDC for each of the first five accounts', async () => {
    for (const provider of providers) {
      const usdc = new Contract(devnet.contracts.usdc, ERC20_ABI, provider);
      expect([await usdc.getFunction('name')(), await usdc.getFunction('symbol')(), await usdc.getFunction('decimals')()]).toEqual(['USD Coin (devnet)', 'USDC', 6n]);
      const balances = await Promise.all(devnet.accounts.slice(0, 6).map((a) => usdc.getFunction('balanceOf')(a) as Promise<bigint>));
      expect(balances).toEqual([...Array(5).fill(1_000_000n * USDC_UNIT), 0n]);
      // 5 × 1,000,000 for the test accounts, 3,000,000 in the Uniswap V2 WETH/USDC pool, 500,000 in Axelar's gateway,
      // 900,000 + 3,000,000 minted for the Uniswap V3 WETH/USDC pools (0.05% and 0.3%)
      expect(await usdc.getFunction('totalSupply')()).toBe(12_400_000n * USDC_UNIT);
    }
  });

  it('has WETH: 100 WETH for account 0, and deposit/withdraw wrap and unwrap 1:1', async () => {
    const provider = providers[1];
    const weth = new Contract(devnet.contracts.weth, WETH_ABI, wallet(7, provider));
    expect([await weth.getFunction('name')(), await weth.getFunction('symbol')(), await weth.getFunction('decimals')()]).toEqual(['Wrapped Ether', 'WETH', 18n]);
    expect(await weth.getFunction('balanceOf')(ACCOUNT_0)).toBe(parseEther('100'));
    const account = devnet.accounts[7] as string;
    const before = await provider.getBalance(account);
    const deposit = await (await weth.getFunction('deposit')({ value: parseEther('2.5') })).wait();
    expect(deposit?.logs.map((l: { topics: readonly string[]; data: string }) => weth.interface.parseLog(l)?.name)).toEqual(['Transfer', 'Deposit']);
    expect(await weth.getFunction('balanceOf')(account)).toBe(parseEther('2.5'));
    const withdraw = await (await weth.getFunction('withdraw')(parseEther('1'))).wait();
    expect(await weth.getFunction('balanceOf')(account)).toBe(parseEther('1.5'));
    expect(await provider.getBalance(account)).toBe(before - parseEther('1.5') - feeOf(deposit) - feeOf(withdraw));
    // account 0's 100 WETH, the V2 WETH/USDC pool's 1,000 WETH, the V2 SBT/WETH pool's 100 WETH, the V3 pools'
    // 300 + 1,000 + 100 WETH wrapped for them, and this test's remaining 1.5
    expect(await provider.getBalance(devnet.contracts.weth)).toBe(parseEther('2601.5'));
  });

  it('answers several token balances in one Multicall3 aggregate3 call', async () => {
    const provider = providers[0];
    const multicall = new Contract(devnet.contracts.multicall3, MULTICALL3_ABI, provider);
    const erc20 = new Interface(ERC20_ABI);
    const calls = [
      { target: devnet.contracts.usdc, allowFailure: false, callData: erc20.encodeFunctionData('balanceOf', [ACCOUNT_0]) },
      { target: devnet.contracts.weth, allowFailure: false, callData: erc20.encodeFunctionData('balanceOf', [ACCOUNT_0]) },
      { target: devnet.contracts.usdc, allowFailure: false, callData: erc20.encodeFunctionData('balanceOf', [devnet.accounts[9]]) },
      { target: devnet.contracts.multicall3, allowFailure: false, callData: multicall.interface.encodeFunctionData('getEthBalance', [ACCOUNT_0]) },
      // transfer from Multicall3, which holds no USDC: fails, and is allowed to
      { target: devnet.contracts.usdc, allowFailure: true, callData: erc20.encodeFunctionData('transfer', [ACCOUNT_0, 1n]) },
    ];
    const results = (await multicall.getFunction('aggregate3').staticCall(calls)) as Array<{ success: boolean; returnData: string }>;
    expect(results.map((r) => r.success)).toEqual([true, true, true, true, false]);
    const decoded = results.slice(0, 4).map((r) => BigInt(r.returnData));
    expect(decoded).toEqual([1_000_000n * USDC_UNIT, parseEther('100'), 0n, parseEther('10000')]);
    expect(erc20.parseError(results[4]?.returnData as string)?.name).toBe('ERC20InsufficientBalance');
    expect(await multicall.getFunction('getChainId')()).toBe(31337n);
    // Not allowed to fail: the whole batch reverts, reported the way geth reports reverts.
    await expect(multicall.getFunction('aggregate3').staticCall([{ ...calls[4], allowFailure: false }])).rejects.toMatchObject({
      code: 'CALL_EXCEPTION',
      reason: 'Multicall3: call failed',
    });
  });

  it('reports reverts like geth: code 3 and the revert data, decodable as a custom error', async () => {
    const usdc = new Contract(devnet.contracts.usdc, ERC20_ABI, wallet(12, providers[0]));
    await expect(usdc.getFunction('transfer').staticCall(ACCOUNT_0, 1n)).rejects.toMatchObject({
      code: 'CALL_EXCEPTION',
      revert: { name: 'ERC20InsufficientBalance', args: [devnet.accounts[12], 0n, 1n] },
    });
    const raw = await fetch(devnet.chains[0].rpc, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'eth_call', params: [{ from: devnet.accounts[12], to: devnet.contracts.weth, data: new Interface(WETH_ABI).encodeFunctionData('withdraw', [5n]) }, 'latest'] }),
    });
    const body = (await raw.json()) as { id: number; error: { code: number; message: string; data: string } };
    expect(body.id).toBe(9);
    expect(body.error.code).toBe(3);
    expect(body.error.message).toBe('execution reverted');
    expect(new Interface(ERC20_ABI).parseError(body.error.data)?.args.toArray()).toEqual([devnet.accounts[12], 0n, 5n]);
  });

  it('re-running the deploy steps on a live chain sends nothing and finds the same addresses', async () => {
    const { artifacts } = await loadDevnetArtifacts();
    const keys = deriveDevnetTestKeys();
    const chain = devnet.chains[1];
    const nonceBefore = await providers[1].getTransactionCount(devnet.deployer);
    const ctx = createDeployContext({
      chain: { alias: chain.alias, chainId: chain.chainId },
      request: httpRpc(chain.rpc),
      artifacts,
      deployerPrivateKey: keys.deployer.privateKey,
      accounts: keys.accounts.map((a) => a.address),
    });
    await runDeploySteps(ctx, DEPLOY_STEPS);
    expect(ctx.contracts).toEqual({ ...devnet.contracts });
    expect(await providers[1].getTransactionCount(devnet.deployer)).toBe(nonceBefore);
    await expectStrataRejection(runDeploySteps(ctx, [DEPLOY_STEPS[0] as never, DEPLOY_STEPS[0] as never]), 'INTERNAL', /Two deploy steps are named create2-factory/);
  });
});

describe('devnet test helpers', () => {
  it('snapshot and revert undo transactions on both chains', async () => {
    const snapshot = await devnet.snapshot();
    const recipient = '0x000000000000000000000000000000000000bEEF';
    for (const provider of providers) {
      await (await wallet(3, provider).sendTransaction({ to: recipient, value: parseEther('1') })).wait();
      expect(await provider.getBalance(recipient)).toBe(parseEther('1'));
    }
    await devnet.revert(snapshot);
    for (const provider of providers) expect(await provider.getBalance(recipient)).toBe(0n);
    expect(await providers[0].getBalance(devnet.accounts[3] as string)).toBe(parseEther('10000'));
    await expectStrataRejection(devnet.revert(snapshot), 'INVALID_INPUT');
  });

  it('mines blocks and sets balances on one chain or both', async () => {
    const [a0, b0] = await Promise.all(providers.map((p) => p.getBlockNumber()));
    await devnet.mine(3, 'devnet-a');
    await devnet.mine();
    expect(await providers[0].getBlockNumber()).toBe((a0 as number) + 4);
    expect(await providers[1].getBlockNumber()).toBe((b0 as number) + 1);
    const someone = '0x00000000000000000000000000000000000C0FFE';
    await devnet.setBalance(someone, 123n, 'devnet-b');
    expect([await providers[0].getBalance(someone), await providers[1].getBalance(someone)]).toEqual([0n, 123n]);
    await devnet.setBalance(someone, 5n);
    expect([await providers[0].getBalance(someone), await providers[1].getBalance(someone)]).toEqual([5n, 5n]);
    await expectStrataRejection(devnet.mine(0), 'INVALID_INPUT');
    expect(await devnet.request('devnet-b', 'eth_chainId')).toBe('0x7a6a');
  });

  it('fails on a taken port, or falls back to a free one when asked', async () => {
    const taken = Number(new URL(devnet.chains[0].rpc).port);
    await expectStrataRejection(startDevnet({ ports: [taken, 0] }), 'IO_ERROR', new RegExp(`Port ${taken} is already in use`));
    const other = await startDevnet({ ports: [taken, 0], portFallback: true });
    try {
      expect(other.chains[0].rpc).not.toBe(devnet.chains[0].rpc);
      expect(await httpRpc(other.chains[0].rpc)('eth_chainId')).toBe('0x7a69');
      expect(other.contracts).toEqual(devnet.contracts);
    } finally {
      await other.stop();
    }
    await expectStrataRejection(startDevnet({ ports: [70_000, 0] }), 'INVALID_INPUT');
    await expectStrataRejection(startDevnet({ mining: { intervalMs: 0 } }), 'INVALID_INPUT');
  });

  it('mines on a timer with interval mining', async () => {
    const timed = await startDevnet({ mining: { intervalMs: 400 } });
    try {
      const rpc = httpRpc(timed.chains[1].rpc);
      const nextBlock = async (after: number): Promise<number> => {
        for (;;) {
          const n = Number(await rpc<string>('eth_blockNumber'));
          if (n > after) return n;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      // Blocks come without transactions; right after one, a whole interval lies ahead.
      const first = await nextBlock(Number(await rpc<string>('eth_blockNumber')));
      const second = await nextBlock(first);
      const hash = await rpc<string>('eth_sendTransaction', [{ from: ACCOUNT_0, to: devnet.accounts[1], value: '0x1' }]);
      expect(await rpc('eth_getTransactionReceipt', [hash])).toBeNull();
      await nextBlock(second);
      expect(await rpc<{ status: string; blockNumber: string }>('eth_getTransactionReceipt', [hash])).toMatchObject({
        status: '0x1',
        blockNumber: `0x${(second + 1).toString(16)}`,
      });
    } finally {
      await timed.stop();
    }
  });
});
