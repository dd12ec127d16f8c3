import { useEffect, useId, useMemo, useState } from 'react';
import { StrategyObjective, type StrategySettings } from '../../../../shared/domain/strategy';
import type { FrontierPoint } from '../../../../shared/optimizer';
import type { StrategyRequest } from '../../../../shared/strategy/computeStrategy';
import { DEMO_PRICES_CSV } from '../../../../shared/strategy/demoPrices';
import { defaultStrategy } from '../../../../shared/strategy/riskProfile';
import { Button } from '../../components/Button';
import { FormMessage } from '../../components/FormMessage';
import { Spinner } from '../../components/Spinner';
import { call } from '../../ipc/client';
import { errorText } from '../../ipc/errorText';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { useStrategyCompute } from '../../strategy/useStrategyCompute';
import { AllocationBars } from './AllocationBars';
import { FrontierChart, nonZeroWeights } from './FrontierChart';
import { PriceSourcePicker, type PriceSource } from './PriceSourcePicker';
import { RebalancePlan, saveRebalanceTarget } from './RebalancePlan';
import { RiskCard } from './RiskCard';
import { percentOfFraction } from '../../lib/numberFormat';
import { strategyErrorText } from './strategyErrorText';

const OBJECTIVE_LABELS: Record<StrategySettings['objective'], string> = {
  'max-utility': 'Best return for my risk aversion',
  'max-sharpe': 'Best return per unit of risk (max Sharpe)',
  'min-volatility': 'Least volatility',
  'efficient-risk': 'Most return at my target volatility',
  'efficient-return': 'Least risk for a middle return',
  'risk-parity': 'Equal risk from each asset (no bounds)',
  hrp: 'Hierarchical risk parity (no bounds)',
};

