import { MIN_PASSWORD_LENGTH } from '../../../shared/passwordPolicy';

export { MIN_PASSWORD_LENGTH };

/** Length as main counts it (code points, not UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password].length;
}

export type StrengthLevel = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  /** 0 = empty, 1 = too short / weak, 2 = fair, 3 = good, 4 = strong */
  level: StrengthLevel;
  label: string;
  hint: string;
}

/**
 * A rough, local strength hint (length and variety of characters). It only guides the user; the real defence is
 * the memory-hard KDF in main. Never sends the password anywhere.
 */
export function passwordStrength(password: string): PasswordStrength {
  const length = passwordLength(password);
  if (length === 0) return { level: 0, label: '', hint: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  if (length < MIN_PASSWORD_LENGTH) {
    const missing = MIN_PASSWORD_LENGTH - length;
    return { level: 1, label: 'Too short', hint: `${missing} more character${missing === 1 ? '' : 's'} needed.` };
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  const unique = new Set(password).size;
  // Length dominates: a long passphrase of plain words beats a short mix of symbols.
  let score = 0;
  if (length >= 12) score += 1;
  if (length >= 16) score += 1;
  if (length >= 20 || classes >= 3) score += 1;
  if (unique < 5) score = 0;
  if (score === 0) return { level: 1, label: 'Weak', hint: 'Longer is stronger: try a few unrelated words.' };
  if (score === 1) return { level: 2, label: 'Fair', hint: 'Adding more words or characters makes it harder to guess.' };
  if (score === 2) return { level: 3, label: 'Good', hint: 'A good password. Longer is even better.' };
  return { level: 4, label: 'Strong', hint: 'A strong password.' };
}

/** Why main would refuse this password for a vault (same rule as `shared/passwordPolicy.ts`), or null. */
export function passwordProblem(password: string): string | null {
  if (passwordLength(password) < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.trim().length === 0) return 'A password cannot be only spaces.';
  return null;
}
