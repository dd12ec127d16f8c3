import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/ipc/contract';
import { FORBIDDEN_SENDER_ENVELOPE, gateAppCall, gateSecureCall, type SecureBinding } from '../../electron/services/shell/ipcGate';
import { cancelUnlessReady } from '../../electron/services/shell/secureWindowClosed';
import { createCoreHarness } from '../support/coreHarness';

/** A recording stand-in for the core: the gate's contract is "untrusted senders never reach it". */
function recordingCore(answer: (method: string, payload: unknown) => Envelope<unknown> | Promise<Envelope<unknown>> = () => ({ ok: true, value: 'ok' })) {
  const calls: string[] = [];
  return {
    calls,
    call: async (method: string, payload: unknown) => {
      calls.push(`call ${method} ${JSON.stringify(payload)}`);
      return answer(method, payload);
    },
    callSecure: async (sessionId: string, method: string, payload: unknown) => {
      calls.push(`callSecure ${sessionId} ${method} ${JSON.stringify(payload)}`);
      return answer(method, payload);
    },
    noteActivity: () => {
      calls.push('activity');
    },
  };
}

const trusted = { origin: 'app://strata', webContentsIds: new Set([1]), paths: ['/index.html'] };
const appSender = { url: 'app://strata/index.html', isMainFrame: true, webContentsId: 1 };

describe('gateAppCall', () => {
  it('passes a trusted call to the core without counting it as activity (polling must not defer auto-lock)', async () => {
    const core = recordingCore();
    await expect(gateAppCall(core, appSender, trusted, 'vault.status', {})).resolves.toStrictEqual({ ok: true, value: 'ok' });
    expect(core.calls).toStrictEqual(['call vault.status {}']);
  });

  it('answers FORBIDDEN_SENDER without touching the core for a sub-frame, another window or another origin', async () => {
    const core = recordingCore();
    for (const sender of [
      { ...appSender, isMainFrame: false },
      { ...appSender, webContentsId: 2 },
      { ...appSender, url: 'https://evil.example/index.html' },
    ]) {
      await expect(gateAppCall(core, sender, trusted, 'vault.unlock', { password: 'x' })).resolves.toStrictEqual({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER', message: 'This frame may not call Strata' },
      });
    }
    expect(core.calls).toStrictEqual([]);
  });

  it('turns a core that throws into an INTERNAL envelope', async () => {
    const core = recordingCore(() => {
      throw new Error('boom with details');
    });
    await expect(gateAppCall(core, appSender, trusted, 'vault.status', {})).resolves.toStrictEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Internal error' },
    });
  });
});

describe('gateSecureCall', () => {
  const binding: SecureBinding = {
    sessionId: 'a'.repeat(32),
    trusted: { origin: 'app://strata', webContentsIds: new Set([7]), paths: ['/secure.html'] },
  };
  const secureSender = { url: 'app://strata/secure.html', isMainFrame: true, webContentsId: 7 };

  it('dispatches for the session bound to the window', async () => {
    const core = recordingCore();
    await gateSecureCall(core, secureSender, binding, 'secure.view', {});
    expect(core.calls).toStrictEqual(['activity', `callSecure ${'a'.repeat(32)} secure.view {}`]);
  });

  it('refuses the app window, unbound windows and sub-frames', async () => {
    const core = recordingCore();
    expect(await gateSecureCall(core, { ...secureSender, webContentsId: 1, url: 'app://strata/index.html' }, binding, 'secure.view', {})).toStrictEqual(
      FORBIDDEN_SENDER_ENVELOPE,
    );
    expect(await gateSecureCall(core, secureSender, undefined, 'secure.view', {})).toStrictEqual(FORBIDDEN_SENDER_ENVELOPE);
    expect(await gateSecureCall(core, { ...secureSender, isMainFrame: false }, binding, 'secure.view', {})).toStrictEqual(FORBIDDEN_SENDER_ENVELOPE);
    expect(await gateSecureCall(core, { ...secureSender, url: 'app://strata/index.html' }, binding, 'secure.view', {})).toStrictEqual(
      FORBIDDEN_SENDER_ENVELOPE,
    );
    expect(core.calls).toStrictEqual([]);
  });
});

describe('cancelUnlessReady', () => {
  const sessionId = 'b'.repeat(32);
  const view = (state: string): Envelope<unknown> => ({ ok: true, value: { sessionId, purpose: 'import-mnemonic', state } });

  it('cancels an open session', async () => {
    const core = recordingCore((method) => view(method === 'secure.cancel' ? 'cancelled' : 'open'));
    await expect(cancelUnlessReady(core, sessionId)).resolves.toBe('open');
    expect(core.calls).toStrictEqual([`call secure.status {"sessionId":"${sessionId}"}`, `call secure.cancel {"sessionId":"${sessionId}"}`]);
  });

  it('keeps a ready session', async () => {
    const core = recordingCore(() => view('ready'));
    await expect(cancelUnlessReady(core, sessionId)).resolves.toBe('ready');
    expect(core.calls).toStrictEqual([`call secure.status {"sessionId":"${sessionId}"}`]);
  });

  it('does nothing for a session that is gone', async () => {
    const core = recordingCore(() => ({ ok: false, error: { code: 'SESSION_NOT_FOUND', message: 'gone' } }));
    await expect(cancelUnlessReady(core, sessionId)).resolves.toBeNull();
    expect(core.calls).toHaveLength(1);
  });
});

describe('cancelUnlessReady with the real core', () => {
  const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

  it('cancels a session the user abandoned by closing its window', async () => {
    const harness = await createCoreHarness();
    const session = await harness.value<{ sessionId: string; state: string }>('secure.begin', { purpose: 'import-mnemonic' });
    expect(session.state).toBe('open');
    await expect(cancelUnlessReady(harness.core, session.sessionId)).resolves.toBe('open');
    expect((await harness.value<{ state: string }>('secure.status', { sessionId: session.sessionId })).state).toBe('cancelled');
    await harness.core.dispose();
  });

  it('keeps a session that became ready before its window closed', async () => {
    const harness = await createCoreHarness();
    const session = await harness.value<{ sessionId: string }>('secure.begin', { purpose: 'import-mnemonic' });
    const submitted = await harness.secure(session.sessionId, 'secure.submitMnemonic', { mnemonic: ABANDON, passphrase: '' });
    expect(submitted).toStrictEqual({ ok: true, value: { ready: true } });
    await expect(cancelUnlessReady(harness.core, session.sessionId)).resolves.toBe('ready');
    expect((await harness.value<{ state: string }>('secure.status', { sessionId: session.sessionId })).state).toBe('ready');
    await harness.core.dispose();
  });
});
