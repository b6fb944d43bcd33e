/** Outcome figures entered once per activity in its minutes (people visited, forums, …), summed. */
import { OUTCOME_KEYS, OUTCOME_LABELS, type OutcomeKey } from '../../../contract';
import { shanghaiDateOf } from '../../../domain/shanghai-time';
import { links } from '../links';
import { ALL_SCOPES, type FigureModule } from '../figure';
import { scopeRecords } from '../scope';

const outcome = (key: OutcomeKey): FigureModule => ({
  key,
  title: OUTCOME_LABELS[key],
  group: '工作成效',
  unit: 'sum',
  scopes: ALL_SCOPES,
  evidence: async (ctx) =>
    (await scopeRecords(ctx))
      .filter((r) => (r.outcomes[key] ?? 0) > 0)
      .map((r) => ({
        id: r._id,
        date: shanghaiDateOf(r.startsAt),
        title: r.topic || r.title,
        link: links.minutes(r._id),
        amount: r.outcomes[key],
        detail: `${OUTCOME_LABELS[key]} ${r.outcomes[key]}`,
      })),
});

export const outcomeFigures: FigureModule[] = OUTCOME_KEYS.map(outcome);
