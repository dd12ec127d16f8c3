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
    // A route losing more than 15% needs the loss the user accepted in the review (acceptedLossBps, checked here and
    // again at the start); the secure window shows the value lost and that acceptance.
    'transfers.start': async ({ routeId, accountId, acceptedLossBps }) => {
      const transfers = await crossChain();
      const { route, accountLabel } = await transfers.checkStart(routeId, accountId, acceptedLossBps);
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
          valueLostUsd: route.valueLostUsd ?? null,
          valueLostBps: route.valueLostBps ?? null,
          acceptedLossBps: acceptedLossBps ?? null,
          passwordRequired: false,
        },
        run: async () => {
          try {
            const transfer = await transfers.startTransfer(routeId, accountId, acceptedLossBps);
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
