import type { Abi } from 'viem';
import type { DevnetAlias } from '../devnetSpec';
import type { RpcRequest } from '../jsonRpc';
import type { CompiledContracts, ContractArtifact } from '../solidity/compileContracts';

export type Address = `0x${string}`;
export type Hex = `0x${string}`;

/** A mined transaction's receipt fields the steps use. */
export interface DeployReceipt {
  transactionHash: Hex;
  blockNumber: bigint;
  gasUsed: bigint;
  contractAddress: Address | null;
}

/**
 * What a deploy step sees of one chain. Transactions come from the devnet deployer (m/44'/60'/0'/0/20), signed
 * locally; `contracts` collects the addresses earlier steps registered (`contracts.usdc`, ...).
 */
export interface DeployContext {
  chain: { alias: DevnetAlias; chainId: number };
  request: RpcRequest;
  artifacts: CompiledContracts;
  deployer: Address;
  /** The funded user accounts, index 0 first. */
  accounts: Address[];
  contracts: Record<string, Address>;
  artifact(name: string): ContractArtifact;
  /** Signs and sends a transaction from the deployer, waits for its receipt; a revert is TX_FAILED. */
  send(tx: { to?: Address; data?: Hex; value?: bigint }): Promise<DeployReceipt>;
  /** eth_call of a view function; returns the decoded result. */
  read<T = unknown>(address: Address, abi: Abi | readonly unknown[], functionName: string, args?: readonly unknown[]): Promise<T>;
  /** Sends a function call from the deployer. */
  write(address: Address, abi: Abi | readonly unknown[], functionName: string, args?: readonly unknown[], value?: bigint): Promise<DeployReceipt>;
  /**
   * Deploys `artifactName` with constructor `args` through the CREATE2 factory under `salt`, unless code already
   * exists at the predicted address. The address depends only on salt, bytecode and args: equal on every chain.
   */
  deploy(salt: string, artifactName: string, args?: readonly unknown[]): Promise<Address>;
  hasCode(address: Address): Promise<boolean>;
  log(message: string): void;
}

/**
 * One small, ordered, idempotent piece of the devnet's setup. A step reads the chain first and only sends what is
 * missing, so running the list again on a chain where it already ran changes nothing.
 */
export interface DeployStep {
  /** Unique and stable; names the step in logs and errors. */
  name: string;
  run(ctx: DeployContext): Promise<void>;
}
