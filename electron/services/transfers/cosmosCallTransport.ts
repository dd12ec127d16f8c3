import type { EncodeObject } from '@cosmjs/proto-signing';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { addressFromPublicKey } from '../../../shared/addresses/addressFromPublicKey';
import type { ChainInfo } from '../../../shared/domain/chain';
import { StrataError } from '../../../shared/errors';
import type { ChainEndpoint } from '../chains/chainAdapter';
import type { CosmosSigner } from '../cosmos/cosmosSigner';
import { estimateCosmosFees } from '../cosmos/fees/estimateCosmosFees';
import type { FeeTierName, GasPriceConfig } from '../cosmos/fees/feeTiers';
import { getCosmosAccount } from '../cosmos/queries/getCosmosAccount';
import { processChainClients, type ChainClients } from '../chains/chainClients';
import type { CosmosRpc } from '../cosmos/rpc/createCosmosRpc';
import { RpcResponseError } from '../cosmos/rpc/jsonRpcTransport';
import { lookUpTx, type FoundTx } from '../cosmos/tx/broadcastAndWait';
import { cosmosEventsAsLogs, cosmosEventsOfLogs, parseCoinText } from '../cosmos/tx/eventLogs';
import { signCosmosTx, type CosmosSignMode } from '../cosmos/tx/signCosmosTx';
import { safeText, txFailure } from '../cosmos/tx/txFailure';
import { cosmosTxHash } from '../cosmos/tx/txHash';
import { vaultCosmosSigner, type VaultSigningPort } from '../cosmos/vaultCosmosSigner';
import type { CosmosStepCall } from '../routing/routingTypes';
import type { CallReceipt, CallStatus, CallTransport, UnsignedCall } from './stepRunner';

/** A step call that carries one Cosmos message (the EVM fields stay empty): what cosmosCallTransport signs. */
export interface CosmosTransportCall extends UnsignedCall {
  cosmos: EncodeObject;
}

/** The executor's call for a provider's Cosmos message. */
export function cosmosTransportCall(call: CosmosStepCall): CosmosTransportCall {
  return { label: call.label, to: '', data: '0x', value: 0n, cosmos: { typeUrl: call.typeUrl, value: call.value } };
}

export interface CosmosCallTransportOptions {
  chain: ChainInfo;
  rpc: CosmosRpc;
  /** the vault's key for this chain (vaultCosmosSigner: the chain's coin type and key scheme) */
  signer: CosmosSigner;
  /** default normal */
  tier?: FeeTierName;
  /** for a chain outside the bundled registry */
  gasPrices?: GasPriceConfig;
  /** default direct */
  signMode?: CosmosSignMode;
}

/** The SDK's ErrTxInMempoolCache: the node already has this very transaction. */
const ALREADY_IN_MEMPOOL = 19;

/**
 * A CallTransport for one Cosmos chain and one vault account: the account's number and sequence from the auth
 * module, gas by the chain's simulation (× 1.3) priced at the tier's gas price from chain-registry, signed through the
 * injected signer in the chain's key scheme (secp256k1, or eth_secp256k1 on Injective), TxRaw bytes journaled as
 * `raw` (0x hex) under their CometBFT hash. Broadcast is `broadcast_tx_sync`, idempotent (a node that has the bytes
 * counts as accepted); status looks the hash up, and a sequence used by another transaction means `replaced`.
 * Receipts carry the transaction's events (cosmosEventsAsLogs).
 */
