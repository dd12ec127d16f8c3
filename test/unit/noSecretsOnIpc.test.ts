import { base64 } from '@scure/base';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/domain/account';
import type { SecureSessionView } from '../../shared/ipc/contract';
import type { SecureView } from '../../shared/ipc/secureContract';
import { listChains } from '../../electron/services/chains/chainRegistry';
import { deriveKey } from '../../electron/services/keys/deriveKey';
import { bip44Path } from '../../electron/services/keys/hdPath';
import { seedFromMnemonic } from '../../electron/services/keys/mnemonic';
import { createCoreHarness } from '../support/coreHarness';

const PASSWORD = 'correct horse battery';
const IMPORTED_KEY = '5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';

/** Every way a secret could be spelled in a message: raw, hex, base64, JSON-escaped. */
function spellings(bytes: Uint8Array): string[] {
  return [bytesToHex(bytes), bytesToHex(bytes).toUpperCase(), base64.encode(bytes), JSON.stringify(Array.from(bytes)).slice(1, -1)];
}

describe('no secret crosses the app IPC', () => {
  it('a full onboarding flow: create with confirmation, accounts, import key, lock, unlock, reveal', async () => {
    const h = await createCoreHarness();
    const session = await h.value<SecureSessionView>('secure.begin', { purpose: 'create-mnemonic', wordCount: 24 });
    const view = (await h.secure(session.sessionId, 'secure.view', {})) as { value: Extract<SecureView, { purpose: 'create-mnemonic' }> };
    const words = view.value.words;
    const answers = Object.fromEntries(view.value.confirmPositions.map((p) => [String(p), words[p - 1] as string]));
    await h.secure(session.sessionId, 'secure.confirmWords', { answers });
    await h.value('secure.status', { sessionId: session.sessionId });
    await h.value('vault.create', { sessionId: session.sessionId, password: PASSWORD });
    await h.value('accounts.list');
    await h.value('accounts.addHd', { label: 'Savings' });
    const imp = await h.value<SecureSessionView>('secure.begin', { purpose: 'import-private-key' });
    await h.secure(imp.sessionId, 'secure.submitPrivateKey', { privateKey: IMPORTED_KEY });
    await h.value('accounts.importKey', { sessionId: imp.sessionId });
    await h.value('accounts.addWatch', { chain: 'cosmoshub', address: 'cosmos1jhg0e7s6gn44tfc5k37kr04sznyhedtc9rzys5' });
    await h.value('vault.lock');
    await h.call('vault.unlock', { password: 'wrong password' });
    await h.value('vault.unlock', { password: PASSWORD });
    const reveal = await h.value<SecureSessionView>('vault.revealMnemonic', { password: PASSWORD });
    await h.secure(reveal.sessionId, 'secure.view', {});
    await h.value('chains.list');
    const accounts = await h.value<AccountView[]>('accounts.list');
    expect(accounts.map((a) => a.kind)).toEqual(['hd', 'hd', 'private-key', 'watch']);

    const mnemonic = words.join(' ');
    const seed = await seedFromMnemonic(mnemonic);
    const secrets: string[] = [mnemonic, ...spellings(seed), ...spellings(Uint8Array.from(Buffer.from(IMPORTED_KEY, 'hex')))];
    for (const index of [0, 1]) {
      for (const chain of listChains()) secrets.push(...spellings(deriveKey(seed, bip44Path(chain.coinType, index)).privateKey));
    }
    // any two consecutive words of the phrase would already leak part of it
    for (let i = 0; i + 1 < words.length; i++) secrets.push(`${words[i]} ${words[i + 1]}`, `${words[i]}","${words[i + 1]}`);

    const wire = h.log.map((record) => JSON.stringify(record, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
    expect(h.log.length).toBeGreaterThan(30);
    for (const message of wire) {
      for (const secret of secrets) expect(message.includes(secret), `a secret crossed IPC in ${message.slice(0, 80)}`).toBe(false);
    }
  });
});
