/**
 * The review's figures, each a small module defined by its evidence: the records it counts (date,
 * title, link). The value is never stored or typed in: a count is the number of rows, a sum adds
 * their amounts, a rate divides Σnum by Σden, and the same rule gives each month. Adding a figure
 * is one module and one line below.
 */
import type { EvidenceRow, FigureValue, ReviewScopeKind } from '../../contract';
import { byKind, byMonth, figureValue } from '../../domain/review';
import { contactFigures } from './figures/contact-points';
import { memberActivityFigures } from './figures/member-activity';
import { coverageFigures } from './figures/coverage';
import { orgLifeFigures } from './figures/org-life';
import { outcomeFigures } from './figures/outcomes';
import { pairingFigures } from './figures/pairing';
import type { FigureModule } from './figure';
import type { ReviewContext } from './scope';

export type { FigureModule } from './figure';

export const FIGURES: readonly FigureModule[] = [
  ...orgLifeFigures,
  ...pairingFigures,
  ...outcomeFigures,
  ...contactFigures,
  ...coverageFigures,
  ...memberActivityFigures,
];

export function figuresFor(kind: ReviewScopeKind): FigureModule[] {
  return FIGURES.filter((f) => f.scopes.includes(kind));
}

export function figureByKey(key: string, kind: ReviewScopeKind): FigureModule | undefined {
  return figuresFor(kind).find((f) => f.key === key);
}

const byDate = (a: EvidenceRow, b: EvidenceRow) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

export async function evidenceOf(figure: FigureModule, ctx: ReviewContext): Promise<EvidenceRow[]> {
  return (await figure.evidence(ctx)).slice().sort(byDate);
}

export function valueOf(figure: FigureModule, rows: readonly EvidenceRow[], year: number): FigureValue {
  return {
    key: figure.key,
    title: figure.title,
    group: figure.group,
    unit: figure.unit,
    value: figureValue(figure.unit, rows),
    byMonth: byMonth(figure.unit, rows, year),
    byKind: byKind(figure.unit, rows),
    evidenceCount: rows.length,
  };
}

/** Every figure of the scope with its evidence. */
export async function computeFigures(
  ctx: ReviewContext,
): Promise<{ figure: FigureModule; rows: EvidenceRow[]; value: FigureValue }[]> {
  const out = [];
  for (const figure of figuresFor(ctx.scope.kind)) {
    const rows = await evidenceOf(figure, ctx);
    out.push({ figure, rows, value: valueOf(figure, rows, ctx.year) });
  }
  return out;
}
