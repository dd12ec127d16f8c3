/**
 * Osmosis' poolmanager `EstimateSwapExactAmountIn` answered from constant-product reserves with the table's spread
 * factor taken from each hop's input (what a balancer pool computes), decoded and encoded with hand-written protobuf
 * independent of the code under test. Unknown pools answer as Osmosis does (code 1, "pool not found").
 */
import { BinaryReader } from 'cosmjs-types/binary';
import { OSMOSIS_POOLS } from '../../../electron/services/swap/osmosisPoolManager/osmosisPools';
import type { AbciAnswer } from './scriptedCometNode';
import { accountRoute, appRouter, simulateRoute, type QueryHandler } from './scriptedCosmosApp';
import type { Any } from 'cosmjs-types/google/protobuf/any';

export type PoolReserves = Record<string, Record<string, bigint>>;

export function estimateRoute(reserves: PoolReserves, seen: string[] = []): Record<string, QueryHandler> {
  return {
    '/osmosis.poolmanager.v1beta1.Query/EstimateSwapExactAmountIn': (data): AbciAnswer => {
      const reader = new BinaryReader(data);
      let tokenIn = '';
      const routes: Array<{ poolId: bigint; out: string }> = [];
      while (reader.pos < reader.len) {
        const tag = reader.uint32();
        if (tag === 26) tokenIn = reader.string();
        else if (tag === 34) {
          const end = reader.uint32() + reader.pos;
          const route = { poolId: 0n, out: '' };
          while (reader.pos < end) {
            const t = reader.uint32();
            if (t === 8) route.poolId = reader.uint64();
            else if (t === 18) route.out = reader.string();
            else reader.skipType(t & 7);
          }
          routes.push(route);
        } else reader.skipType(tag & 7);
      }
      seen.push(tokenIn);
      const match = /^([0-9]+)(.+)$/.exec(tokenIn);
      if (!match) return { code: 3, codespace: 'sdk', log: 'invalid coin' };
      let amount = BigInt(match[1]!);
      let denom = match[2]!;
      for (const route of routes) {
        const pool = reserves[route.poolId.toString()];
        const feeBps = BigInt(OSMOSIS_POOLS.find((p) => p.poolId === route.poolId)?.spreadFactorBps ?? 20);
        const x = pool?.[denom];
        const y = pool?.[route.out];
        if (x === undefined || y === undefined) return { code: 1, codespace: 'poolmanager', log: `failed to find route for pool id (${route.poolId})` };
        const effective = (amount * (10_000n - feeBps)) / 10_000n;
        amount = (y * effective) / (x + effective);
        denom = route.out;
      }
      const out = amount.toString();
      return { value: Uint8Array.from([10, out.length, ...Buffer.from(out, 'utf8')]) };
    },
  };
}

/** The abci_query answers of an Osmosis stand-in: pools, and optionally accounts and simulation. */
export function osmosisPoolsApp(reserves: PoolReserves, accounts: Record<string, Any> = {}, gasUsed = 180_000n): (path: string, data: Uint8Array) => AbciAnswer {
  return appRouter({ ...estimateRoute(reserves), ...accountRoute(accounts), ...simulateRoute({ gasUsed }) });
}
