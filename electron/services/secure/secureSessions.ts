import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import type { SecurePurpose, SecureSessionState, SecureSessionView } from '../../../shared/ipc/contract';
import type { RebalanceConfirmation, SecureView, SendConfirmation, SettingConfirmation, TransferConfirmation } from '../../../shared/ipc/secureContract';
import { StrataError } from '../../../shared/errors';
import { generateMnemonic, parseMnemonic } from '../keys/mnemonic';
import { parsePrivateKey } from '../keys/privateKey';
import type { Clock } from '../app/ports';

type Purpose = SecureSessionView['purpose'];

/** What a ready session hands to the vault, once. */
export type SessionSecret =
  | { kind: 'mnemonic'; mnemonic: string; passphrase: string }
  | { kind: 'privateKey'; privateKey: Uint8Array };

interface Session {
  id: string;
  purpose: Purpose;
  state: SecureSessionState;
  createdAt: number;
  words?: string[];
  confirmPositions?: number[];
  hasPassphrase?: boolean;
  secret?: SessionSecret;
  failedConfirmations: number;
  /** a confirm-send session: what the window shows, and what main runs once it is confirmed */
  confirmation?: PendingConfirmation;
}

/** An action waiting for the user's word in the secure window; `run` signs and broadcasts, at most once. */
export type PendingConfirmation =
  | { purpose: 'confirm-send'; send: SendConfirmation; run: () => Promise<void> }
  | { purpose: 'confirm-transfer'; transfer: TransferConfirmation; run: () => Promise<void> }
  | { purpose: 'confirm-rebalance'; rebalance: RebalanceConfirmation; run: () => Promise<void> }
  | { purpose: 'confirm-setting'; setting: SettingConfirmation; run: () => Promise<void> };

/** Whether the confirmation must carry the vault password. */
export function passwordRequired(confirmation: PendingConfirmation): boolean {
  switch (confirmation.purpose) {
    case 'confirm-send':
      return confirmation.send.passwordRequired;
    case 'confirm-transfer':
      return confirmation.transfer.passwordRequired;
    case 'confirm-rebalance':
      return confirmation.rebalance.passwordRequired;
    case 'confirm-setting':
      return false;
  }
}

/** A session left open longer than this expires and its secret is wiped. */
export const SESSION_TTL_MS = 15 * 60 * 1000;
const CONFIRM_WORDS = 3;
const MAX_FAILED_CONFIRMATIONS = 5;

/**
 * Secrets that are shown or typed in the secure window live here, in main, between the moment they are created or
 * typed and the moment the vault takes them. The app renderer only ever learns a session's id, purpose and state.
 * One session at a time: beginning a new one cancels the previous.
 */
export class SecureSessions {
  private current: Session | undefined;
  private expiryTimer: unknown;

  constructor(
    private readonly clock: Clock,
    private readonly onChange: (view: SecureSessionView) => void,
  ) {}

  begin(request: SecurePurpose): SecureSessionView {
    const session = this.open(request.purpose);
    if (request.purpose === 'create-mnemonic') {
      const mnemonic = generateMnemonic(request.wordCount);
      session.words = mnemonic.split(' ');
      session.confirmPositions = pickPositions(session.words.length, CONFIRM_WORDS);
      session.secret = { kind: 'mnemonic', mnemonic, passphrase: '' };
    }
    return this.publish(session);
  }

  /** A read-only session that shows the vault's recovery phrase. */
  beginReveal(mnemonic: string, passphrase: string): SecureSessionView {
    const session = this.open('reveal-mnemonic');
    session.words = mnemonic.split(' ');
    session.hasPassphrase = passphrase.length > 0;
    return this.publish(session);
  }

  /**
   * A session that shows `confirmation.send` in the secure window and runs `confirmation.run` when (and only when) the
   * secure window confirms it. Beginning any other session cancels it.
   */
  beginConfirmation(confirmation: PendingConfirmation): SecureSessionView {
    const session = this.open(confirmation.purpose);
    session.confirmation = confirmation;
    return this.publish(session);
  }

