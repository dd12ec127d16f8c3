/**
 * The contract's method and event names, and its channel naming, WITHOUT importing the contract module: the contract
 * pulls in zod and the domain schemas, and a sandboxed preload should stay a few kilobytes of auditable code.
 * Only type imports from the contract (erased at build time) keep these lists exact: a name missing here or unknown
 * to the contract fails to compile, and test/electron/preloadNames.test.ts checks the lists and the channel strings
 * against the contract at run time.
 */
import type { EventName, MethodName } from '../../shared/ipc/contract';
import type { SecureMethodName } from '../../shared/ipc/secureContract';

export const PRELOAD_METHOD_NAMES = [
  'app.info',
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.changePassword',
  'vault.revealMnemonic',
  'secure.begin',
  'secure.status',
  'secure.cancel',
  'accounts.list',
  'accounts.addHd',
  'accounts.importKey',
  'accounts.addWatch',
  'accounts.rename',
  'accounts.remove',
  'chains.list',
  'chains.rpc',
  'chains.setRpc',
  'chains.addCustom',
  'chains.removeCustom',
  'assets.list',
  'portfolio.get',
  'portfolio.refresh',
  'send.prepare',
  'send.max',
  'send.confirm',
  'activity.list',
  'routes.find',
  'transfers.start',
  'transfers.list',
  'transfers.get',
  'prices.history',
  'rebalance.drift',
  'rebalance.plan',
  'rebalance.execute',
  'rebalance.status',
  'rebalance.getTarget',
  'rebalance.saveTarget',
  'strategy.get',
  'strategy.save',
  'settings.get',
  'settings.update',
  'session.touch',
] as const satisfies readonly MethodName[];

export const PRELOAD_EVENT_NAMES = [
  'vault.locked',
  'vault.unlocked',
  'accounts.changed',
  'secure.changed',
  'settings.changed',
  'portfolio.progress',
  'portfolio.updated',
  'activity.changed',
  'confirmation.outcome',
  'chains.changed',
  'transfers.changed',
  'rebalance.changed',
  'strategy.drift',
  'prices.historyProgress',
] as const satisfies readonly EventName[];

export const PRELOAD_SECURE_METHOD_NAMES = [
  'secure.view',
  'secure.confirmWords',
  'secure.submitMnemonic',
  'secure.submitPrivateKey',
  'secure.confirm',
  'secure.close',
] as const satisfies readonly SecureMethodName[];

// Exhaustiveness: each of these is `true` only when every contract name is listed above.
type Exhaustive<All extends string, Listed extends string> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
export const METHODS_COMPLETE: Exhaustive<MethodName, (typeof PRELOAD_METHOD_NAMES)[number]> = true;
export const EVENTS_COMPLETE: Exhaustive<EventName, (typeof PRELOAD_EVENT_NAMES)[number]> = true;
export const SECURE_METHODS_COMPLETE: Exhaustive<SecureMethodName, (typeof PRELOAD_SECURE_METHOD_NAMES)[number]> = true;

/** Same strings as the contract's methodChannel / eventChannel / secureChannel (checked by the test). */
export const preloadMethodChannel = (name: MethodName): string => `strata:call:${name}`;
export const preloadEventChannel = (name: EventName): string => `strata:event:${name}`;
export const preloadSecureChannel = (name: SecureMethodName): string => `strata:secure:${name}`;

/** A contract name as the bridge accepts it: `group.method`, letters only, nothing that could shadow `on`. */
export const BRIDGE_NAME_PATTERN = /^[a-z]+\.[a-zA-Z]+$/;
