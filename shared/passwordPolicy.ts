import { StrataError } from './errors';

export const MIN_PASSWORD_LENGTH = 8;

/**
 * The vault password rule, checked in main (authoritative) and in the renderer (to help while typing).
 * Length is what matters against offline guessing once scrypt slows each guess down.
 * @throws StrataError WEAK_PASSWORD
 */
export function assertAcceptablePassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new StrataError('WEAK_PASSWORD', `Use at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.trim().length === 0) throw new StrataError('WEAK_PASSWORD', 'A password cannot be only spaces');
}
