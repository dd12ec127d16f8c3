import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../shared/portfolio/formatUsd';

describe('formatUsd', () => {
  it('groups thousands and shows cents, rounded half up', () => {
    expect(formatUsd('4680.83')).toBe('$4,680.83');
    expect(formatUsd('1234567.5')).toBe('$1,234,567.50');
    expect(formatUsd('999.995')).toBe('$1,000.00');
    expect(formatUsd('0')).toBe('$0.00');
    expect(formatUsd('0.004')).toBe('$0.00');
    expect(formatUsd('385253083299.20')).toBe('$385,253,083,299.20');
  });

  it('puts the sign before the dollar, and never shows -$0.00', () => {
    expect(formatUsd('-12.345')).toBe('-$12.35');
    expect(formatUsd('-0.001')).toBe('$0.00');
  });

  it('shows a missing or malformed value as the placeholder', () => {
    expect(formatUsd(null)).toBe('—');
    expect(formatUsd(undefined)).toBe('—');
    expect(formatUsd(null, { missing: 'no price' })).toBe('no price');
    expect(formatUsd('1e5')).toBe('—');
    expect(formatUsd('12,5')).toBe('—');
    expect(formatUsd('')).toBe('—');
  });
});
