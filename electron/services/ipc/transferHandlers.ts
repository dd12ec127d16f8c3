import type { AppHandlers } from './appHandlers';
import type { CoreContext } from '../app/coreContext';
import { toErrorPayload } from '../../../shared/errors';

type TransferMethods = 'routes.find' | 'transfers.start' | 'transfers.list' | 'transfers.get';

/** Handlers for routes and multi-step transfers: thin, over the Wallet's CrossChainTransfers. */
export function createTransferHandlers(ctx: CoreContext): Pick<AppHandlers, TransferMethods> {
  const crossChain = async () => {
    ctx.vault.requireUnlocked();
    return (await ctx.wallet()).crossChain;
  };
  return {
    'routes.find': async (query) => (await crossChain()).findRoutes(query),
    // Only asks: main checks the route now (QUOTE_EXPIRED, INSUFFICIENT_FUNDS answer here), the secure window shows
    // main's kept quote and gives the confirmation, then main starts the transfer (checked again) and tells it as
    // confirmation.outcome.
    'transfers.start': async ({ routeId, accountId }) => {
      const transfers = await crossChain();
      const { route, accountLabel } = await transfers.checkStart(routeId, accountId);
      let sessionId = '';
      const view = ctx.sessions.beginConfirmation({
        purpose: 'confirm-transfer',
        transfer: {
          accountLabel,
          steps: route.steps,
          amountIn: route.amountIn,
          minAmountOut: route.minAmountOut,
          priceImpactBps: route.priceImpactBps,
          totalFeesUsd: route.totalFeesUsd,
          passwordRequired: false,
        },
        run: async () => {
          try {
            const transfer = await transfers.startTransfer(routeId, accountId);
            ctx.emit('confirmation.outcome', { sessionId, ok: true, transfer });
          } catch (error) {
            ctx.emit('confirmation.outcome', { sessionId, ok: false, error: toErrorPayload(error) });
            throw error;
          }
        },
      });
      sessionId = view.sessionId;
      ctx.secureWindow.open(view.sessionId);
      return view;
    },
    'transfers.list': async () => (await crossChain()).list(),
    'transfers.get': async ({ id }) => (await crossChain()).get(id),
  };
}
