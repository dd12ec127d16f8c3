import { z } from 'zod';
import { AssetInfo, BaseUnits } from './asset';
import { CaipChainId } from './chain';
import { Route } from './route';

/**
 * One step's state. EVM calls of a step (approval, then action) each go signed -> submitted; the step is `signed`
 * while its current call is signed and not yet known to be broadcast, `submitted` while it waits for the receipt.
 * `confirmed` is final for swaps; bridge steps (a tracker) go on to `delivering` -> `delivered`.
 */
export const StepState = z.enum(['pending', 'signed', 'submitted', 'confirmed', 'delivering', 'delivered', 'failed']);
export type StepState = z.infer<typeof StepState>;

/**
 * Legal step transitions. `submitted -> signed` is the next call of a multi-call step (its previous call confirmed);
 * `signed -> confirmed|failed` happens on resume when the journaled transaction is found mined already.
 */
export const STEP_TRANSITIONS: Readonly<Record<StepState, readonly StepState[]>> = {
  pending: ['signed', 'confirmed', 'failed'],
  signed: ['submitted', 'confirmed', 'failed'],
  submitted: ['signed', 'confirmed', 'failed'],
  confirmed: ['delivering'],
  delivering: ['delivered', 'failed'],
  delivered: [],
  failed: [],
};

export const TransferStatus = z.enum(['running', 'completed', 'failed', 'needs-attention']);
export type TransferStatus = z.infer<typeof TransferStatus>;

export const TRANSFER_TRANSITIONS: Readonly<Record<TransferStatus, readonly TransferStatus[]>> = {
  running: ['completed', 'failed', 'needs-attention'],
  completed: [],
  failed: [],
  'needs-attention': [],
};

/** What the user can do about a failed step. */
export const FailureAction = z.enum(['retry', 'refund-pending', 'contact-support', 'none']);
export type FailureAction = z.infer<typeof FailureAction>;

/** Where the funds of a failed transfer are now: data for the UI, and `summary` in words. */
export const FundsAt = z.strictObject({
  chain: CaipChainId,
  asset: AssetInfo,
  address: z.string().min(1).max(128),
  /** base units, when known */
  amount: BaseUnits.nullable(),
});
export type FundsAt = z.infer<typeof FundsAt>;

export const StepFailure = z.strictObject({
  /** reverted: receipt status 0; refused: the node or the step would not take it; dropped: replaced or lost; delivery: the bridge reports failure */
  reason: z.enum(['reverted', 'refused', 'dropped', 'delivery']),
  message: z.string().max(500),
  fundsAt: FundsAt,
  action: FailureAction,
  /** "where the funds are now", in words */
  summary: z.string().max(500),
});
export type StepFailure = z.infer<typeof StepFailure>;

const Hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
/** 0x hex (EVM), or bare hex (Cosmos, upper-case as CometBFT writes it: txHashText; older journals have 0x) */
const TxHash = z.string().regex(/^(0x)?[0-9a-fA-F]{1,128}$/);

/** One signed transaction of a step. `raw` is kept so a resume re-broadcasts the very same bytes (same hash). */
export const CallRecord = z.strictObject({
  label: z.string().max(64),
  chain: CaipChainId,
  from: z.string(),
  nonce: BaseUnits,
  hash: TxHash,
  raw: Hex,
  state: z.enum(['signed', 'submitted', 'confirmed', 'failed']),
  blockNumber: BaseUnits.nullable(),
  signedAt: z.number().int(),
});
export type CallRecord = z.infer<typeof CallRecord>;

export const StepRecord = z.strictObject({
  index: z.number().int().nonnegative(),
  state: StepState,
  calls: z.array(CallRecord),
  /** the actual input (the previous step's actual output; the route's amount for the first step) */
  amountIn: BaseUnits,
  /** the actual output, when the step could tell (a swap's output from its logs) */
  amountOut: BaseUnits.nullable(),
  /** when the step left `pending`, ms */
  startedAt: z.number().int().nullable(),
  updatedAt: z.number().int(),
  /** the route's eta of the step */
  expectedSeconds: z.number().int().nonnegative(),
  /** waiting for confirmation or delivery for longer than expected × the delay factor (the UI says "delayed") */
  delayed: z.boolean(),
  /** while delayed in flight, the bridge's own words on why (optional: older journals have none) */
  note: z.string().max(300).optional(),
  /** a bridge send's key for its tracker (LayerZero: the destination block to scan from), journaled so a resume keeps it (optional: older journals have none) */
  trackingKey: z.string().max(200).optional(),
  failure: StepFailure.nullable(),
});
export type StepRecord = z.infer<typeof StepRecord>;

export const Transfer = z.strictObject({
  id: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** the route as the user confirmed it */
  route: Route,
  /** the vault account that signs every step (absent for transfers whose runners are injected, as in tests) */
  accountId: z.string().min(1).max(64).optional(),
  status: TransferStatus,
  steps: z.array(StepRecord).min(1),
});
export type Transfer = z.infer<typeof Transfer>;

export const TRANSFER_FILE_VERSION = 1;

export const TransferFile = z.strictObject({
  version: z.literal(TRANSFER_FILE_VERSION),
  transfers: z.array(Transfer),
});
