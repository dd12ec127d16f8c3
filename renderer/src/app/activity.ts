import { call } from '../ipc/client';
import { useAppStore } from '../stores/appStore';

/** Main needs to hear about activity at most this often to postpone auto-lock (its shortest delay is 1 min). */
export const TOUCH_INTERVAL_MS = 30_000;

/**
 * Reports user activity (keys, pointer) to main with `session.touch`, throttled to once per TOUCH_INTERVAL_MS,
 * and only while the vault is unlocked. Returns a function that stops listening.
 */
export function trackActivity(now: () => number = Date.now): () => void {
  let last = Number.NEGATIVE_INFINITY;
  const onActivity = (): void => {
    if (!useAppStore.getState().status?.unlocked) return;
    const t = now();
    if (t - last < TOUCH_INTERVAL_MS) return;
    last = t;
    call('session.touch', {}).catch(() => {
      // A failed touch only means auto-lock may fire a little early; nothing to show.
    });
  };
  const options = { capture: true, passive: true } as const;
  window.addEventListener('keydown', onActivity, options);
  window.addEventListener('pointerdown', onActivity, options);
  return () => {
    window.removeEventListener('keydown', onActivity, options);
    window.removeEventListener('pointerdown', onActivity, options);
  };
}
