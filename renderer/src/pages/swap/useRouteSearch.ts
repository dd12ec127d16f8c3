import { useCallback, useEffect, useRef, useState } from 'react';
import type { Route } from '../../../../shared/domain/route';
import type { ErrorCode } from '../../../../shared/errors';
import { call } from '../../ipc/client';
import { errorCode } from '../../ipc/errorText';
import type { RouteQueryInput } from './swapDraft';

/** How long typing must pause before routes are quoted again. */
export const QUOTE_DEBOUNCE_MS = 450;

export type RouteSearch =
  | { state: 'idle' }
  | { state: 'finding'; query: RouteQueryInput }
  | { state: 'found'; query: RouteQueryInput; routes: Route[]; foundAt: number }
  | { state: 'error'; query: RouteQueryInput; code: ErrorCode | null; error: unknown };

/**
 * Quotes routes for the current query, debounced; an answer to an older query never replaces a newer one.
 * `findNow()` quotes at once (the "Find routes" button, or again after a quote expired).
 */
export function useRouteSearch(query: RouteQueryInput | null): { search: RouteSearch; findNow(): void } {
  const [search, setSearch] = useState<RouteSearch>({ state: 'idle' });
  const sequence = useRef(0);
  const key = query === null ? null : JSON.stringify(query);
  const latest = useRef(query);
  latest.current = query;

  const run = useCallback(async (q: RouteQueryInput) => {
    const mine = ++sequence.current;
    setSearch({ state: 'finding', query: q });
    try {
      const routes = await call('routes.find', q);
      if (mine === sequence.current) setSearch({ state: 'found', query: q, routes, foundAt: Date.now() });
    } catch (error) {
      if (mine === sequence.current) setSearch({ state: 'error', query: q, code: errorCode(error), error });
    }
  }, []);

  useEffect(() => {
    sequence.current++;
    const q = latest.current;
    if (q === null) {
      setSearch({ state: 'idle' });
      return;
    }
    // Routes of the previous query must not stay choosable while the new one waits for its quote.
    setSearch({ state: 'finding', query: q });
    const timer = window.setTimeout(() => void run(q), QUOTE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
    // The query's content, not its identity, decides when to quote again.
  }, [key, run]);

  const findNow = useCallback(() => {
    if (latest.current !== null) void run(latest.current);
  }, [run]);

  return { search, findNow };
}
