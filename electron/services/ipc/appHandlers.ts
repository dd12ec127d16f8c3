import type { z } from 'zod';
import { parseAddress } from '../../../shared/addresses/parseAddress';
import { StrataError } from '../../../shared/errors';
import type { MethodOutput, Methods } from '../../../shared/ipc/contract';
import { assertAcceptablePassword } from '../../../shared/passwordPolicy';
import { accountView, accountViews } from '../accounts/accountViews';
import type { CoreContext } from '../app/coreContext';
import { confirmSetting, weakensAutoLock } from './confirmSetting';
import { createPriceHistoryHandlers } from './priceHistoryHandlers';
import { createRebalanceHandlers } from './rebalanceHandlers';
import { createTransferHandlers } from './transferHandlers';
import { createWalletHandlers } from './walletHandlers';

export type AppHandlers = { [M in keyof Methods]: (input: z.output<Methods[M]['input']>) => Promise<MethodOutput<M>> };

/** One handler per app-contract method. Inputs arrive parsed by the contract's schemas. */
export function createAppHandlers(ctx: CoreContext): AppHandlers {
  const { vault, sessions } = ctx;

  return {
    'app.info': async () => ({ name: 'Strata', version: ctx.appVersion, platform: process.platform }),

    'vault.status': () => ctx.status(),

    'vault.create': async ({ sessionId, password }) => {
      assertAcceptablePassword(password);
      if (await vault.exists()) throw new StrataError('VAULT_EXISTS', 'A vault already exists on this computer');
      const secret = sessions.takeSecret(sessionId, ['create-mnemonic', 'import-mnemonic', 'import-private-key']);
      try {
        await vault.create(password, secret.kind === 'mnemonic' ? { mnemonic: secret.mnemonic, passphrase: secret.passphrase } : { privateKey: secret.privateKey });
      } catch (error) {
        sessions.restoreSecret(sessionId, secret);
        throw error;
      }
      if (secret.kind === 'privateKey') secret.privateKey.fill(0);
      ctx.secureWindow.close(sessionId);
      await ctx.unlocked();
      return ctx.status();
    },

    'vault.unlock': async ({ password }) => {
      // Refused when unlocked (VAULT_ALREADY_UNLOCKED, before any password check): an unthrottled "is this the
      // password?" answer would be an oracle for a compromised renderer.
      await vault.unlock(password);
      await ctx.unlocked();
      return ctx.status();
    },

    'vault.lock': async () => {
      ctx.lock('manual');
      return ctx.status();
    },

    'vault.changePassword': async ({ current, next }) => {
      assertAcceptablePassword(next);
      await vault.changePassword(current, next);
      return ctx.status();
    },

    'vault.revealMnemonic': async ({ password }) => {
      const { mnemonic, passphrase } = await vault.revealMnemonic(password);
      const view = sessions.beginReveal(mnemonic, passphrase);
      ctx.secureWindow.open(view.sessionId);
      return view;
    },

    'secure.begin': async (request) => {
      const view = sessions.begin(request);
      ctx.secureWindow.open(view.sessionId);
      return view;
    },

    'secure.status': async ({ sessionId }) => sessions.status(sessionId),

    'secure.cancel': async ({ sessionId }) => {
      const view = sessions.cancel(sessionId);
      ctx.secureWindow.close(sessionId);
      return view;
    },

    'accounts.list': async () => accountViews(vault, await ctx.accountChains()),

    'accounts.addHd': async ({ label }) => {
      const record = await vault.addHdAccount(label);
      await ctx.accountsChanged();
      return accountView(vault, record, await ctx.accountChains());
    },

    'accounts.importKey': async ({ sessionId, label }) => {
      vault.requireUnlocked();
      const secret = sessions.takeSecret(sessionId, ['import-private-key']);
      if (secret.kind !== 'privateKey') throw new StrataError('SESSION_NOT_READY', 'This session holds no private key');
      try {
        const record = await vault.importPrivateKey(secret.privateKey, label);
        ctx.secureWindow.close(sessionId);
        await ctx.accountsChanged();
        return accountView(vault, record, await ctx.accountChains());
      } finally {
        secret.privateKey.fill(0);
      }
    },

    'accounts.addWatch': async ({ chain: chainName, address, label }) => {
      const chain = (await ctx.wallet()).chains.resolve(chainName);
      const canonical = parseAddress(address, chain);
      const record = await vault.addWatch(
        { family: chain.family, chain: chain.family === 'evm' ? null : chain.id, address: canonical },
        label,
      );
      await ctx.accountsChanged();
      return accountView(vault, record, await ctx.accountChains());
    },

    'accounts.rename': async ({ id, label }) => {
      const record = await vault.rename(id, label);
      await ctx.accountsChanged();
      return accountView(vault, record, await ctx.accountChains());
    },

    'accounts.remove': async ({ id }) => {
      const remove = async () => {
        await vault.remove(id);
        await ctx.accountsChanged();
        return accountViews(vault, await ctx.accountChains());
      };
      // An imported key leaves the vault for good: only the secure window can agree to that (#12).
      const record = vault.isUnlocked ? vault.accounts().find((a) => a.id === id) : undefined;
      if (record?.kind !== 'private-key') return remove();
      const view = accountView(vault, record, await ctx.accountChains());
      return confirmSetting(ctx, { change: 'remove-account', accountLabel: record.label, address: view.addresses[0]?.address ?? '' }, async () => ({ accounts: await remove() }));
    },

    'settings.get': () => ctx.settings.get(),

    'settings.update': async (patch) => {
      const update = async () => {
        const settings = await ctx.settings.update(patch);
        if (vault.isUnlocked && patch.autoLockMinutes !== undefined) ctx.autoLock.arm(settings.autoLockMinutes);
        ctx.emit('settings.changed', settings);
        return settings;
      };
      const fromMinutes = (await ctx.settings.get()).autoLockMinutes;
      if (patch.autoLockMinutes === undefined || !weakensAutoLock(fromMinutes, patch.autoLockMinutes)) return update();
      // Auto-lock off or above 60 minutes: only the secure window can agree to it (#12).
      return confirmSetting(ctx, { change: 'auto-lock', fromMinutes, toMinutes: patch.autoLockMinutes }, async () => ({ settings: await update() }));
    },

    ...createWalletHandlers(ctx),
    ...createTransferHandlers(ctx),
    ...createRebalanceHandlers(ctx),
    ...createPriceHistoryHandlers(ctx),

    'strategy.get': () => ctx.strategy.get(),
    'strategy.save': (strategy) => ctx.strategy.save(strategy),

    'session.touch': async () => {
      ctx.autoLock.touch();
      return { lockAt: ctx.autoLock.lockAt() };
    },
  };
}
