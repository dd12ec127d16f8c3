import type { AppHandlers } from './appHandlers';
import type { CoreContext } from '../app/coreContext';
import { StrataError } from '../../../shared/errors';

type TransferMethods = 'routes.find' | 'transfers.start' | 'transfers.list' | 'transfers.get';

/** Handlers for routes and multi-step transfers: thin, over the Wallet's CrossChainTransfers. */
export function createTransferHandlers(ctx: CoreContext): Pick<AppHandlers, TransferMethods> {
  const crossChain = async () => {
    if (!ctx.vault.isUnlocked) throw new StrataError('VAULT_LOCKED', 'Unlock the vault first');
    return (await ctx.wallet()).crossChain;
  };
  return {
    'routes.find': async (query) => (await crossChain()).findRoutes(query),
    'transfers.start': async ({ routeId, accountId, reviewed, acceptedLossBps }) => (await crossChain()).startTransfer(routeId, accountId, reviewed, acceptedLossBps),
    'transfers.list': async () => (await crossChain()).list(),
    'transfers.get': async ({ id }) => (await crossChain()).get(id),
  };
}
