/**
 * The one IPC contract between the renderer and main. Every method has an input and an output schema; every event
 * main pushes has a payload schema. Main registers exactly one handler per method, the preload exposes exactly these
 * methods, and `window.strata`'s type is derived from here.
 *
 * Never add a generic `invoke(channel, ...args)`: it would hand any script in the renderer the whole main process.
 * Nothing here may carry a mnemonic, seed or private key: those are shown and typed only in the secure window
 * (see `secureContract.ts`). Amounts and bytes cross as strings.
 */
import { z } from 'zod';
import { AccountView } from '../domain/account';
import { AssetInfo, AssetRef, BaseUnits } from '../domain/asset';
import { CaipChainId, ChainInfo } from '../domain/chain';
import { Portfolio, RefreshProgress } from '../domain/portfolio';
import { DriftReport, RebalanceExecution, RebalancePlan, RebalanceRules, RebalanceTarget, TargetWeights } from '../rebalance/rebalanceSchemas';
import { Route } from '../domain/route';
import { StrategySettings } from '../domain/strategy';
import { Transfer } from '../domain/transferRecord';
import { ActivityEntry, FeeTier, SendReview } from '../domain/send';
import { ERROR_CODES } from '../errors';

const Empty = z.strictObject({});
/** A password typed by the user. Length limits keep absurd payloads out of the KDF. */
const Password = z.string().min(1).max(1024);
const Label = z.string().trim().min(1).max(64);
const SessionId = z.string().regex(/^[0-9a-f]{32}$/);

export const AUTO_LOCK_MIN_MINUTES = 1;
export const AUTO_LOCK_MAX_MINUTES = 24 * 60;

const ChainName = z.string().trim().min(1).max(64);
const RpcUrl = z
  .string()
  .trim()
  .max(512)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'an http(s) URL');

export const ChainRpc = z.strictObject({ chain: CaipChainId, endpoints: z.array(z.string()), defaults: z.array(z.string()) });
export type ChainRpc = z.infer<typeof ChainRpc>;

export const Settings = z.strictObject({
  /** minutes of inactivity before the vault locks; 0 disables auto-lock */
  autoLockMinutes: z.number().int().min(0).max(AUTO_LOCK_MAX_MINUTES),
  lockOnSuspend: z.boolean(),
  /** live balances: refresh on unlock and in the background while unlocked */
  refreshBalances: z.boolean(),
  /** colour scheme: the system's (prefers-color-scheme), or always light or dark */
  theme: z.enum(['system', 'light', 'dark']),
});
export type Settings = z.infer<typeof Settings>;

