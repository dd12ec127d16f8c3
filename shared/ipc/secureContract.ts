/**
 * The contract of the secure window: a small, separate window owned by main in which a recovery phrase is shown
 * (create, reveal) or typed (import). The app renderer never receives these secrets; it learns only that a secure
 * session became ready. Main answers these methods only to the secure window's own webContents.
 */
import { z } from 'zod';
import { AssetInfo, BaseUnits } from '../domain/asset';
import { CaipChainId } from '../domain/chain';
import { RouteStep } from '../domain/route';
import type { Envelope } from './contract';

/**
 * What the secure window shows before a send is signed: built by main from the prepared transfer it will sign (never
 * from anything the app renderer sent), so a compromised app window cannot make it say something else.
 */
export const SendConfirmation = z.strictObject({
  chain: CaipChainId,
  chainName: z.string(),
  accountLabel: z.string(),
  from: z.string(),
  to: z.string(),
  asset: AssetInfo,
  amount: BaseUnits,
  /** the most the network fee can cost at the reviewed tier, in feeAsset */
  maxFee: BaseUnits,
  feeAsset: AssetInfo,
  /** the wallet has never sent to this address on this chain */
  firstTimeRecipient: z.boolean(),
  /** the confirmation must carry the vault password */
  passwordRequired: z.boolean(),
});
export type SendConfirmation = z.infer<typeof SendConfirmation>;

/**
 * What the secure window shows before a cross-chain transfer starts: main's kept quote of the route it will run
 * (every step's chains, assets, amount in, minimum out, fees and price impact), never the app renderer's copy.
 */
export const TransferConfirmation = z.strictObject({
  accountLabel: z.string(),
  steps: z.array(RouteStep).min(1),
  amountIn: BaseUnits,
  minAmountOut: BaseUnits,
  priceImpactBps: z.number().int().nonnegative(),
  totalFeesUsd: z.string().nullable(),
  /** what the route can lose in USD and basis points (fees, price impact and slippage: Route.valueLostUsd), null unpriced */
  valueLostUsd: z.string().nullable().optional(),
  valueLostBps: z.number().int().nonnegative().nullable().optional(),
  /** the loss the user accepted in the review for a route losing more than 15%, basis points; null when none was needed */
  acceptedLossBps: z.number().int().nonnegative().nullable().optional(),
  passwordRequired: z.boolean(),
});
export type TransferConfirmation = z.infer<typeof TransferConfirmation>;

/**
 * What the secure window shows before a rebalancing plan runs: main's kept plan (every trade's account, what it sells
 * and buys, amounts, route steps, minimum received, fees, price impact) and the plan's total cost.
 */
export const RebalanceConfirmation = z.strictObject({
  planId: z.string(),
  trades: z
    .array(
      z.strictObject({
        accountLabel: z.string(),
        steps: z.array(RouteStep).min(1),
        amountIn: BaseUnits,
        minAmountOut: BaseUnits,
        priceImpactBps: z.number().int().nonnegative(),
        /** the trade's value in USD and its fees in USD (null when some fee has no price) */
        usd: z.string(),
        feesUsd: z.string().nullable(),
      }),
    )
    .min(1),
  /** trades already started (a paused plan); only the others are signed */
  alreadyStarted: z.number().int().nonnegative(),
  totalCostUsd: z.string().nullable(),
  passwordRequired: z.boolean(),
});
export type RebalanceConfirmation = z.infer<typeof RebalanceConfirmation>;

/**
 * What the secure window shows before a change that weakens the wallet's protection is applied (#12): auto-lock off or
 * above 60 minutes, removing an account that holds an imported key (its key leaves the vault), replacing a chain's
 * RPC endpoints (they decide what the wallet believes about balances and receipts).
 */
export const SettingConfirmation = z.discriminatedUnion('change', [
  /** toMinutes 0 = auto-lock off */
  z.strictObject({ change: z.literal('auto-lock'), fromMinutes: z.number().int().nonnegative(), toMinutes: z.number().int().nonnegative() }),
  z.strictObject({ change: z.literal('remove-account'), accountLabel: z.string(), address: z.string() }),
  z.strictObject({ change: z.literal('replace-rpc'), chain: CaipChainId, chainName: z.string(), from: z.array(z.string()), to: z.array(z.string()) }),
]);
export type SettingConfirmation = z.infer<typeof SettingConfirmation>;

export const SecureView = z.discriminatedUnion('purpose', [
  z.strictObject({
    purpose: z.literal('create-mnemonic'),
    words: z.array(z.string()),
    /** 1-based word positions the user must type back */
    confirmPositions: z.array(z.number().int().positive()),
  }),
  z.strictObject({ purpose: z.literal('reveal-mnemonic'), words: z.array(z.string()), hasPassphrase: z.boolean() }),
  z.strictObject({ purpose: z.literal('import-mnemonic') }),
  z.strictObject({ purpose: z.literal('import-private-key') }),
  z.strictObject({ purpose: z.literal('confirm-send'), send: SendConfirmation }),
  z.strictObject({ purpose: z.literal('confirm-transfer'), transfer: TransferConfirmation }),
  z.strictObject({ purpose: z.literal('confirm-rebalance'), rebalance: RebalanceConfirmation }),
  z.strictObject({ purpose: z.literal('confirm-setting'), setting: SettingConfirmation }),
]);
export type SecureView = z.infer<typeof SecureView>;

const Word = z.string().trim().toLowerCase().min(1).max(16);

export const secureMethods = {
  'secure.view': { input: z.strictObject({}), output: SecureView },
  'secure.confirmWords': {
    input: z.strictObject({ answers: z.record(z.string().regex(/^[0-9]{1,2}$/), Word) }),
    output: z.strictObject({ ready: z.boolean() }),
  },
  'secure.submitMnemonic': {
    input: z.strictObject({ mnemonic: z.string().min(1).max(512), passphrase: z.string().max(256) }),
    output: z.strictObject({ ready: z.boolean() }),
  },
  'secure.submitPrivateKey': {
    input: z.strictObject({ privateKey: z.string().min(1).max(130) }),
    output: z.strictObject({ ready: z.boolean() }),
  },
  /**
   * The user's confirmation of the action the session shows (only this window can give it; the app contract has no
   * such method). The password when the view says it is required.
   */
  'secure.confirm': {
    input: z.strictObject({ password: z.string().min(1).max(1024).optional() }),
    output: z.strictObject({ done: z.boolean() }),
  },
  'secure.close': { input: z.strictObject({}), output: z.strictObject({}) },
} as const;

export type SecureMethods = typeof secureMethods;
export type SecureMethodName = keyof SecureMethods;
export const SECURE_METHOD_NAMES = Object.keys(secureMethods) as SecureMethodName[];
export const secureChannel = (name: SecureMethodName): string => `strata:secure:${name}`;

/** The typed API the secure preload exposes as `window.strataSecure`. */
export type StrataSecureApi = {
  [M in SecureMethodName]: (input: z.input<SecureMethods[M]['input']>) => Promise<Envelope<z.output<SecureMethods[M]['output']>>>;
};
