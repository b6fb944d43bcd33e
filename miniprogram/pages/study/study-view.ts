/** 学习 tab view model: today's card, streak, minutes and this month's plans with what is studied. */
import type { StudyTodayView } from '../../../src/contract';

export interface PlanItemRow {
  id: string;
  title: string;
  meta: string;
  className: string;
  badge: string;
}

export interface PlanBlock {
  key: string;
  title: string;
  items: PlanItemRow[];
  progressText: string;
}

export function todayCard(view: StudyTodayView) {
  const c = view.checkIn;
  return {
    checkedIn: c !== null,
    headline: c ? `今日已学习 ${c.minutes} 分钟` : '今天还没有学习',
    detail: c ? c.title : '学习一篇文章、一段视频或一次党课，记录下来',
    reviewNote: c?.reflectionState === 'review' ? '心得正在审核，审核通过前只有你能看到' : '',
    actionText: c ? '修改今天的学习' : '学习打卡',
    streakText: `连续 ${view.streak.current} 天`,
    longestText: `最长 ${view.streak.longest} 天`,
    weekText: `本周 ${view.minutes.week} 分钟`,
    monthText: `本月 ${view.minutes.month} 分钟`,
  };
}

export function planBlocks(view: StudyTodayView): PlanBlock[] {
  const studied = new Set(view.studiedItemIds);
  return view.plans.map((plan) => {
    const done = plan.items.filter((item) => studied.has(item.id)).length;
    return {
      key: `${plan.owner.kind}-${plan.owner.id}`,
      title: `${plan.ownerName} · ${Number(plan.month.slice(5))}月学习计划`,
      progressText: `已学 ${done}/${plan.items.length}`,
      items: plan.items.map((item) => ({
        id: item.id,
        title: item.title,
        meta: `${item.kind} · 建议 ${item.suggestedMinutes} 分钟${item.dueDate ? ` · ${Number(item.dueDate.slice(5, 7))}月${Number(item.dueDate.slice(8))}日前` : ''}`,
        badge: item.firstTopic ? '第一议题' : '',
        className: studied.has(item.id) ? 'plan-item plan-item--done' : 'plan-item',
      })),
    };
  });
}