export const VaultStatus = z.strictObject({
  exists: z.boolean(),
  unlocked: z.boolean(),
  hasMnemonic: z.boolean(),
  accountCount: z.number().int().nonnegative(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

/** What the secure window is opened for. */
export const SecurePurpose = z.discriminatedUnion('purpose', [
  z.strictObject({ purpose: z.literal('create-mnemonic'), wordCount: z.union([z.literal(12), z.literal(24)]) }),
  z.strictObject({ purpose: z.literal('import-mnemonic') }),
  z.strictObject({ purpose: z.literal('import-private-key') }),
]);
export type SecurePurpose = z.infer<typeof SecurePurpose>;

export const SecureSessionState = z.enum(['open', 'ready', 'cancelled', 'consumed', 'expired']);
export type SecureSessionState = z.infer<typeof SecureSessionState>;

export const SecureSessionView = z.strictObject({
  sessionId: SessionId,
  purpose: z.enum(['create-mnemonic', 'import-mnemonic', 'import-private-key', 'reveal-mnemonic', 'confirm-send', 'confirm-transfer', 'confirm-rebalance', 'confirm-setting']),
  state: SecureSessionState,
});
export type SecureSessionView = z.infer<typeof SecureSessionView>;

/** A CoinGecko coin id (`usd-coin`, `avalanche-2`): a lower-case slug, safe in a URL path and a file name. */
const CoinGeckoId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/);

/**
 * Daily USD closes by coin, aligned by date: `prices[t][i]` is coin `assets[i]` on the UTC day `dates[t]` as a decimal
 * string (exact for the optimizer's numbers), null where the coin has no price that day.
 */
export const PriceHistoryView = z.strictObject({
  dates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  assets: z.array(CoinGeckoId),
  prices: z.array(z.array(z.string().nullable())),
  /** per coin in `assets`: when the price service answered (ms since epoch), and whether that is an older copy */
  sources: z.record(CoinGeckoId, z.strictObject({ fetchedAt: z.number().int(), stale: z.boolean() })),
  /** coins asked for that have no history at all, with why */
  missing: z.array(z.strictObject({ id: CoinGeckoId, code: z.enum(ERROR_CODES), message: z.string() })),
});
export type PriceHistoryView = z.infer<typeof PriceHistoryView>;

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string) {
  return { input, output, doc };
}

export const methods = {
  'app.info': method(Empty, z.strictObject({ name: z.string(), version: z.string(), platform: z.string() }), 'Application name, version and platform.'),

  'vault.status': method(Empty, VaultStatus, 'Whether a vault exists and is unlocked.'),
  'vault.create': method(
    z.strictObject({ sessionId: SessionId, password: Password }),
    VaultStatus,
    'Creates the vault from a secure session that is ready (mnemonic confirmed or imported), encrypted with the password.',
  ),
  'vault.unlock': method(z.strictObject({ password: Password }), VaultStatus, 'Unlocks the vault.'),
  'vault.lock': method(Empty, VaultStatus, 'Locks the vault and forgets every key in memory.'),
  'vault.changePassword': method(
    z.strictObject({ current: Password, next: Password }),
    VaultStatus,
    'Re-encrypts the vault under a new password (current password required).',
  ),
  'vault.revealMnemonic': method(
    z.strictObject({ password: Password }),
    SecureSessionView,
    'After checking the password again, opens the secure window that shows the recovery phrase.',
  ),

  'secure.begin': method(SecurePurpose, SecureSessionView, 'Opens the secure window to create or type a secret.'),
  'secure.status': method(z.strictObject({ sessionId: SessionId }), SecureSessionView, 'State of a secure session.'),
  'secure.cancel': method(z.strictObject({ sessionId: SessionId }), SecureSessionView, 'Cancels a secure session and wipes its secret.'),

  'accounts.list': method(Empty, z.array(AccountView), 'Accounts with their addresses on every built-in chain.'),
  'accounts.addHd': method(z.strictObject({ label: Label.optional() }), AccountView, 'Adds the next HD account from the recovery phrase.'),
  'accounts.importKey': method(
    z.strictObject({ sessionId: SessionId, label: Label.optional() }),
    AccountView,
    'Adds the private key typed in a ready import-private-key secure session.',
  ),
  'accounts.addWatch': method(
    z.strictObject({ chain: z.string().min(1).max(64), address: z.string().min(1).max(128), label: Label.optional() }),
    AccountView,
    'Adds a watch-only address (an EVM address is watched on every EVM chain).',
  ),
  'accounts.rename': method(z.strictObject({ id: z.string().min(1).max(64), label: Label }), AccountView, 'Renames an account.'),
  'accounts.remove': method(
    z.strictObject({ id: z.string().min(1).max(64) }),
    z.union([z.array(AccountView), SecureSessionView]),
    'Removes an imported or watch-only account, or the last HD account. An account holding an imported key is removed only after a confirmation in the secure window (purpose confirm-setting): the answer is then its session and the outcome comes as confirmation.outcome (and accounts.changed).',
  ),

  'chains.list': method(Empty, z.array(ChainInfo), 'Built-in, custom and (when running) devnet chains.'),
  'chains.rpc': method(z.strictObject({ chain: ChainName }), ChainRpc, 'RPC endpoints of a chain, in failover order.'),
  'chains.setRpc': method(
    z.strictObject({ chain: ChainName, endpoints: z.array(RpcUrl).max(5) }),
    z.union([ChainRpc, SecureSessionView]),
    'Overrides the RPC endpoints of a chain (an empty list restores the defaults, at once); each is checked to answer for this chain. Replacing endpoints needs a confirmation in the secure window (purpose confirm-setting): the answer is its session, the outcome comes as confirmation.outcome (with the chain\'s endpoints as rpc).',
  ),
  'chains.addCustom': method(
    z.strictObject({
      name: z.string().trim().min(1).max(48),
      chainId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
      rpc: RpcUrl,
      symbol: z.string().trim().min(1).max(12),
      decimals: z.number().int().min(0).max(36).optional(),
    }),
    ChainInfo,
    'Adds a custom EVM chain after checking that the node answers with this chain id.',
  ),
  'chains.removeCustom': method(z.strictObject({ chain: ChainName }), z.array(ChainInfo), 'Removes a custom chain.'),

  'assets.list': method(z.strictObject({ chain: ChainName.optional() }), z.array(AssetInfo), 'Assets Strata tracks, per chain.'),

  'portfolio.get': method(Empty, Portfolio, 'The last portfolio snapshot (refreshing is separate).'),
  'portfolio.refresh': method(Empty, Portfolio, 'Reads every balance and price again; progress comes as portfolio.progress events.'),

  'send.prepare': method(
    z.strictObject({
      accountId: z.string().min(1).max(64),
      chain: ChainName,
      to: z.string().trim().min(1).max(128),
      asset: AssetRef,
      /** decimal amount as typed, e.g. "1.5" */
      amount: z.string().trim().min(1).max(100),
      tier: FeeTier,
    }),
    SendReview,
    'Validates a transfer against the chain and prices it for the review screen. Nothing is signed.',
  ),
  'send.max': method(
    z.strictObject({ accountId: z.string().min(1).max(64), chain: ChainName, asset: AssetRef, tier: FeeTier }),
    z.strictObject({ amount: BaseUnits, formatted: z.string() }),
    'The largest amount that can be sent, leaving the fee when the asset is native.',
  ),
  'send.confirm': method(
    z.strictObject({ reviewId: z.string().regex(/^[0-9a-f]{32}$/) }),
    SecureSessionView,
    'Asks for a confirmation of exactly the reviewed transfer in the secure window (purpose confirm-send) and answers its session. Nothing is signed here: the secure window confirms (with the password for a first-time recipient), main then signs and broadcasts, and the outcome comes as a confirmation.outcome event (or secure.changed cancelled/expired).',
  ),

  'activity.list': method(Empty, z.array(ActivityEntry), "The wallet's own transactions, newest first."),

  'routes.find': method(
    z.strictObject({
      from: z.strictObject({ chain: ChainName, asset: AssetRef, amount: z.string().trim().min(1).max(100) }),
      to: z.strictObject({ chain: ChainName, asset: AssetRef }),
      /** tolerance per swap or bridge step, percent */
      slippagePercent: z.number().min(0.01).max(50).default(0.5),
      sort: z.enum(['amount', 'speed']).default('amount'),
    }),
    z.array(Route),
    'Finds and quotes routes (swap, bridge, swap) from an amount of an asset to an asset on another chain, best first; each route id is a fresh quote id for transfers.start.',
  ),
  'transfers.start': method(
    z.strictObject({
      /** the quote id (`Route.id` from routes.find) */
      routeId: z.string().min(1).max(1000),
      accountId: z.string().min(1).max(64),
      /** the loss (basis points) the user accepted in the review for a route losing more than 15%; at least the route's own (PRICE_IMPACT_TOO_HIGH) */
      acceptedLossBps: z.number().int().min(0).max(1_000_000).optional(),
    }),
    SecureSessionView,
    'Checks the quote a routes.find answer named (found in the last few minutes and not started; the balance; QUOTE_EXPIRED otherwise) and asks for its confirmation in the secure window (purpose confirm-transfer); answers the session. Nothing is signed here: once the secure window confirms, main starts exactly that quote’s plan, once, tells it as confirmation.outcome, and runs it in the background (transfers.changed events).',
  ),
  'transfers.list': method(Empty, z.array(Transfer), 'Multi-step transfers, newest first.'),
  'transfers.get': method(z.strictObject({ id: z.string().min(1).max(64) }), Transfer, 'One multi-step transfer.'),

  'prices.history': method(
    z.strictObject({ ids: z.array(CoinGeckoId).min(1).max(50), days: z.number().int().min(2).max(365).default(365) }),
    PriceHistoryView,
    'Daily USD closes of CoinGecko coins over the last days (cached on disk, fetched at most once a UTC day); progress comes as prices.historyProgress events.',
  ),

  'rebalance.drift': method(
    z.strictObject({ target: TargetWeights.optional() }),
    DriftReport.extend({ checkEveryHours: z.number() }),
    "Each target asset's weight now against its target (the saved target unless one is given), from the last portfolio.",
  ),
  'rebalance.plan': method(
    z.strictObject({ target: TargetWeights.optional(), rules: RebalanceRules.partial().strict().optional(), slippagePercent: z.number().min(0.01).max(50).optional() }),
    RebalancePlan,
    'Plans the trades back to the target (the saved one unless given) from the last portfolio snapshot: routes, fees, total cost, skipped trades with reasons. Nothing is signed.',
  ),
  'rebalance.execute': method(
    z.strictObject({ planId: z.string().regex(/^[0-9a-f]{32}$/) }),
    z.union([SecureSessionView, RebalanceExecution]),
    "Asks for a confirmation of the kept plan in the secure window (purpose confirm-rebalance) and answers its session; once the secure window confirms, main runs the plan's trades one after the other as cross-chain transfers (confirmation.outcome with the execution, then rebalance.changed, transfers.changed events). A completed, failed or running plan has nothing to sign: the answer is where it stands. Idempotent: a trade whose transfer exists never runs again.",
  ),
  'rebalance.status': method(z.strictObject({ planId: z.string().regex(/^[0-9a-f]{32}$/) }), RebalanceExecution, "Where a plan's execution stands."),
  'rebalance.getTarget': method(Empty, RebalanceTarget.nullable(), 'The saved rebalancing target (weights and rules), or null.'),
  'rebalance.saveTarget': method(
    z.strictObject({ weights: TargetWeights, rules: RebalanceRules.partial().strict().optional() }),
    RebalanceTarget,
    'Saves the target weights (a frontier point) and rebalancing rules that the drift check and `strata rebalance` use.',
  ),

  'strategy.get': method(Empty, StrategySettings.nullable(), 'The saved strategy (risk profile, objective, constraints), or null before the first.'),
  'strategy.save': method(StrategySettings, StrategySettings, 'Saves the strategy.'),

  'settings.get': method(Empty, Settings, 'Current settings.'),
  'settings.update': method(
    Settings.partial().strict(),
    z.union([Settings, SecureSessionView]),
    'Updates settings and persists them. Turning auto-lock off or above 60 minutes needs a confirmation in the secure window (purpose confirm-setting): the answer is then its session, the settings change when the secure window confirms (confirmation.outcome with the settings, settings.changed).',
  ),

  'session.touch': method(Empty, z.strictObject({ lockAt: z.number().int().nullable() }), 'Reports user activity; answers when auto-lock will fire (ms since epoch).'),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
export const METHOD_NAMES = Object.keys(methods) as MethodName[];

export const LockReason = z.enum(['manual', 'idle', 'suspend', 'screen-lock', 'password-changed']);

export const events = {
  'vault.locked': z.strictObject({ reason: LockReason }),
  'vault.unlocked': z.strictObject({}),
  'accounts.changed': z.strictObject({ accounts: z.array(AccountView) }),
  'secure.changed': SecureSessionView,
  'settings.changed': Settings,
  'portfolio.progress': RefreshProgress,
  'portfolio.updated': Portfolio,
  'activity.changed': ActivityEntry,
  /** what happened after the user confirmed an action in the secure window: the activity entry, or the error */
  'confirmation.outcome': z.discriminatedUnion('ok', [
    z.strictObject({ sessionId: SessionId, ok: z.literal(true), entry: ActivityEntry.optional(), transfer: Transfer.optional(), execution: RebalanceExecution.optional(), settings: Settings.optional(), rpc: ChainRpc.optional(), accounts: z.array(AccountView).optional() }),
    z.strictObject({ sessionId: SessionId, ok: z.literal(false), error: z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() }) }),
  ]),
  'chains.changed': z.strictObject({ chains: z.array(ChainInfo) }),
  'transfers.changed': Transfer,
  'rebalance.changed': RebalanceExecution,
  /** the scheduled drift check found assets outside their band */
  'strategy.drift': DriftReport,
  'prices.historyProgress': z.strictObject({ done: z.number().int(), total: z.number().int(), id: CoinGeckoId }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const ErrorPayloadSchema = z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() });

/** What every handler answers: errors travel as data because Electron keeps only the message of a thrown error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof ErrorPayloadSchema> };

/** IPC channel names: one per method and per event, under a fixed prefix. */
export const methodChannel = (name: MethodName): string => `strata:call:${name}`;
export const eventChannel = (name: EventName): string => `strata:event:${name}`;

/** The typed API the preload exposes as `window.strata`. */
export type StrataApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export { CaipChainId };
