/** How a review figure's value reads: a rate as a percentage, a count or sum as a number, none as —. */
import type { FigureUnit } from '../../../src/contract';

export function shownValue(f: { unit: FigureUnit; value: number | null }): string {
  if (f.value === null) return '—';
  return f.unit === 'rate' ? `${Math.round(f.value * 1000) / 10}%` : String(Math.round(f.value * 10) / 10);
}

export const SCOPE_KINDS = ['branch', 'pairing', 'committee'] as const;
