import type { AppHandlers } from './appHandlers';
import type { CoreContext } from '../app/coreContext';
import { StrataError } from '../../../shared/errors';

type WalletMethods =
  | 'chains.list' | 'chains.rpc' | 'chains.setRpc' | 'chains.addCustom' | 'chains.removeCustom' | 'assets.list'
  | 'portfolio.get' | 'portfolio.refresh' | 'send.prepare' | 'send.max' | 'send.confirm' | 'activity.list';

/** Handlers for chains, assets, the portfolio, sends and activity: thin, over the Wallet service. */
export function createWalletHandlers(ctx: CoreContext): Pick<AppHandlers, WalletMethods> {
  const unlocked = async () => {
    if (!ctx.vault.isUnlocked) throw new StrataError('VAULT_LOCKED', 'Unlock the vault first');
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
    'chains.setRpc': async ({ chain, endpoints }) => {
      const { chains } = await unlocked();
      const info = chains.resolve(chain);
      await chains.setEndpoints(info, endpoints);
      return { chain: info.id, endpoints: chains.endpoints(info.id), defaults: chains.defaults(info.id) };
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
    'send.confirm': async ({ reviewId }) => (await unlocked()).confirmSend(reviewId),
    'activity.list': async () => (await unlocked()).journal.list(),
  };
}
