import type { EncodeObject } from '@cosmjs/proto-signing';
import type { AssetInfo } from '../../../shared/domain/asset';
import type { ChainInfo } from '../../../shared/domain/chain';
import type { FeeTier as TierName } from '../../../shared/domain/send';
import { StrataError } from '../../../shared/errors';
import { nativeAssetOf } from '../assets/nativeAsset';
import type { ChainAdapter, ChainEndpoint, DigestSigner, PreparedTransfer, SentTransfer, TransactionStatus } from '../chains/chainAdapter';
import type { CosmosSigner } from './cosmosSigner';
import { assertFeeCoversMinimum } from './fees/assertFeeCoversMinimum';
import { estimateCosmosFees } from './fees/estimateCosmosFees';
import { queryChainGasPrice } from './fees/queryChainGasPrice';
import type { FeeTiers } from './fees/feeTiers';
import { getCosmosAccount } from './queries/getCosmosAccount';
import { getCosmosBalances } from './queries/getCosmosBalances';
import { processChainClients, type ChainClients } from '../chains/chainClients';
import type { CosmosRpc } from './rpc/createCosmosRpc';
import { assertSufficientFunds } from './tx/assertSufficientFunds';
import { broadcastAndWait, lookUpTx } from './tx/broadcastAndWait';
import { buildMsgSend } from './tx/buildMsgSend';
import { signCosmosTx } from './tx/signCosmosTx';
import { txFailure } from './tx/txFailure';
import { cosmosTxHash } from './tx/txHash';

interface CosmosUnsigned {
  msg: EncodeObject;
  gas: bigint;
  tiers: FeeTiers;
  accountNumber: bigint;
  sequence: bigint;
}

