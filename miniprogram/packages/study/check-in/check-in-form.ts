/** The check-in form: its values, what it sends, and the chips of study kinds. */
import type { ActionInput, StudyKind, StudyTodayView } from '../../../../src/contract';
import { STUDY_KINDS } from '../../../utils/limits';

export interface CheckInValues {
  planItemId: string;
  title: string;
  materialKind: StudyKind;
  minutes: string;
  link: string;
  reflection: string;
}

export const FIELDS = ['title', 'minutes', 'link', 'reflection', 'photos'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_OF: Record<string, Field> = {
  title: 'title',
  minutes: 'minutes',
  link: 'link',
  reflection: 'reflection',
  photos: 'photos',
  'photos.0': 'photos',
  'photos.1': 'photos',
  'photos.2': 'photos',
};

export const EMPTY_VALUES: CheckInValues = {
  planItemId: '',
  title: '',
  materialKind: '文章',
  minutes: '30',
  link: '',
  reflection: '',
};

/** Today's check-in if there is one (editing), else the plan item named, else empty. */
export function initialValues(view: StudyTodayView, itemId: string): { values: CheckInValues; itemTitle: string } {
  const item = view.plans.flatMap((plan) => plan.items).find((candidate) => candidate.id === itemId) ?? null;
  const c = view.checkIn;
  if (c && !item)
    return {
      values: {
        planItemId: c.planItemId ?? '',
        title: c.title,
        materialKind: c.materialKind,
        minutes: String(c.minutes),
        link: c.link,
        reflection: c.reflection ?? '',
      },
      itemTitle: c.planItemId ? c.title : '',
    };
  return {
    values: {
      planItemId: item?.id ?? '',
      title: '',
      materialKind: item?.kind ?? '文章',
      minutes: String(item?.suggestedMinutes ?? 30),
      link: '',
      reflection: c?.reflection ?? '',
    },
    itemTitle: item?.title ?? '',
  };
}

export function kindChips(chosen: StudyKind) {
  return STUDY_KINDS.map((kind) => ({ kind, className: kind === chosen ? 'st-chip st-chip--on' : 'st-chip' }));
}

export function checkInInput(values: CheckInValues, photos: string[] = []): ActionInput<'study.checkIn'> {
  const minutes = Number(values.minutes);
  return {
    ...(values.planItemId
      ? { planItemId: values.planItemId }
      : { title: values.title, materialKind: values.materialKind }),
    minutes: Number.isFinite(minutes) ? minutes : 0,
    link: values.link,
    reflection: values.reflection,
    ...(photos.length > 0 ? { photos } : {}),
  };
}
