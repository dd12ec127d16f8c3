import { useId, useState } from 'react';
import { HIGH_SLIPPAGE, parseSlippage, SLIPPAGE_PRESETS } from './swapDraft';

/**
 * Slippage tolerance: presets as radio chips plus a custom percentage. An invalid custom value is said under the
 * field (and no routes are quoted with it); a high one is allowed with a warning.
 */
export function SlippageField({ value, onChange, disabled }: { value: string; onChange(value: string): void; disabled?: boolean }) {
  const ids = { custom: useId(), error: useId(), hint: useId() };
  const preset = (SLIPPAGE_PRESETS as readonly string[]).includes(value);
  const [custom, setCustom] = useState(preset ? '' : value);
  const parsed = parseSlippage(value);
  const error = parsed.ok ? null : parsed.error;
  const high = parsed.ok && parsed.percent > HIGH_SLIPPAGE;
  return (
    <fieldset className="tiers" disabled={disabled}>
      <legend className="field__label">Slippage tolerance</legend>
      <div className="slippage__row">
        {SLIPPAGE_PRESETS.map((p) => (
          <label key={p} className="chip-radio">
            <input
              type="radio"
              name="slippage"
              value={p}
              checked={value === p}
              onChange={() => {
                setCustom('');
                onChange(p);
              }}
            />
            <span>{p}%</span>
          </label>
        ))}
        <div className="slippage__custom">
          <label className="sr-only" htmlFor={ids.custom}>
            Custom slippage (percent)
          </label>
          <input
            id={ids.custom}
            className={`input slippage__input num${!preset ? ' is-active' : ''}`}
            inputMode="decimal"
            placeholder="Custom"
            autoComplete="off"
            maxLength={6}
            value={custom}
            onChange={(e) => {
              setCustom(e.target.value);
              onChange(e.target.value.trim() === '' ? '0.5' : e.target.value);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : high ? ids.hint : undefined}
          />
          <span className="slippage__percent" aria-hidden="true">
            %
          </span>
        </div>
      </div>
      {error ? (
        <div id={ids.error} className="field__error">
          {error}
        </div>
      ) : high ? (
        <div id={ids.hint} className="field__hint field__hint--warning">
          High tolerance: a swap may fill up to {value.trim()}% below the quote.
        </div>
      ) : (
        <div className="field__hint">Each swap and bridge step delivers at least its quote less this much, or nothing is sent.</div>
      )}
    </fieldset>
  );
}
