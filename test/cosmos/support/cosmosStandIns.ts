/**
 * Stand-ins for Cosmos Hub, Osmosis and Noble (there is no Cosmos node on our machines): recorded chains that answer
 * the real cosmjs clients over HTTP, with accounts whose sequence moves on each accepted transaction, simulation,
 * Osmosis pools, and a relayer of our own that, on a broadcast MsgTransfer, writes the packet's transactions in the
 * shapes ibc-go emits (send_packet on the source; recv_packet + write_acknowledgement on the destination;
 * acknowledge_packet back on the source), and, on a MsgSwapExactAmountIn, the pool's token_swapped.
 */
import { decodeTxRaw } from '@cosmjs/proto-signing';
import { MsgTransfer } from 'cosmjs-types/ibc/applications/transfer/v1/tx';
import type { CaipChainId } from '../../../shared/domain/chain';
import { cosmosChains } from '../../../electron/services/chains/cosmosChains';
import { transferChannel } from '../../../electron/services/cosmos/ibc/ibcChannels';
import { MsgSwapExactAmountInType } from '../../../electron/services/cosmos/osmosis/poolManagerTypes';
import { createCosmosRpc, type CosmosRpc } from '../../../electron/services/cosmos/rpc/createCosmosRpc';
import { OSMOSIS_POOLS } from '../../../electron/services/swap/osmosisPoolManager/osmosisPools';
import { acknowledgePacketTxEvents, osmosisSwapTxEvents, recvPacketTxEvents, sendPacketTxEvents, type IbcGoRelease, type PacketFields, type PlainEvent } from './ibcEvents';
import { estimateRoute, type PoolReserves } from './osmosisPoolsApp';
import { startRecordedChain, type RecordedChain } from './recordedChain';
import { appRouter, baseAccountAny, simulateRoute, type QueryHandler } from './scriptedCosmosApp';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { BinaryReader } from 'cosmjs-types/binary';

export const STAND_IN_ALIASES = ['cosmoshub', 'osmosis', 'noble'] as const;

export interface StandIns {
  chains: Record<(typeof STAND_IN_ALIASES)[number], RecordedChain>;
  byId(id: CaipChainId): RecordedChain | undefined;
  /** One client per stand-in chain; RPC_UNAVAILABLE-like failure for any other chain. */
  rpcOf(id: CaipChainId): CosmosRpc;
  /** Account sequences by address (they move on each accepted transaction). */
  sequences: Map<string, bigint>;
  /** What the relayer does with the next packets: acknowledge (ok / error) or nothing (the packet stays in flight). */
  relay: { mode: 'ack' | 'error' | 'none'; ibcGo?: IbcGoRelease };
  /** Messages the stand-ins accepted, by type URL, in order. */
  accepted: string[];
  close(): Promise<void>;
}

