import type { z } from 'zod';
import type { SecureMethods } from '../../../shared/ipc/secureContract';
import { StrataError } from '../../../shared/errors';
import type { CoreContext } from '../app/coreContext';
import { passwordRequired } from '../secure/secureSessions';

export type SecureHandlers = {
  [M in keyof SecureMethods]: (input: z.output<SecureMethods[M]['input']>) => Promise<z.input<SecureMethods[M]['output']>>;
};

/** Handlers of the secure window's contract, bound to the one session that window was opened for. */
export function createSecureHandlers(ctx: CoreContext, sessionId: string): SecureHandlers {
  const { sessions } = ctx;
  return {
    'secure.view': async () => sessions.view(sessionId),
    'secure.confirmWords': async ({ answers }) => ({ ready: sessions.confirmWords(sessionId, answers).state === 'ready' }),
    'secure.submitMnemonic': async ({ mnemonic, passphrase }) => ({
      ready: sessions.submitMnemonic(sessionId, mnemonic, passphrase).state === 'ready',
    }),
    'secure.submitPrivateKey': async ({ privateKey }) => ({
      ready: sessions.submitPrivateKey(sessionId, privateKey).state === 'ready',
    }),
    'secure.confirm': async ({ password }) => {
      const pending = sessions.peekConfirmation(sessionId);
      if (passwordRequired(pending)) {
        if (password === undefined) throw new StrataError('INVALID_INPUT', 'Enter your password to confirm');
        // Throttled like unlock; a wrong password leaves the session open for another try.
        await ctx.vault.verifyPassword(password);
      }
      const { run } = sessions.takeConfirmation(sessionId);
      try {
        await run();
      } finally {
        ctx.secureWindow.close(sessionId);
      }
      return { done: true };
    },
    'secure.close': async () => {
      sessions.windowClosed(sessionId);
      ctx.secureWindow.close(sessionId);
      return {};
    },
  };
}
