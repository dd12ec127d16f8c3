import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, eventChannel, METHOD_NAMES, methodChannel } from '../../shared/ipc/contract';
import { SECURE_METHOD_NAMES, secureChannel } from '../../shared/ipc/secureContract';
import {
  BRIDGE_NAME_PATTERN,
  PRELOAD_EVENT_NAMES,
  PRELOAD_METHOD_NAMES,
  PRELOAD_SECURE_METHOD_NAMES,
  preloadEventChannel,
  preloadMethodChannel,
  preloadSecureChannel,
} from '../../electron/preload/contractNames';

// The preload keeps zod-free copies of the contract's names; these must be the contract's, in any order.
describe('preload name lists', () => {
  it('list exactly the contract methods, events and secure methods', () => {
    expect([...PRELOAD_METHOD_NAMES].sort()).toStrictEqual([...METHOD_NAMES].sort());
    expect([...PRELOAD_EVENT_NAMES].sort()).toStrictEqual([...EVENT_NAMES].sort());
    expect([...PRELOAD_SECURE_METHOD_NAMES].sort()).toStrictEqual([...SECURE_METHOD_NAMES].sort());
  });

  it('use the contract channel strings', () => {
    for (const name of METHOD_NAMES) expect(preloadMethodChannel(name)).toBe(methodChannel(name));
    for (const name of EVENT_NAMES) expect(preloadEventChannel(name)).toBe(eventChannel(name));
    for (const name of SECURE_METHOD_NAMES) expect(preloadSecureChannel(name)).toBe(secureChannel(name));
  });

  it('are names the bridge accepts (no `on`, no prototype keys)', () => {
    for (const name of [...METHOD_NAMES, ...SECURE_METHOD_NAMES]) expect(name).toMatch(BRIDGE_NAME_PATTERN);
    for (const name of ['on', 'constructor', '__proto__', 'vault.status.x', 'a.b-c']) expect(name).not.toMatch(BRIDGE_NAME_PATTERN);
  });
});
