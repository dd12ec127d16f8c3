import { passwordStrength } from '../lib/passwordStrength';

/** A four-segment meter with a label; colours come from `meter--level-N` classes (no inline styles under CSP). */
export function PasswordStrengthMeter({ password }: { password: string }) {
  const { level, label } = passwordStrength(password);
  return (
    <span className={`meter meter--level-${level}`} aria-hidden={level === 0 || undefined}>
      <span className="meter__bars" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </span>
      <span className="meter__label">{label ? `Strength: ${label}` : ''}</span>
    </span>
  );
}
