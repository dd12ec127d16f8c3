import { useEffect, useMemo, useRef, useState } from 'react';
import type { Holding } from '../../../../shared/domain/portfolio';
import type { PriceHistoryView } from '../../../../shared/ipc/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { call, on } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { heldCoins, historyCsv, type HeldCoin } from '../../strategy/marketHistory';

/** Where the Strategy page's prices come from. */
export type PriceSource = { kind: 'demo' } | { kind: 'file'; name: string; csv: string } | { kind: 'history'; csv: string };

/** A year of daily closes: as much as CoinGecko's keyless API serves. */
export const HISTORY_DAYS = 365;

type Load =
  | { phase: 'idle' }
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'done'; view: PriceHistoryView; coins: HeldCoin[] }
  | { phase: 'failed'; message: string };

/** The UTC day of a time, as the history's dates are written. */
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The price-data choice: the bundled demo data, an imported CSV (imported by the page), or the market history of the
 * coins the wallet holds from CoinGecko (through main's cache; progress while it loads, and the date it was fetched,
 * marked when it is an older copy).
 */
export function PriceSourcePicker({ source, holdings, onSource }: { source: PriceSource; holdings: readonly Holding[]; onSource(next: PriceSource): void }) {
  const coins = useMemo(() => heldCoins(holdings), [holdings]);
  const [load, setLoad] = useState<Load>({ phase: 'idle' });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const loading = load.phase === 'loading';

  async function loadHistory() {
    if (loading || coins.length === 0) return;
    const ids = coins.map((c) => c.id);
    setLoad({ phase: 'loading', done: 0, total: ids.length });
    const off = on('prices.historyProgress', (p) => {
      if (live.current) setLoad((l) => (l.phase === 'loading' ? { ...l, done: p.done, total: p.total } : l));
    });
    try {
      const view = await call('prices.history', { ids, days: HISTORY_DAYS });
      if (!live.current) return;
      setLoad({ phase: 'done', view, coins });
      onSource({ kind: 'history', csv: historyCsv(view, coins) });
    } catch (error) {
      if (live.current) setLoad({ phase: 'failed', message: errorText(error) });
    } finally {
      off();
    }
  }

  return (
    <>
      <fieldset className="segmented">
        <legend className="sr-only">Price data source</legend>
        <div className="segmented__options strategy__sources">
          <label className="segmented__option">
            <input type="radio" name="price-source" checked={source.kind === 'demo' && !loading} onChange={() => onSource({ kind: 'demo' })} />
            <span>Demo data (2021)</span>
          </label>
          <label className="segmented__option">
            <input type="radio" name="price-source" checked={source.kind === 'history' || loading} disabled={coins.length === 0} onChange={() => void loadHistory()} />
            <span>Market history (CoinGecko)</span>
          </label>
          <label className="segmented__option">
            <input type="radio" name="price-source" checked={source.kind === 'file' && !loading} disabled={source.kind !== 'file'} readOnly />
            <span>{source.kind === 'file' ? source.name : 'Imported CSV'}</span>
          </label>
        </div>
      </fieldset>
      <HistoryStatus load={load} shown={source.kind === 'history'} noCoins={coins.length === 0} />
    </>
  );
}

function HistoryStatus({ load, shown, noCoins }: { load: Load; shown: boolean; noCoins: boolean }) {
  if (load.phase === 'loading') {
    return (
      <div className="strategy__history" data-testid="history-status" data-phase="loading">
        <ProgressBar value={load.done} max={load.total} label="Loading price history" />
        <span className="strategy__note" role="status">Loading price history… {load.done} of {load.total}</span>
      </div>
    );
  }
  if (load.phase === 'failed') {
    return (
      <p className="strategy__error" role="alert" data-testid="history-status" data-phase="failed">
        The market history cannot be loaded: {load.message}
      </p>
    );
  }
  if (load.phase === 'done' && shown) {
    const { view, coins } = load;
    const sources = Object.values(view.sources);
    const stale = sources.some((s) => s.stale);
    const fetchedAt = Math.min(...sources.map((s) => s.fetchedAt));
    const names = view.assets.map((id) => coins.find((c) => c.id === id)?.name ?? id);
    return (
      <div className="strategy__history" data-testid="history-status" data-phase="done" data-stale={stale} data-fetched-at={fetchedAt}>
        <p className="strategy__note">
          Daily closes from CoinGecko of {names.join(', ')}: {view.dates[0]} to {view.dates.at(-1)}.{' '}
          {stale ? (
            <strong data-testid="history-stale">Last fetched {day(fetchedAt)}: CoinGecko could not be asked today, so this is the last copy.</strong>
          ) : (
            `Fetched ${day(fetchedAt)}.`
          )}
        </p>
        {view.missing.length > 0 && (
          <p className="strategy__note" data-testid="history-missing">
            No history for {view.missing.map((m) => coins.find((c) => c.id === m.id)?.name ?? m.id).join(', ')}: not in the optimization.
          </p>
        )}
      </div>
    );
  }
  if (noCoins) return <p className="field__hint">Market history covers the coins you hold: refresh the portfolio first.</p>;
  return null;
}