/** The Cosmos family behind the common ChainAdapter interface, over the cosmjs-based services in this folder. */
export function createCosmosAdapter(options: { rpc?: (target: ChainEndpoint) => CosmosRpc; clients?: ChainClients } = {}): ChainAdapter {
  const clients = options.clients ?? processChainClients;
  const rpcFor = options.rpc ?? ((target: ChainEndpoint) => clients.cosmos(target));

  async function prepare(target: ChainEndpoint, request: { from: string; publicKey: Uint8Array | null; to: string; asset: AssetInfo; amount: bigint; tier: TierName }): Promise<PreparedTransfer> {
    if (!request.publicKey) throw new StrataError('INVALID_INPUT', 'A watch-only account cannot send');
    const client = rpcFor(target);
    try {
      const denom = denomOf(target.chain, request.asset);
      const msg = buildMsgSend(target.chain, { from: request.from, to: request.to, amount: request.amount, denom });
      const balances = await getCosmosBalances(client, target.chain, request.from);
      assertSufficientFunds(balances, [{ denom, amount: request.amount }]);
      const account = await getCosmosAccount(client, target.chain, request.from);
      if (account === null) throw new StrataError('INSUFFICIENT_FUNDS', 'This account has never received funds on this chain');
      const estimate = await estimateCosmosFees(client, target.chain, [msg], request.publicKey, { sequence: account.sequence });
      const fee = estimate.tiers[request.tier];
      assertSufficientFunds(balances, [{ denom, amount: request.amount }], fee);
      const unsigned: CosmosUnsigned = { msg, gas: estimate.gas, tiers: estimate.tiers, accountNumber: account.accountNumber, sequence: account.sequence };
      return {
        chain: target.chain,
        from: request.from,
        // the recipient as the message carries it (lower-case bech32), not as typed: the review and the journal
        // show what is signed
        to: msg.value.toAddress ?? request.to,
        asset: request.asset,
        amount: request.amount,
        tier: request.tier,
        fees: { slow: estimate.tiers.slow.amount, normal: estimate.tiers.normal.amount, fast: estimate.tiers.fast.amount },
        feeAsset: nativeAssetOf(target.chain),
        nonce: account.sequence,
        unsigned,
      };
    } finally {
      client.disconnect();
    }
  }

  return {
    async getBalances(target, addresses, assets) {
      const client = rpcFor(target);
      try {
        const rows: bigint[][] = [];
        for (const address of addresses) {
          const balances = await getCosmosBalances(client, target.chain, address);
          rows.push(assets.map((asset) => balances.find((b) => b.denom === denomOf(target.chain, asset))?.amount ?? 0n));
        }
        return rows;
      } finally {
        client.disconnect();
      }
    },

    prepareTransfer: prepare,

    async maxSendable(target, request) {
      const client = rpcFor(target);
      try {
        const denom = denomOf(target.chain, request.asset);
        const balance = (await getCosmosBalances(client, target.chain, request.from)).find((b) => b.denom === denom)?.amount ?? 0n;
        if (denom !== target.chain.nativeAsset.denom || balance === 0n || !request.publicKey) return balance;
        // The fee depends on the amount only through gas, which a MsgSend does not vary with: price a send of 1 unit.
        const prepared = await prepare(target, { ...request, to: request.to ?? request.from, amount: 1n });
        const max = balance - prepared.fees[request.tier];
        return max > 0n ? max : 0n;
      } finally {
        client.disconnect();
      }
    },

    async sendTransfer(target, prepared, signer, sendOptions?: { beforeBroadcast?: (tx: SentTransfer) => Promise<void> }) {
      const unsigned = prepared.unsigned as CosmosUnsigned;
      const fee = unsigned.tiers[prepared.tier];
      // The fee was priced at review time; a fee market may have risen since. Checked again before anything is signed.
      const priceClient = rpcFor(target);
      try {
        assertFeeCoversMinimum(fee, unsigned.gas, await queryChainGasPrice(priceClient, target.chain, fee.denom));
      } finally {
        priceClient.disconnect();
      }
      const signed = await signCosmosTx(cosmosSignerFrom(signer), {
        chain: target.chain,
        msgs: [unsigned.msg],
        fee: { amount: fee.amount === 0n ? [] : [{ denom: fee.denom, amount: fee.amount }], gas: unsigned.gas },
        accountNumber: unsigned.accountNumber,
        sequence: unsigned.sequence,
      });
      // Journaled before the broadcast, under the hash the chain will know it by: a crash after it loses nothing.
      await sendOptions?.beforeBroadcast?.({ hash: cosmosTxHash(signed.txBytes), nonce: unsigned.sequence });
      const client = rpcFor(target);
      try {
        const result = await broadcastAndWait(client, signed.txBytes);
        return { hash: result.hash, nonce: unsigned.sequence };
      } finally {
        client.disconnect();
      }
    },

    async getTransactionStatus(target, hash): Promise<TransactionStatus> {
      const client = rpcFor(target);
      try {
        const found = await client.withNode((node) => lookUpTx(node, hash));
        if (found === null) return { status: 'pending', blockNumber: null, feePaid: null, error: null };
        // Included means charged, failed or not: the fee in the native denom (what the journal's fee counts); a fee
        // paid in another denom is not a native amount, so it stays unknown rather than 0.
        const native = found.fee.find((coin) => coin.denom === target.chain.nativeAsset.denom);
        const feePaid = native !== undefined ? native.amount : found.fee.length === 0 ? 0n : null;
        return {
          status: found.code === 0 ? 'confirmed' : 'failed',
          blockNumber: BigInt(found.height),
          feePaid,
          error: found.code === 0 ? null : txFailure('deliverTx', found, hash.toUpperCase()).message,
        };
      } finally {
        client.disconnect();
      }
    },
  };
}

function denomOf(chain: ChainInfo, asset: AssetInfo): string {
  return asset.ref === 'native' ? chain.nativeAsset.denom : asset.ref;
}


/** The common DigestSigner seen as the Cosmos code's signer (it hashes the sign bytes itself). */
function cosmosSignerFrom(signer: DigestSigner): CosmosSigner {
  const cosmosSigner: CosmosSigner = { pubkey: signer.publicKey, signDigest: async (digest) => (await signer.signDigest(digest)).signature };
  const { signAminoJson } = signer;
  if (signAminoJson) cosmosSigner.signAminoJson = (signBytes) => signAminoJson(signBytes);
  return cosmosSigner;
}