  /**
   * Hands an open confirmation to the caller exactly once (the session becomes `consumed`); the caller checks the
   * password first with `peekConfirmation`. @throws SESSION_NOT_FOUND, SESSION_NOT_READY
   */
  takeConfirmation(id: string): PendingConfirmation {
    const session = this.findOpen(id);
    const confirmation = session.confirmation;
    if (!confirmation) throw new StrataError('SESSION_NOT_READY', 'Nothing to confirm in this session');
    session.confirmation = undefined;
    this.end(session, 'consumed');
    return confirmation;
  }

  /** The open confirmation of a session, left in place. @throws SESSION_NOT_FOUND, SESSION_NOT_READY */
  peekConfirmation(id: string): PendingConfirmation {
    const confirmation = this.findOpen(id).confirmation;
    if (!confirmation) throw new StrataError('SESSION_NOT_READY', 'Nothing to confirm in this session');
    return confirmation;
  }

  status(id: string): SecureSessionView {
    return toView(this.find(id));
  }

  /** What the secure window shows. Only the secure window's own IPC may call this. */
  view(id: string): SecureView {
    const session = this.findOpen(id);
    switch (session.purpose) {
      case 'create-mnemonic':
        return { purpose: 'create-mnemonic', words: [...(session.words ?? [])], confirmPositions: [...(session.confirmPositions ?? [])] };
      case 'reveal-mnemonic':
        return { purpose: 'reveal-mnemonic', words: [...(session.words ?? [])], hasPassphrase: session.hasPassphrase === true };
      case 'import-mnemonic':
        return { purpose: 'import-mnemonic' };
      case 'import-private-key':
        return { purpose: 'import-private-key' };
      case 'confirm-send':
      case 'confirm-transfer':
      case 'confirm-rebalance':
      case 'confirm-setting': {
        const confirmation = session.confirmation;
        if (!confirmation) throw new StrataError('SESSION_NOT_READY', 'Nothing to confirm in this session');
        switch (confirmation.purpose) {
          case 'confirm-send':
            return { purpose: 'confirm-send', send: structuredClone(confirmation.send) };
          case 'confirm-transfer':
            return { purpose: 'confirm-transfer', transfer: structuredClone(confirmation.transfer) };
          case 'confirm-rebalance':
            return { purpose: 'confirm-rebalance', rebalance: structuredClone(confirmation.rebalance) };
          case 'confirm-setting':
            return { purpose: 'confirm-setting', setting: structuredClone(confirmation.setting) };
        }
      }
    }
  }