export function cosmosCallTransport(options: CosmosCallTransportOptions): CallTransport {
  const { chain, rpc, signer } = options;
  const from = addressFromPublicKey(signer.pubkey, chain);
  return {
    chain: chain.id,
    from,
    async sign(call) {
      const msg = (call as Partial<CosmosTransportCall>).cosmos;
      if (msg === undefined) throw new StrataError('INVALID_INPUT', `${chain.name} signs Cosmos messages only`);
      const account = await getCosmosAccount(rpc, chain, from);
      if (account === null) throw new StrataError('INSUFFICIENT_FUNDS', `This account has never received funds on ${chain.name}`);
      const estimate = await estimateCosmosFees(rpc, chain, [msg], signer.pubkey, { sequence: account.sequence, gasPrices: options.gasPrices });
      const fee = estimate.tiers[options.tier ?? 'normal'];
      const signed = await signCosmosTx(signer, {
        chain,
        msgs: [msg],
        // A zero coin is not a valid fee coin: a free devnet takes an empty fee.
        fee: { amount: fee.amount === 0n ? [] : [{ denom: fee.denom, amount: fee.amount }], gas: estimate.gas },
        accountNumber: account.accountNumber,
        sequence: account.sequence,
        signMode: options.signMode,
      });
      return { chain: chain.id, from, nonce: account.sequence, hash: `0x${signed.hash}`, raw: `0x${bytesToHex(signed.txBytes)}` };
    },
    async broadcast(signed) {
      const tx = hexToBytes(signed.raw.replace(/^0x/i, ''));
      const hash = cosmosTxHash(tx);
      if (hash !== plainHash(signed.hash)) throw new StrataError('INTERNAL', 'The journaled transaction does not match its hash');
      const checkTx = await rpc.withNode(async (node) => {
        try {
          const response = await node.comet.broadcastTxSync({ tx });
          return { code: response.code, codespace: response.codespace ?? '', log: response.log ?? '' };
        } catch (error) {
          // CometBFT refuses bytes its mempool cache holds before the app sees them: the node has them.
          if (error instanceof RpcResponseError && /already exists in cache/i.test(error.dataText)) return { code: 0, codespace: '', log: '' };
          if (error instanceof RpcResponseError) throw new StrataError('TX_REJECTED', 'The node refused the transaction', { details: safeText(`hash=${hash} ${error.rpcMessage} ${error.dataText}`, 300) });
          throw error;
        }
      });
      if (checkTx.code === 0 || (checkTx.code === ALREADY_IN_MEMPOOL && (checkTx.codespace === '' || checkTx.codespace === 'sdk'))) return;
      throw txFailure('checkTx', checkTx, hash);
    },
    async status(record): Promise<CallStatus> {
      const hash = plainHash(record.hash);
      const found = await rpc.withNode((node) => lookUpTx(node, hash));
      if (found !== null) return { kind: 'mined', receipt: receiptOf(found) };
      const account = await getCosmosAccount(rpc, chain, record.from);
      if (account !== null && account.sequence > BigInt(record.nonce)) {
        // Looked up once more: the transaction may have been included between the two reads.
        const again = await rpc.withNode((node) => lookUpTx(node, hash));
        return again === null ? { kind: 'replaced' } : { kind: 'mined', receipt: receiptOf(again) };
      }
      return { kind: 'unknown' };
    },
  };
}

/**
 * The transport of a vault account on a Cosmos chain over its configured endpoints.
 * @throws VAULT_LOCKED, ACCOUNT_NOT_FOUND, INVALID_INPUT (watch-only), RPC_UNAVAILABLE (no endpoint)
 */
export function vaultCosmosCallTransport(vault: VaultSigningPort, accountId: string, target: ChainEndpoint, clients: ChainClients = processChainClients): CallTransport {
  return cosmosCallTransport({ chain: target.chain, rpc: clients.cosmos(target), signer: vaultCosmosSigner(vault, accountId, target.chain) });
}

/** A Cosmos result as the executor's receipt: its events as logs (cosmosEventsAsLogs). */
function receiptOf(found: FoundTx): CallReceipt {
  return { status: found.code === 0 ? 1 : 0, blockNumber: BigInt(found.height), logs: cosmosEventsAsLogs(found.events) };
}

/** What an Osmosis swap paid out in `denom`: the last `token_swapped` event's tokens_out (the final hop). */
export function cosmosSwapAmountOut(receipt: CallReceipt, denom: string): bigint | null {
  const swapped = cosmosEventsOfLogs(receipt.logs).filter((e) => e.type === 'token_swapped');
  const last = swapped[swapped.length - 1];
  const coin = parseCoinText(last?.attributes.find((a) => a.key === 'tokens_out')?.value ?? '');
  return coin !== null && coin.denom === denom ? coin.amount : null;
}

function plainHash(hash: string): string {
  return hash.replace(/^0x/i, '').toUpperCase();
}
