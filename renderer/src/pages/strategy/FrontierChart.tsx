import { useState, type KeyboardEvent } from 'react';
import type { FrontierPoint, Performance, Weights } from '../../../../shared/optimizer';
import { percentOfFraction } from '../../lib/numberFormat';

const W = 560;
const H = 320;
const PAD = { left: 74, right: 16, top: 16, bottom: 40 };

interface Props {
  points: readonly FrontierPoint[];
  target: Performance;
  today: Performance | null;
  picked: number | null;
  onPick(index: number): void;
  /** the point under the pointer or keyboard focus, to show its weights beside the chart */
  onInspect(index: number | null): void;
}

function ticks(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);
}

/**
 * The efficient frontier as SVG: x = volatility, y = expected return, one focusable group of point markers, today's
 * portfolio and the target. Arrow keys move along the frontier, Enter picks; hover or focus shows a point's weights.
 */
export function FrontierChart({ points, target, today, picked, onPick, onInspect }: Props) {
  const [active, setActive] = useState<number | null>(null);
  const all = [...points, target, ...(today ? [today] : [])];
  const xMax = Math.max(...all.map((p) => p.volatility)) * 1.08;
  const yMin = Math.min(0, ...all.map((p) => p.expectedReturn));
  const yMax = Math.max(...all.map((p) => p.expectedReturn)) * 1.08;
  const x = (v: number) => PAD.left + (v / (xMax || 1)) * (W - PAD.left - PAD.right);
  const y = (r: number) => H - PAD.bottom - ((r - yMin) / (yMax - yMin || 1)) * (H - PAD.top - PAD.bottom);
  // Labels near the right edge go to the left of their marker so they are not cut off.
  const labelX = (v: number, gap: number) => (x(v) > W - 80 ? { x: x(v) - gap, anchor: 'end' as const } : { x: x(v) + gap, anchor: 'start' as const });
  const todayLabel = today ? labelX(today.volatility, 10) : null;
  const targetLabel = labelX(target.volatility, 11);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.volatility).toFixed(2)},${y(p.expectedReturn).toFixed(2)}`).join(' ');

  const inspect = (i: number | null) => {
    setActive(i);
    onInspect(i);
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const last = points.length - 1;
    const at = active ?? picked ?? 0;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') inspect(Math.min(last, at + 1));
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') inspect(Math.max(0, at - 1));
    else if (e.key === 'Home') inspect(0);
    else if (e.key === 'End') inspect(last);
    else if (e.key === 'Enter' || e.key === ' ') {
      if (active !== null) onPick(active);
    } else return;
    e.preventDefault();
  };

  return (
    <svg
      className="frontier"
      viewBox={`0 0 ${W} ${H}`}
      role="application"
      aria-label="Efficient frontier: arrow keys move along the frontier, Enter picks the point as the target"
      tabIndex={0}
      onKeyDown={onKey}
      onFocus={() => inspect(active ?? picked ?? 0)}
      onBlur={() => inspect(null)}
      data-testid="frontier"
    >
      {ticks(yMin, yMax, 4).map((t) => (
        <g key={`y${t}`} className="frontier__grid">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
          <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end">{percentOfFraction(t, 0)}</text>
        </g>
      ))}
      {ticks(0, xMax, 5).map((t) => (
        <g key={`x${t}`} className="frontier__grid">
          <line x1={x(t)} x2={x(t)} y1={PAD.top} y2={H - PAD.bottom} />
          <text x={x(t)} y={H - PAD.bottom + 16} textAnchor="middle">{percentOfFraction(t, 0)}</text>
        </g>
      ))}
      <text className="frontier__axis" x={(W + PAD.left) / 2} y={H - 6} textAnchor="middle">Volatility (a year)</text>
      <text className="frontier__axis" transform={`translate(14 ${(H - PAD.bottom) / 2}) rotate(-90)`} textAnchor="middle">Expected return</text>
      <path className="frontier__curve" d={path} />
      {points.map((p, i) => (
        <circle
          key={i}
          className={`frontier__point${i === active ? ' is-active' : ''}${i === picked ? ' is-picked' : ''}`}
          cx={x(p.volatility)}
          cy={y(p.expectedReturn)}
          r={i === active || i === picked ? 6 : 3.5}
          data-index={i}
          onMouseEnter={() => inspect(i)}
          onMouseLeave={() => inspect(null)}
          onClick={() => onPick(i)}
        />
      ))}
      {today && (
        <g className="frontier__marker frontier__marker--today" data-testid="frontier-today">
          <rect x={x(today.volatility) - 6} y={y(today.expectedReturn) - 6} width="12" height="12" rx="2" />
          <text x={todayLabel?.x} y={y(today.expectedReturn) + 4} textAnchor={todayLabel?.anchor}>Today</text>
        </g>
      )}
      <g className="frontier__marker frontier__marker--target" data-testid="frontier-target">
        <path d={`M${x(target.volatility)},${y(target.expectedReturn) - 8} l8,8 l-8,8 l-8,-8 z`} />
        <text x={targetLabel.x} y={y(target.expectedReturn) - 6} textAnchor={targetLabel.anchor}>Target</text>
      </g>
    </svg>
  );
}

/** Weights of a portfolio, largest first, without the zeros. */
export function nonZeroWeights(weights: Weights): Array<[string, number]> {
  return Object.entries(weights)
    .filter(([, w]) => Math.abs(w) >= 0.0005)
    .sort((a, b) => b[1] - a[1]);
}
