/** What a review figure is: a small module defined by the records it counts. */
import type { EvidenceRow, FigureUnit, ReviewScopeKind } from '../../contract';
import type { ReviewContext } from './scope';

export interface FigureModule {
  /** Stable key (letters and digits): the export's sheet order and the evidence action use it. */
  key: string;
  title: string;
  /** Heading the figure is listed under. */
  group: string;
  unit: FigureUnit;
  scopes: readonly ReviewScopeKind[];
  /** The records the figure counts. */
  evidence(ctx: ReviewContext): Promise<EvidenceRow[]>;
}

export const ALL_SCOPES = ['branch', 'pairing', 'committee'] as const satisfies readonly ReviewScopeKind[];
