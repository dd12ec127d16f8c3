import { describe, expect, it } from 'vitest';
import type { FoundRoute } from '../../electron/services/routing/findRoutes';
import { QUOTE_TTL_MS, QuoteBook } from '../../electron/services/routing/quoteBook';
import { expectStrataError } from '../unit/expectStrataError';

const found = (id: string, amountIn: string): FoundRoute => ({ route: { id, amountIn } as FoundRoute['route'], plan: [] });

describe('QuoteBook: found quotes by quote id', () => {
  it('keeps two quotes of one search apart and of two searches too; a removed quote is gone', () => {
    let now = 1_000;
    const book = new QuoteBook(() => now);
    const a = found('q-a', '1');
    const b = found('q-b', '2');
    book.keep([a]);
    book.keep([b]);
    expect([book.get('q-a'), book.get('q-b')]).toEqual([a, b]);
    book.remove('q-a');
    expectStrataError(() => book.get('q-a'), 'QUOTE_EXPIRED', /^This quote has expired or was already started: find routes again$/);
    expect(book.get('q-b')).toBe(b);
    now += 1;
    book.clear();
    expectStrataError(() => book.get('q-b'), 'QUOTE_EXPIRED', /expired/);
  });

  it('expires a quote exactly QUOTE_TTL_MS after it was found', () => {
    let now = 50_000;
    const book = new QuoteBook(() => now);
    book.keep([found('q', '1')]);
    now += QUOTE_TTL_MS - 1;
    expect(book.get('q').route.amountIn).toBe('1');
    now += 1;
    expectStrataError(() => book.get('q'), 'QUOTE_EXPIRED', /expired/);
    expectStrataError(() => book.get('never-found'), 'QUOTE_EXPIRED', /expired/);
  });
});
