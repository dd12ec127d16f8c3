import { cx } from '../lib/cx';

/** A stable colour index (0..7) for a symbol, so USDC looks the same on every screen. */
function tone(symbol: string): number {
  let hash = 0;
  for (const char of symbol.toUpperCase()) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 8;
}

/** A round badge with an asset's first letters; decorative (the symbol is always written next to it). */
export function AssetAvatar({ symbol, size = 'md', tone: fixedTone }: { symbol: string; size?: 'sm' | 'md'; tone?: number }) {
  const letters = symbol.replace(/[^A-Za-z0-9]/g, '').slice(0, symbol.length > 4 ? 1 : 2) || '?';
  return (
    <span className={cx('avatar', `avatar--${fixedTone ?? tone(symbol)}`, size === 'sm' && 'avatar--sm')} aria-hidden="true">
      {letters.toUpperCase()}
    </span>
  );
}