export const STAND_IN_RESERVES: PoolReserves = {
  1: { uosmo: 10_000_000_000n, 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2': 1_000_000_000n },
  1464: { uosmo: 20_000_000_000n, 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4': 10_000_000_000n },
  1282: { 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2': 1_000_000_000n, 'ibc/498A0751C798A0D9A389AA3691123DADA57DAA4FE165D5C75894505B876BA6E4': 5_000_000_000n },
  678: { uosmo: 2_000_000_000n, 'ibc/D189335C6E4A68B513C10AB227BF1C1D38C746766278BA3EEB4FB14124F1D858': 1_000_000_000n },
};

const NETWORKS = { cosmoshub: 'cosmoshub-4', osmosis: 'osmosis-1', noble: 'noble-1' } as const;

export async function startCosmosStandIns(options: { gasUsed?: bigint } = {}): Promise<StandIns> {
  const all = cosmosChains();
  const sequences = new Map<string, bigint>();
  const relay: StandIns['relay'] = { mode: 'ack' };
  const accepted: string[] = [];
  let packetSequence = 100n;
  const accountsRoute: Record<string, QueryHandler> = {
    '/cosmos.auth.v1beta1.Query/Account': (data) => {
      const { address } = QueryAccountRequest.decode(data);
      const sequence = sequences.get(address);
      if (sequence === undefined) return { code: 22, codespace: 'sdk', log: `rpc error: code = NotFound desc = account ${address} not found: key not found` };
      return { value: QueryAccountResponse.encode({ account: baseAccountAny(address, 77n, sequence) }).finish() };
    },
  };
  const chains = {} as StandIns['chains'];
  const byId = (id: CaipChainId) => Object.values(chains).find((c) => `cosmos:${c.network}` === id);
  const onBroadcast = (alias: (typeof STAND_IN_ALIASES)[number]) => (tx: Uint8Array, chain: RecordedChain) => {
    const decoded = decodeTxRaw(tx);
    const msg = decoded.body.messages[0];
    if (msg === undefined) return { code: 2, codespace: 'sdk', log: 'no message' };
    // Replays of known bytes are the mempool cache's business.
    if (chain.txs.some((t) => Buffer.from(t.tx).equals(Buffer.from(tx)))) return { code: 19, codespace: 'sdk', log: 'tx already in mempool' };
    const signerSequence = decoded.authInfo.signerInfos[0]?.sequence ?? 0n;
    const events: PlainEvent[] = [];
    let sender = '';
    if (msg.typeUrl === '/ibc.applications.transfer.v1.MsgTransfer') {
      const transfer = MsgTransfer.decode(msg.value);
      sender = transfer.sender;
      const source = all.find((c) => c.id === `cosmos:${chain.network}`)!;
      const destAlias = STAND_IN_ALIASES.find((a) => a !== alias && transferChannel(source, all.find((c) => c.alias === a)!)?.sourceChannel === transfer.sourceChannel);
      const channel = destAlias === undefined ? undefined : transferChannel(source, all.find((c) => c.alias === destAlias)!);
      if (channel === undefined || destAlias === undefined) return { code: 1, codespace: 'channel', log: 'channel not found' };
      packetSequence += 1n;
      const packet: PacketFields = {
        sequence: packetSequence.toString(),
        srcChannel: channel.sourceChannel,
        dstChannel: channel.destChannel,
        timeoutHeight: `${transfer.timeoutHeight.revisionNumber}-${transfer.timeoutHeight.revisionHeight}`,
        timeoutTimestamp: transfer.timeoutTimestamp.toString(),
        data: { denom: transfer.token.denom, amount: transfer.token.amount, sender: transfer.sender, receiver: transfer.receiver, memo: transfer.memo },
      };
      const release = relay.ibcGo ?? 'v8';
      events.push(...sendPacketTxEvents(packet, 'escrow', release));
      const mode = relay.mode;
      queueMicrotask(() => {
        if (mode === 'none') return;
        const ack = mode === 'ack' ? ({ ok: true } as const) : ({ error: 'ABCI code: 1: error handling packet' } as const);
        chains[destAlias].record(recvPacketTxEvents(packet, { ack }, release));
        chain.record(acknowledgePacketTxEvents(packet, ack));
      });
    } else if (msg.typeUrl === '/osmosis.poolmanager.v1beta1.MsgSwapExactAmountIn') {
      const swap = MsgSwapExactAmountInType.decode(new BinaryReader(msg.value));
      sender = swap.sender;
      let amount = BigInt(swap.tokenIn.amount);
      let denom = swap.tokenIn.denom;
      for (const route of swap.routes) {
        const pool = STAND_IN_RESERVES[route.poolId.toString()]!;
        const feeBps = BigInt(OSMOSIS_POOLS.find((p) => p.poolId === route.poolId)?.spreadFactorBps ?? 20);
        const effective = (amount * (10_000n - feeBps)) / 10_000n;
        amount = (pool[route.tokenOutDenom]! * effective) / (pool[denom]! + effective);
        denom = route.tokenOutDenom;
      }
      if (amount < BigInt(swap.tokenOutMinAmount)) return { code: 7, codespace: 'poolmanager', log: 'token is lesser than min amount' };
      events.push(...osmosisSwapTxEvents(swap.sender, swap.routes.map((r) => r.poolId).join(','), `${swap.tokenIn.amount}${swap.tokenIn.denom}`, `${amount}${denom}`));
    } else {
      return { code: 6, codespace: 'sdk', log: `unknown message ${msg.typeUrl}` };
    }
    if (sequences.get(sender) !== signerSequence) return { code: 32, codespace: 'sdk', log: 'account sequence mismatch' };
    sequences.set(sender, signerSequence + 1n);
    accepted.push(msg.typeUrl);
    chain.record(events, { tx });
    return {};
  };
  for (const alias of STAND_IN_ALIASES) {
    chains[alias] = await startRecordedChain({
      network: NETWORKS[alias],
      // Cosmos Hub answers like an old Tendermint 0.34 node (base64 event attributes).
      version: alias === 'cosmoshub' ? '0.34.27' : '0.38.17',
      abciQuery: appRouter({ ...accountsRoute, ...simulateRoute({ gasUsed: options.gasUsed ?? 100_000n }), ...(alias === 'osmosis' ? estimateRoute(STAND_IN_RESERVES) : {}) }),
      onBroadcast: onBroadcast(alias),
    });
  }
  const clients = new Map<CaipChainId, CosmosRpc>();
  return {
    chains,
    byId,
    rpcOf(id) {
      let client = clients.get(id);
      if (client === undefined) {
        const chain = all.find((c) => c.id === id)!;
        // A chain without a stand-in gets an endpoint nobody listens on: RPC_UNAVAILABLE, as offline.
        client = createCosmosRpc([byId(id)?.url ?? 'http://127.0.0.1:9/'], chain, { timeoutMs: 2_000 });
        clients.set(id, client);
      }
      return client;
    },
    sequences,
    relay,
    accepted,
    close: async () => {
      await Promise.all(Object.values(chains).map((c) => c.close()));
    },
  };
}
