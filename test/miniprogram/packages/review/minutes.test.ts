/** 会议记录: the draft from check-in, 请假 apart from absence, corrections with a reason, read-only for members. */
import { settle } from '../../helpers/ask';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { load, tap, textOf, type } from '../../helpers/load';
import { demoMinutes, savedMinutes } from '../../scenarios/review-scenarios';

const PAGE = 'packages/review/minutes/index';
const QUERY = { eventId: 'ev-theme-0515' };

describe('会议记录', () => {
  it('shows the draft with attendance, 请假 apart from absent, and saves a correction with its reason', async () => {
    const calls = stubCloud({ 'orgLife.get': ok(demoMinutes), 'orgLife.save': ok({ ...demoMinutes, saved: true }) });
    const view = load(PAGE, { query: QUERY });
    await settle();
    const text = textOf(view);
    expect(text).toContain('出席 3 人 · 报名 5 · 请假 1 · 出席率 75%');
    expect(text).toContain('请假（1）');
    expect(text).toContain('外出参加业务培训');
    expect(text).toContain('缺席（1）');
    expect(text).toContain('补记：签到设备故障，现场确认到会');

    // Tap the absent member, give the reason: saved with the correction.
    const absent = view
      .querySelectorAll('.sub-page >>> .row')
      .find((row) => (row.dom?.textContent ?? '').includes('赵丽'));
    absent?.dispatchEvent('tap');
    await settle();
    type(view, '#person-dialog >>> #reason', '会后补签，确认到会');
    tap(view, '#person-dialog >>> #dialog-confirm');
    await settle();
    const saved = calls.find((c) => c.action === 'orgLife.save')?.data as Record<string, unknown>;
    expect(saved).toMatchObject({
      eventId: 'ev-theme-0515',
      kind: '主题党日',
      topic: '学习贯彻党的二十届四中全会精神',
      host: '李明',
      adjustments: [{ memberId: 'm5', present: true, reason: '会后补签，确认到会' }],
    });
    expect(saved.outcomes).toEqual({
      peopleVisited: 0,
      forums: 0,
      researchVisits: 0,
      volunteers: 0,
      volunteerHours: 0,
      servicesDelivered: 0,
    });
  });

  it('shows the server’s refusal and keeps the form', async () => {
    stubCloud({
      'orgLife.get': ok(demoMinutes),
      'orgLife.save': fail({ code: 'MINUTES_TOO_EARLY', message: '活动开始后才能填写会议记录' }),
    });
    const view = load(PAGE, { query: QUERY });
    await settle();
    tap(view, '#save');
    await settle();
    expect(textOf(view)).toContain('活动开始后才能填写会议记录');
  });

  it('is read-only for a member', async () => {
    stubCloud({ 'orgLife.get': ok(savedMinutes) });
    const view = load(PAGE, { query: QUERY });
    await settle();
    expect(view.querySelector('.sub-page >>> #save')).toBeFalsy();
    expect(textOf(view)).toContain('李明 最后保存');
  });
});
