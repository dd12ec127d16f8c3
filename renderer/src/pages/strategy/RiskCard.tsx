import { useId, useState } from 'react';
import { RiskAnswers, type RiskPreset, type StrategySettings } from '../../../../shared/domain/strategy';
import { defaultStrategy, PRESET_LABELS, riskProfile } from '../../../../shared/strategy/riskProfile';
import { Button } from '../../components/Button';
import { percentOfFraction } from '../../lib/numberFormat';

type Question<K extends keyof RiskAnswers> = { key: K; legend: string; options: Array<{ value: RiskAnswers[K]; label: string }> };

const HORIZON: Question<'horizon'> = {
  key: 'horizon',
  legend: 'How long will you keep this money invested?',
  options: [
    { value: 'under-1y', label: 'Under 1 year' },
    { value: '1-3y', label: '1–3 years' },
    { value: '3-7y', label: '3–7 years' },
    { value: 'over-7y', label: 'Over 7 years' },
  ],
};
const DRAWDOWN: Question<'drawdown'> = {
  key: 'drawdown',
  legend: 'Your portfolio drops 30% in a month. You…',
  options: [
    { value: 'sell-all', label: 'Sell everything' },
    { value: 'sell-some', label: 'Sell some' },
    { value: 'hold', label: 'Hold' },
    { value: 'buy-more', label: 'Buy more' },
  ],
};
const GOAL: Question<'goal'> = {
  key: 'goal',
  legend: 'What matters most?',
  options: [
    { value: 'preserve', label: 'Keep what I have' },
    { value: 'income', label: 'Steady income' },
    { value: 'growth', label: 'Growth' },
    { value: 'max-growth', label: 'Most growth' },
  ],
};

interface Props {
  settings: StrategySettings;
  onChange(settings: StrategySettings): void;
}

/** Three questions → a preset with its explanation; then presets and the two sliders to adjust it. */
export function RiskCard({ settings, onChange }: Props) {
  const [draft, setDraft] = useState<Partial<RiskAnswers>>(settings.answers ?? {});
  const deltaId = useId();
  const volId = useId();
  const complete = RiskAnswers.safeParse(draft);
  const profile = settings.answers ? riskProfile(settings.answers) : null;

  function question<K extends keyof RiskAnswers>(q: Question<K>) {
    return (
      <fieldset className="segmented risk__question" key={q.key}>
        <legend className="field__label">{q.legend}</legend>
        <div className="segmented__options">
          {q.options.map((o) => (
            <label key={o.value} className="segmented__option">
              <input type="radio" name={`risk-${q.key}`} value={o.value} checked={draft[q.key] === o.value} onChange={() => setDraft({ ...draft, [q.key]: o.value })} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }

  return (
    <section className="card strategy-card risk" aria-labelledby="risk-title">
      <h2 id="risk-title" className="strategy-card__title">Risk profile</h2>
      <div className="risk__questions">
        {question(HORIZON)}
        {question(DRAWDOWN)}
        {question(GOAL)}
      </div>
      <Button
        variant="primary"
        disabled={!complete.success}
        onClick={() => {
          if (!complete.success) return;
          const p = riskProfile(complete.data);
          onChange({ ...defaultStrategy(p.preset, complete.data), objective: settings.objective, riskFreeRate: settings.riskFreeRate, driftBandPct: settings.driftBandPct, allowedChains: settings.allowedChains });
        }}
      >
        See my profile
      </Button>
      {profile && (
        <p className="risk__result" data-testid="risk-result">
          <strong>{PRESET_LABELS[profile.preset]}</strong> (score {profile.score}/9). {profile.explanation}
        </p>
      )}
      <div className="risk__presets" role="group" aria-label="Preset">
        {(['conservative', 'balanced', 'growth'] as RiskPreset[]).map((p) => (
          <Button
            key={p}
            size="sm"
            variant={settings.preset === p ? 'primary' : 'secondary'}
            aria-pressed={settings.preset === p}
            onClick={() => onChange({ ...defaultStrategy(p, settings.answers), objective: settings.objective, riskFreeRate: settings.riskFreeRate, driftBandPct: settings.driftBandPct, allowedChains: settings.allowedChains })}
          >
            {PRESET_LABELS[p]}
          </Button>
        ))}
        {settings.preset === 'custom' && <span className="badge">Custom</span>}
      </div>
      <div className="risk__sliders">
        <label className="field" htmlFor={deltaId}>
          <span className="field__top">
            <span className="field__label">Risk aversion</span>
            <output className="num">{settings.riskAversion.toFixed(1)}</output>
          </span>
          <input id={deltaId} className="range" type="range" min="0.5" max="20" step="0.5" value={settings.riskAversion} onChange={(e) => onChange({ ...settings, preset: 'custom', riskAversion: Number(e.target.value) })} />
        </label>
        <label className="field" htmlFor={volId}>
          <span className="field__top">
            <span className="field__label">Target volatility</span>
            <output className="num">{percentOfFraction(settings.targetVolatility, 0)}</output>
          </span>
          <input id={volId} className="range" type="range" min="0.05" max="2" step="0.05" value={settings.targetVolatility} onChange={(e) => onChange({ ...settings, preset: 'custom', targetVolatility: Number(e.target.value) })} />
        </label>
      </div>
    </section>
  );
}