/** Picks a target portfolio: risk profile, constraints, price data, the efficient frontier and the allocations. */
export function StrategyPage() {
  const [settings, setSettings] = useState<StrategySettings>(() => defaultStrategy('balanced'));
  const [loaded, setLoaded] = useState(false);
  const [source, setSource] = useState<PriceSource>({ kind: 'demo' });
  const [picked, setPicked] = useState<number | null>(null);
  const [inspected, setInspected] = useState<number | null>(null);
  const [saveState, setSaveState] = useState<{ error: string | null; status: string | null; busy: boolean }>({ error: null, status: null, busy: false });
  const portfolio = usePortfolioStore((s) => s.portfolio);
  const ids = { min: useId(), max: useId(), stable: useId(), objective: useId(), file: useId() };

  useEffect(() => {
    let live = true;
    call('strategy.get', {})
      .then((saved) => {
        if (live && saved) setSettings(saved);
      })
      .catch(() => undefined)
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, []);

  const holdings = useMemo(() => {
    const byAsset: Record<string, number> = {};
    for (const h of portfolio?.holdings ?? []) {
      const usd = h.usdValue === null ? 0 : Number(h.usdValue);
      if (usd > 0) byAsset[h.asset.symbol] = (byAsset[h.asset.symbol] ?? 0) + usd;
    }
    return byAsset;
  }, [portfolio]);

  const request = useMemo<StrategyRequest | null>(
    () => (loaded ? { csv: source.kind === 'demo' ? DEMO_PRICES_CSV : source.csv, settings, holdings } : null),
    [loaded, source, settings, holdings],
  );
  const { answer, computing } = useStrategyCompute(request);
  const result = answer?.ok ? answer.result : null;

  const change = (next: StrategySettings) => {
    setSettings(next);
    setPicked(null);
    setSaveState({ error: null, status: null, busy: false });
  };
  const targetPoint: FrontierPoint | null = result ? (picked !== null ? (result.frontier[picked] ?? result.target) : result.target) : null;
  const shown = result && inspected !== null ? result.frontier[inspected] : targetPoint;

  async function save() {
    setSaveState({ error: null, status: null, busy: true });
    try {
      const saved = await call('strategy.save', settings);
      if (targetPoint) await saveRebalanceTarget(targetPoint.weights);
      setSettings(saved);
      setSaveState({ error: null, status: 'Strategy saved.', busy: false });
    } catch (error) {
      setSaveState({ error: errorText(error), status: null, busy: false });
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    setPicked(null);
    setSource({ kind: 'file', name: file.name, csv: await file.text() });
  }

  return (
    <>
      <div className="page__header">
        <div>
          <h1 className="page__title" tabIndex={-1}>
            Strategy
          </h1>
          <p className="page__subtitle">Choose how much risk to take; Strata finds the best mix of assets for it from price history.</p>
        </div>
        <div className="strategy__save">
          <Button variant="primary" busy={saveState.busy} busyText="Saving…" onClick={() => void save()} disabled={!loaded}>
            Save strategy
          </Button>
        </div>
      </div>
      <FormMessage error={saveState.error} status={saveState.status} className="strategy__messages" />
      <div className="strategy">
        <div className="strategy__side">
          <RiskCard key={loaded ? 'loaded' : 'loading'} settings={settings} onChange={change} />
        </div>
        <div className="strategy__main">
          <section className="card strategy-card" aria-labelledby="frontier-title">
            <div className="strategy-card__head">
              <h2 id="frontier-title" className="strategy-card__title">Efficient frontier</h2>
              <span className="strategy__status" role="status" data-testid="compute-status">
                {computing ? (
                  <>
                    <Spinner /> Computing…
                  </>
                ) : answer ? (
                  `${answer.ok ? 'Computed' : 'Failed'} in ${answer.ms.toFixed(1)} ms`
                ) : null}
              </span>
            </div>
            {answer && !answer.ok && (
              <p className="strategy__error" role="alert" data-testid="strategy-error" data-code={answer.error.code}>
                {strategyErrorText(answer.error)}
              </p>
            )}
            {!answer && <p className="strategy__empty">Computing the frontier…</p>}
            {result && targetPoint && (
              <div className="frontier-wrap">
                <FrontierChart points={result.frontier} target={targetPoint} today={result.today} picked={picked} onPick={setPicked} onInspect={setInspected} />
                <aside className="frontier-panel" aria-live="polite" data-testid="frontier-panel">
                  {shown && (
                    <>
                      <h3 className="frontier-panel__title">{inspected !== null ? `Frontier point ${inspected + 1} of ${result.frontier.length}` : picked !== null ? 'Target (picked point)' : 'Target'}</h3>
                      <dl className="frontier-panel__stats">
                        <dt>Return</dt>
                        <dd className="num" data-testid="panel-return" data-value={shown.expectedReturn}>{percentOfFraction(shown.expectedReturn)}</dd>
                        <dt>Volatility</dt>
                        <dd className="num" data-testid="panel-volatility" data-value={shown.volatility}>{percentOfFraction(shown.volatility)}</dd>
                        <dt>Sharpe</dt>
                        <dd className="num">{shown.sharpe.toFixed(2)}</dd>
                      </dl>
                      <ul className="frontier-panel__weights">
                        {nonZeroWeights(shown.weights).map(([a, w]) => (
                          <li key={a}>
                            <span>{a}</span>
                            <span className="num">{percentOfFraction(w)}</span>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </aside>
              </div>
            )}
          </section>
          {result && targetPoint && (
            <section className="card strategy-card" aria-labelledby="alloc-title">
              <h2 id="alloc-title" className="strategy-card__title">Today vs target</h2>
              <div className="strategy__allocs">
                <AllocationBars title="Today" assets={result.assets} weights={result.today?.weights ?? null} testId="alloc-today" />
                <AllocationBars title="Target" assets={result.assets} weights={targetPoint.weights} testId="alloc-target" />
              </div>
              {result.notOptimized.length > 0 && (
                <p className="strategy__note" data-testid="not-optimized">Not in the optimization (no price history): {result.notOptimized.join(', ')}.</p>
              )}
            </section>
          )}
          <RebalancePlan weights={targetPoint?.weights ?? null} />
          <div className="strategy__pair">
            <section className="card strategy-card" aria-labelledby="constraints-title">
              <h2 id="constraints-title" className="strategy-card__title">Constraints</h2>
              <label className="field" htmlFor={ids.objective}>
                <span className="field__label">Objective</span>
                <select id={ids.objective} className="input select" value={settings.objective} onChange={(e) => change({ ...settings, objective: StrategyObjective.parse(e.target.value) })}>
                  {StrategyObjective.options.map((o) => (
                    <option key={o} value={o}>{OBJECTIVE_LABELS[o]}</option>
                  ))}
                </select>
              </label>
              <div className="strategy__grid">
                <NumberField id={ids.min} label="Min weight" value={settings.minWeight} onChange={(v) => change({ ...settings, preset: 'custom', minWeight: v })} />
                <NumberField id={ids.max} label="Max weight" value={settings.maxWeight} onChange={(v) => change({ ...settings, preset: 'custom', maxWeight: v })} />
                <NumberField id={ids.stable} label="Stablecoins" value={settings.minStablecoinShare} min={0} onChange={(v) => change({ ...settings, preset: 'custom', minStablecoinShare: v })} />
              </div>
              <p className="field__hint">Weights are fractions (0.6 = 60%); “Stablecoins” is the least total share in USDC, USDT and other stablecoins.</p>
            </section>
            <section className="card strategy-card" aria-labelledby="data-title">
              <h2 id="data-title" className="strategy-card__title">Price data</h2>
              <PriceSourcePicker
                source={source}
                holdings={portfolio?.holdings ?? []}
                onSource={(next) => {
                  setPicked(null);
                  setSource(next);
                }}
              />
              <label className="field" htmlFor={ids.file}>
                <span className="field__label">Import CSV</span>
                <span className="field__hint">A date column, then one column of daily USD closes per asset symbol.</span>
                <input id={ids.file} className="strategy__file" type="file" accept=".csv,text/csv" onChange={(e) => void importFile(e.target.files?.[0])} />
              </label>
            </section>
          </div>
        </div>
      </div>
    </>
  );
}

function NumberField({ id, label, value, min = -1, onChange }: { id: string; label: string; value: number; min?: number; onChange(value: number): void }) {
  return (
    <label className="field" htmlFor={id}>
      <span className="field__label">{label}</span>
      <input
        id={id}
        className="input num"
        type="number"
        min={min}
        max={1}
        step={0.05}
        value={value}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (e.target.value !== '' && Number.isFinite(v) && v >= min && v <= 1) onChange(v);
        }}
      />
    </label>
  );
}
