import type { AppHandlers } from './appHandlers';
import type { CoreContext } from '../app/coreContext';
import { toErrorPayload } from '../../../shared/errors';
import { confirmSetting } from './confirmSetting';

type WalletMethods =
  | 'chains.list' | 'chains.rpc' | 'chains.setRpc' | 'chains.addCustom' | 'chains.removeCustom' | 'assets.list'
  | 'portfolio.get' | 'portfolio.refresh' | 'send.prepare' | 'send.max' | 'send.confirm' | 'activity.list';

/** Handlers for chains, assets, the portfolio, sends and activity: thin, over the Wallet service. */
export function createWalletHandlers(ctx: CoreContext): Pick<AppHandlers, WalletMethods> {
  const unlocked = async () => {
    ctx.vault.requireUnlocked();
    return ctx.wallet();
  };
  const chainsChanged = async () => ctx.emit('chains.changed', { chains: (await ctx.wallet()).chains.list() });

  return {
    'chains.list': async () => (await ctx.wallet()).chains.list(),
    'chains.rpc': async ({ chain }) => {
      const { chains } = await ctx.wallet();
      const info = chains.resolve(chain);
      return { chain: info.id, endpoints: chains.endpoints(info.id), defaults: chains.defaults(info.id) };
    },
    // Replacing endpoints decides what the wallet believes about balances and receipts: the vault must be unlocked (#12).
    // Replacing them also needs the secure window's confirmation; restoring the defaults (an empty list) does not.
    'chains.setRpc': async ({ chain, endpoints }) => {
      const { chains } = await unlocked();
      const info = chains.resolve(chain);
      const apply = async () => {
        await chains.setEndpoints(info, endpoints);
        return { chain: info.id, endpoints: chains.endpoints(info.id), defaults: chains.defaults(info.id) };
      };
      if (endpoints.length === 0) return apply();
      return confirmSetting(ctx, { change: 'replace-rpc', chain: info.id, chainName: info.name, from: chains.endpoints(info.id), to: [...endpoints] }, async () => ({ rpc: await apply() }));
    },
    'chains.addCustom': async (input) => {
      const added = await (await ctx.wallet()).chains.addCustom(input);
      await chainsChanged();
      return added;
    },
    'chains.removeCustom': async ({ chain }) => {
      const { chains } = await ctx.wallet();
      await chains.removeCustom(chain);
      await chainsChanged();
      return chains.list();
    },
    'assets.list': async ({ chain }) => {
      const wallet = await ctx.wallet();
      const targets = chain ? [wallet.chains.resolve(chain)] : wallet.activeChains();
      return targets.flatMap((c) => wallet.assets.list(c));
    },
    'portfolio.get': async () => (await unlocked()).lastPortfolio(),
    'portfolio.refresh': async () => (await unlocked()).refresh(),
    'send.prepare': async (input) => (await unlocked()).prepareSend(input),
    'send.max': async (input) => (await unlocked()).maxSend(input),
    // Only asks: the secure window shows main's own review and gives the confirmation (secure.confirm), then main
    // signs; the outcome goes out as confirmation.outcome. A compromised app renderer cannot confirm anything.
    'send.confirm': async ({ reviewId }) => {
      const wallet = await unlocked();
      const summary = wallet.sendConfirmation(reviewId);
      let sessionId = '';
      const view = ctx.sessions.beginConfirmation({
        purpose: 'confirm-send',
        send: { ...summary, passwordRequired: summary.firstTimeRecipient },
        run: async () => {
          try {
            const entry = await wallet.confirmSend(reviewId);
            ctx.emit('confirmation.outcome', { sessionId, ok: true, entry });
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
    'activity.list': async () => (await unlocked()).journal.list(),
  };
}
