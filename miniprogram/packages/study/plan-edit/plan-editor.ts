/** The plan editor's pure moves: reorder, remove, add, mark the first item 第一议题. */
import type { ActionInput, StudyPlanItemView } from '../../../../src/contract';

export type EditItem = Pick<
  StudyPlanItemView,
  'title' | 'material' | 'kind' | 'suggestedMinutes' | 'dueDate' | 'firstTopic' | 'eventIds'
> & {
  id?: string;
};

export function moveItem(items: readonly EditItem[], from: number, by: number): EditItem[] {
  const to = from + by;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  // Only the first item may be the 第一议题: it stays with whichever item is first.
  return next.map((item, i) => (i === 0 ? item : { ...item, firstTopic: false }));
}

export function removeItem(items: readonly EditItem[], at: number): EditItem[] {
  return items.filter((_, i) => i !== at);
}

export function addItem(items: readonly EditItem[], title: string): EditItem[] {
  return [
    ...items,
    { title, material: '', kind: '文章', suggestedMinutes: 30, dueDate: null, firstTopic: false, eventIds: [] },
  ];
}

export function toggleFirstTopic(items: readonly EditItem[]): EditItem[] {
  return items.map((item, i) => (i === 0 ? { ...item, firstTopic: !item.firstTopic } : item));
}

export function editRows(items: readonly EditItem[]) {
  return items.map((item, i) => ({
    key: item.id ?? `new-${i}`,
    title: item.title,
    meta: `${item.kind} · ${item.suggestedMinutes} 分钟${item.eventIds.length ? ` · 关联集体学习 ${item.eventIds.length} 次` : ''}`,
    first: i === 0,
    last: i === items.length - 1,
    badge: item.firstTopic ? '第一议题' : '',
  }));
}

export function planInput(month: string, items: readonly EditItem[]): ActionInput<'study.plan.set'> {
  return {
    month,
    items: items.map((item) => ({
      ...(item.id ? { id: item.id } : {}),
      title: item.title,
      material: item.material,
      kind: item.kind,
      suggestedMinutes: item.suggestedMinutes,
      dueDate: item.dueDate,
      firstTopic: item.firstTopic,
      eventIds: item.eventIds,
    })),
  };
}
