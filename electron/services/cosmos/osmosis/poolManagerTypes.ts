/**
 * The few Osmosis poolmanager v1beta1 protobuf messages Strata needs, hand-written over cosmjs-types' BinaryWriter /
 * BinaryReader (field numbers from osmosis/proto/osmosis/poolmanager/v1beta1/{swap_route,tx,query}.proto, the same
 * as osmojs' generated code), so that no 20 MB code-generated package is bundled for four messages.
 */
import { BinaryReader, BinaryWriter } from 'cosmjs-types/binary';
import type { AminoConverters } from '@cosmjs/stargate';

export interface SwapAmountInRoute {
  poolId: bigint;
  tokenOutDenom: string;
}

export interface MsgSwapExactAmountIn {
  sender: string;
  routes: SwapAmountInRoute[];
  tokenIn: { denom: string; amount: string };
  tokenOutMinAmount: string;
}

export const MSG_SWAP_EXACT_AMOUNT_IN_TYPE_URL = '/osmosis.poolmanager.v1beta1.MsgSwapExactAmountIn';
export const ESTIMATE_SWAP_EXACT_AMOUNT_IN_PATH = '/osmosis.poolmanager.v1beta1.Query/EstimateSwapExactAmountIn';

/** SwapAmountInRoute { uint64 pool_id = 1; string token_out_denom = 2; } */
const SwapAmountInRoute = {
  encode(route: SwapAmountInRoute, writer: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (route.poolId !== 0n) writer.uint32(8).uint64(route.poolId);
    if (route.tokenOutDenom !== '') writer.uint32(18).string(route.tokenOutDenom);
    return writer;
  },
  decode(reader: BinaryReader, length: number): SwapAmountInRoute {
    const end = reader.pos + length;
    const route: SwapAmountInRoute = { poolId: 0n, tokenOutDenom: '' };
    while (reader.pos < end) {
      const tag = reader.uint32();
      if (tag === 8) route.poolId = reader.uint64();
      else if (tag === 18) route.tokenOutDenom = reader.string();
      else reader.skipType(tag & 7);
    }
    return route;
  },
};

/** Coin { string denom = 1; string amount = 2; } */
function encodeCoin(coin: { denom: string; amount: string }, writer: BinaryWriter): BinaryWriter {
  if (coin.denom !== '') writer.uint32(10).string(coin.denom);
  if (coin.amount !== '') writer.uint32(18).string(coin.amount);
  return writer;
}

function decodeCoin(reader: BinaryReader, length: number): { denom: string; amount: string } {
  const end = reader.pos + length;
  const coin = { denom: '', amount: '' };
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag === 10) coin.denom = reader.string();
    else if (tag === 18) coin.amount = reader.string();
    else reader.skipType(tag & 7);
  }
  return coin;
}

/**
 * MsgSwapExactAmountIn { string sender = 1; repeated SwapAmountInRoute routes = 2; Coin token_in = 3;
 * string token_out_min_amount = 4; } as a cosmjs GeneratedType (encode / decode / fromPartial).
 */
export const MsgSwapExactAmountInType = {
  encode(msg: MsgSwapExactAmountIn, writer: BinaryWriter = BinaryWriter.create()): BinaryWriter {
    if (msg.sender !== '') writer.uint32(10).string(msg.sender);
    for (const route of msg.routes) SwapAmountInRoute.encode(route, writer.uint32(18).fork()).ldelim();
    encodeCoin(msg.tokenIn, writer.uint32(26).fork()).ldelim();
    if (msg.tokenOutMinAmount !== '') writer.uint32(34).string(msg.tokenOutMinAmount);
    return writer;
  },
  decode(input: BinaryReader | Uint8Array, length?: number): MsgSwapExactAmountIn {
    const reader = input instanceof BinaryReader ? input : new BinaryReader(input);
    const end = length === undefined ? reader.len : reader.pos + length;
    const msg = MsgSwapExactAmountInType.fromPartial({});
    while (reader.pos < end) {
      const tag = reader.uint32();
      if (tag === 10) msg.sender = reader.string();
      else if (tag === 18) msg.routes.push(SwapAmountInRoute.decode(reader, reader.uint32()));
      else if (tag === 26) msg.tokenIn = decodeCoin(reader, reader.uint32());
      else if (tag === 34) msg.tokenOutMinAmount = reader.string();
      else reader.skipType(tag & 7);
    }
    return msg;
  },
  fromPartial(object: Partial<MsgSwapExactAmountIn>): MsgSwapExactAmountIn {
    return {
      sender: object.sender ?? '',
      routes: (object.routes ?? []).map((r) => ({ poolId: BigInt(r.poolId ?? 0n), tokenOutDenom: r.tokenOutDenom ?? '' })),
      tokenIn: { denom: object.tokenIn?.denom ?? '', amount: object.tokenIn?.amount ?? '' },
      tokenOutMinAmount: object.tokenOutMinAmount ?? '',
    };
  },
};

/** Amino JSON of MsgSwapExactAmountIn, as Osmosis registers it (`osmosis/poolmanager/swap-exact-amount-in`). */
export function createOsmosisAminoConverters(): AminoConverters {
  return {
    [MSG_SWAP_EXACT_AMOUNT_IN_TYPE_URL]: {
      aminoType: 'osmosis/poolmanager/swap-exact-amount-in',
      toAmino: (msg: MsgSwapExactAmountIn) => ({
        sender: msg.sender,
        routes: msg.routes.map((r) => ({ pool_id: r.poolId.toString(), token_out_denom: r.tokenOutDenom })),
        token_in: { denom: msg.tokenIn.denom, amount: msg.tokenIn.amount },
        token_out_min_amount: msg.tokenOutMinAmount,
      }),
      fromAmino: (json: { sender: string; routes: Array<{ pool_id: string; token_out_denom: string }>; token_in: { denom: string; amount: string }; token_out_min_amount: string }) =>
        MsgSwapExactAmountInType.fromPartial({
          sender: json.sender,
          routes: json.routes.map((r) => ({ poolId: BigInt(r.pool_id), tokenOutDenom: r.token_out_denom })),
          tokenIn: json.token_in,
          tokenOutMinAmount: json.token_out_min_amount,
        }),
    },
  };
}

/**
 * EstimateSwapExactAmountInRequest { reserved 1 (sender); uint64 pool_id = 2; string token_in = 3;
 * repeated SwapAmountInRoute routes = 4; } with token_in as coin text (`1000000uosmo`).
 */
export function encodeEstimateSwapExactAmountIn(request: { poolId: bigint; tokenIn: string; routes: readonly SwapAmountInRoute[] }): Uint8Array {
  const writer = BinaryWriter.create();
  if (request.poolId !== 0n) writer.uint32(16).uint64(request.poolId);
  writer.uint32(26).string(request.tokenIn);
  for (const route of request.routes) SwapAmountInRoute.encode(route, writer.uint32(34).fork()).ldelim();
  return writer.finish();
}

/** EstimateSwapExactAmountInResponse { string token_out_amount = 1; } (a cosmos.Int as decimal text). */
export function decodeEstimateSwapExactAmountIn(bytes: Uint8Array): string {
  const reader = new BinaryReader(bytes);
  let amount = '';
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag === 10) amount = reader.string();
    else reader.skipType(tag & 7);
  }
  return amount;
}

/** The test double's side of the query: the response bytes for an amount (also what a node sends). */
export function encodeEstimateSwapExactAmountInResponse(tokenOutAmount: string): Uint8Array {
  return BinaryWriter.create().uint32(10).string(tokenOutAmount).finish();
}
