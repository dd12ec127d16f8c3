import { decodeFunctionResult, encodeDeployData, encodeFunctionData, getContractAddress, keccak256, toHex, type Abi } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { StrataError } from '../../../../shared/errors';
import type { DevnetAlias } from '../devnetSpec';
import type { RpcRequest } from '../jsonRpc';
import type { CompiledContracts } from '../solidity/compileContracts';
import type { Address, DeployContext, Hex } from './deployStep';

export interface DeployContextOptions {
  chain: { alias: DevnetAlias; chainId: number };
  request: RpcRequest;
  artifacts: CompiledContracts;
  deployerPrivateKey: Hex;
  accounts: Address[];
  log?: (message: string) => void;
}

interface RpcReceipt {
  transactionHash: Hex;
  blockNumber: Hex;
  gasUsed: Hex;
  status: Hex;
  contractAddress: Address | null;
}

const RECEIPT_TIMEOUT_MS = 60_000;
const TIP_WEI = 1_000_000_000n;

/** The salt of a named deployment: keccak256 of its UTF-8 name (`strata.devnet.usdc`). */
export function saltOf(name: string): Hex {
  return keccak256(toHex(name));
}

/** Builds the context deploy steps run with, for one chain. */
export function createDeployContext(options: DeployContextOptions): DeployContext {
  const { request, artifacts, chain } = options;
  const signer = privateKeyToAccount(options.deployerPrivateKey);
  const deployer = signer.address;
  const contracts: Record<string, Address> = {};
  const log = options.log ?? (() => undefined);

  const artifact: DeployContext['artifact'] = (name) => {
    const found = artifacts.contracts[name];
    if (!found) throw new StrataError('INTERNAL', `No compiled devnet contract named ${name}`);
    return found;
  };

  const hasCode = async (address: Address): Promise<boolean> => (await request<Hex>('eth_getCode', [address, 'latest'])) !== '0x';

  const waitForReceipt = async (hash: Hex): Promise<RpcReceipt> => {
    const deadline = Date.now() + RECEIPT_TIMEOUT_MS;
    for (;;) {
      const receipt = await request<RpcReceipt | null>('eth_getTransactionReceipt', [hash]);
      if (receipt) return receipt;
      // Only reached with interval mining; automine answers with the receipt right away.
      if (Date.now() > deadline) throw new StrataError('RPC_UNAVAILABLE', `Transaction ${hash} was not mined in time`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const send: DeployContext['send'] = async (tx) => {
    const call = { from: deployer, to: tx.to, data: tx.data, value: toHex(tx.value ?? 0n) };
    const [nonce, gas, block] = await Promise.all([
      request<Hex>('eth_getTransactionCount', [deployer, 'pending']),
      request<Hex>('eth_estimateGas', [call]),
      request<{ baseFeePerGas: Hex }>('eth_getBlockByNumber', ['latest', false]),
    ]);
    const signed = await signer.signTransaction({
      type: 'eip1559',
      chainId: chain.chainId,
      nonce: Number(BigInt(nonce)),
      to: tx.to ?? null,
      data: tx.data,
      value: tx.value ?? 0n,
      // estimateGas is exact on EDR; the margin covers state that moves between estimate and inclusion.
      gas: (BigInt(gas) * 12n) / 10n,
      maxPriorityFeePerGas: TIP_WEI,
      maxFeePerGas: BigInt(block.baseFeePerGas) * 2n + TIP_WEI,
    });
    const hash = await request<Hex>('eth_sendRawTransaction', [signed]);
    const receipt = await waitForReceipt(hash);
    if (receipt.status !== '0x1') throw new StrataError('TX_FAILED', `Devnet deployment transaction ${hash} reverted on ${chain.alias}`);
    return {
      transactionHash: receipt.transactionHash,
      blockNumber: BigInt(receipt.blockNumber),
      gasUsed: BigInt(receipt.gasUsed),
      contractAddress: receipt.contractAddress,
    };
  };

  const read: DeployContext['read'] = async <T>(address: Address, abi: Abi | readonly unknown[], functionName: string, args: readonly unknown[] = []) => {
    const data = encodeFunctionData({ abi: abi as Abi, functionName, args });
    const result = await request<Hex>('eth_call', [{ to: address, data }, 'latest']);
    return decodeFunctionResult({ abi: abi as Abi, functionName, data: result }) as T;
  };

  const write: DeployContext['write'] = (address, abi, functionName, args = [], value) =>
    send({ to: address, data: encodeFunctionData({ abi: abi as Abi, functionName, args }), value });

  const deploy: DeployContext['deploy'] = async (salt, artifactName, args = []) => {
    const factory = contracts.create2Factory;
    if (!factory) throw new StrataError('INTERNAL', 'The CREATE2 factory step must run before any deploy()');
    const { abi, bytecode } = artifact(artifactName);
    const initCode = encodeDeployData({ abi: abi as Abi, bytecode, args });
    const address = getContractAddress({ opcode: 'CREATE2', from: factory, salt: saltOf(salt), bytecode: initCode });
    if (await hasCode(address)) {
      log(`${chain.alias}: ${artifactName} already at ${address}`);
      return address;
    }
    await write(factory, artifact('Create2Factory').abi, 'deploy', [saltOf(salt), initCode]);
    if (!(await hasCode(address))) throw new StrataError('INTERNAL', `${artifactName} is not at its predicted address ${address}`);
    log(`${chain.alias}: ${artifactName} deployed at ${address}`);
    return address;
  };

  return { chain, request, artifacts, deployer, accounts: options.accounts, contracts, artifact, send, read, write, deploy, hasCode, log };
}