  /**
   * Checks the words the user typed back at the asked positions (1-based).
   * @throws CONFIRMATION_MISMATCH naming the wrong positions; after 5 failures the session is cancelled
   */
  confirmWords(id: string, answers: Record<string, string>): SecureSessionView {
    const session = this.findOpen(id, 'create-mnemonic');
    const positions = session.confirmPositions ?? [];
    const wrong = positions.filter((p) => answers[String(p)]?.trim().toLowerCase() !== session.words?.[p - 1]);
    if (wrong.length > 0) {
      session.failedConfirmations += 1;
      if (session.failedConfirmations >= MAX_FAILED_CONFIRMATIONS) this.end(session, 'cancelled');
      throw new StrataError('CONFIRMATION_MISMATCH', `Word${wrong.length > 1 ? 's' : ''} ${wrong.map((p) => `#${p}`).join(', ')} do${wrong.length > 1 ? '' : 'es'} not match`);
    }
    session.words = undefined;
    session.state = 'ready';
    return this.publish(session);
  }

  submitMnemonic(id: string, mnemonic: string, passphrase: string): SecureSessionView {
    const session = this.findOpen(id, 'import-mnemonic');
    session.secret = { kind: 'mnemonic', mnemonic: parseMnemonic(mnemonic), passphrase };
    session.state = 'ready';
    return this.publish(session);
  }

  submitPrivateKey(id: string, privateKey: string): SecureSessionView {
    const session = this.findOpen(id, 'import-private-key');
    session.secret = { kind: 'privateKey', privateKey: parsePrivateKey(privateKey) };
    session.state = 'ready';
    return this.publish(session);
  }

  /**
   * Hands a ready session's secret to the caller exactly once (the session becomes `consumed`).
   * @throws SESSION_NOT_FOUND, SESSION_NOT_READY
   */
  takeSecret(id: string, purposes: readonly Purpose[]): SessionSecret {
    const session = this.find(id);
    if (!purposes.includes(session.purpose) || session.state !== 'ready' || !session.secret) {
      throw new StrataError('SESSION_NOT_READY', 'The secure step is not finished yet');
    }
    const secret = session.secret;
    session.secret = undefined;
    this.end(session, 'consumed');
    return secret;
  }

  /** Puts a taken secret back when the vault refused it, so the user can retry with another password. */
  restoreSecret(id: string, secret: SessionSecret): void {
    const session = this.current;
    if (session?.id !== id || session.state !== 'consumed') return;
    session.secret = secret;
    session.state = 'ready';
    this.publish(session);
  }

  cancel(id: string): SecureSessionView {
    const session = this.find(id);
    if (session.state === 'open' || session.state === 'ready') this.end(session, 'cancelled');
    return toView(session);
  }

  /** Closing the window ends a reveal or an unfinished session; a ready one waits for the app to take it. */
  windowClosed(id: string): void {
    const session = this.current;
    if (session?.id !== id) return;
    if (session.state === 'open') this.end(session, session.purpose === 'reveal-mnemonic' ? 'consumed' : 'cancelled');
  }

  /** Wipes every secret (on lock and on quit). */
  cancelAll(): void {
    if (this.current && (this.current.state === 'open' || this.current.state === 'ready')) this.end(this.current, 'cancelled');
  }

  private open(purpose: Purpose): Session {
    this.cancelAll();
    const session: Session = { id: bytesToHex(randomBytes(16)), purpose, state: 'open', createdAt: this.clock.now(), failedConfirmations: 0 };
    this.current = session;
    this.expiryTimer = this.clock.setTimeout(() => this.expire(session), SESSION_TTL_MS + 1);
    return session;
  }

  /** Ends a session that outlived its TTL without waiting for the next look-up, so its window closes on time. */
  private expire(session: Session): void {
    if (this.current === session && (session.state === 'open' || session.state === 'ready')) this.end(session, 'expired');
  }

  private find(id: string): Session {
    const session = this.current;
    if (!session || session.id !== id) throw new StrataError('SESSION_NOT_FOUND', 'No such secure session (it may have expired)');
    if ((session.state === 'open' || session.state === 'ready') && this.clock.now() - session.createdAt > SESSION_TTL_MS) {
      this.end(session, 'expired');
    }
    return session;
  }

  private findOpen(id: string, purpose?: Purpose): Session {
    const session = this.find(id);
    if (session.state !== 'open' || (purpose && session.purpose !== purpose)) {
      throw new StrataError('SESSION_NOT_READY', `This secure session is ${session.state}`);
    }
    return session;
  }

  private end(session: Session, state: SecureSessionState): void {
    if (this.current === session && this.expiryTimer !== undefined) {
      this.clock.clearTimeout(this.expiryTimer);
      this.expiryTimer = undefined;
    }
    wipe(session);
    session.state = state;
    this.publish(session);
  }

  private publish(session: Session): SecureSessionView {
    const view = toView(session);
    this.onChange(view);
    return view;
  }
}

function toView(session: Session): SecureSessionView {
  return { sessionId: session.id, purpose: session.purpose, state: session.state };
}

function wipe(session: Session): void {
  if (session.secret?.kind === 'privateKey') session.secret.privateKey.fill(0);
  session.secret = undefined;
  session.words = undefined;
  session.confirmation = undefined;
}

/** `count` distinct 1-based positions out of `total`, ascending, from a CSPRNG. */
function pickPositions(total: number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const byte = randomBytes(1)[0] as number;
    if (byte >= 256 - (256 % total)) continue; // rejection sampling keeps the choice uniform
    chosen.add((byte % total) + 1);
  }
  return [...chosen].sort((a, b) => a - b);
}
