/** 会议记录: the draft from check-in, 请假 apart from absence, corrections with a reason, read-only for members. */
import { settle } from '../../helpers/ask';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { load, tap, textOf, type } from '../../helpers/load';
import { demoMinutes, savedMinutes } from '../../scenarios/review-scenarios';

const PAGE = 'packages/review/minutes/index';
const tapRow = (view: ReturnType<typeof load>, selector: string) =>
  view.querySelector(`.sub-page >>> ${selector}`)!.dispatchEvent('tap');
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
      // The correction saved before travels with the new one, so it is not lost.
      adjustments: [
        { memberId: 'm3', present: true, reason: '签到设备故障，现场确认到会' },
        { memberId: 'm5', present: true, reason: '会后补签，确认到会' },
      ],
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

  it('shows a content-security refusal and keeps what was typed', async () => {
    const message = '会议内容中有不适宜发布的内容，请修改后再保存';
    stubCloud({
      'orgLife.get': ok(demoMinutes),
      'orgLife.save': fail({ code: 'MINUTES_CONTENT_REFUSED', message, details: [{ path: 'content', message }] }),
    });
    const view = load(PAGE, { query: QUERY });
    await settle();
    tap(view, '#save');
    await settle();
    expect(textOf(view)).toContain(message);
    expect(view.querySelector('.sub-page >>> #save')).toBeTruthy();
  });

  it('opens a saved attachment from its link, for a member too, and never removes it for them', async () => {
    const calls = stubCloud({ 'orgLife.get': ok(savedMinutes) });
    const preview = jest.spyOn(wx, 'previewImage').mockImplementation((() => undefined) as never);
    const download = jest
      .spyOn(wx, 'downloadFile')
      .mockImplementation(((o: WechatMiniprogram.DownloadFileOption) =>
        o.success?.({ tempFilePath: '/tmp/sign-in.pdf', statusCode: 200 } as never)) as never);
    const openDocument = jest
      .spyOn(wx, 'openDocument')
      .mockImplementation(((o: WechatMiniprogram.OpenDocumentOption) => o.success?.({ errMsg: 'ok' })) as never);
    const view = load(PAGE, { query: QUERY });
    await settle();
    expect(textOf(view)).toContain('5月主题党日签到表.pdf');
    expect(view.querySelector('.sub-page >>> #remove-file-0')).toBeFalsy();

    tapRow(view, '#file-0');
    await settle();
    expect(download).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://tmp.example/sign-in.pdf' }));
    expect(openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: '/tmp/sign-in.pdf' }));
    tapRow(view, '#file-1');
    await settle();
    expect(preview).toHaveBeenCalledWith({ urls: ['https://tmp.example/photo.jpg'] });
    // Still both files: tapping opened them, nothing else happened.
    expect(textOf(view)).toContain('现场照片.jpg');
    expect(calls.map((c) => c.action)).toEqual(['orgLife.get']);
  });

  it('lets the organiser remove a file with 移除, and saves without it', async () => {
    const calls = stubCloud({
      'orgLife.get': ok({ ...savedMinutes, canEdit: true }),
      'orgLife.save': ok({ ...savedMinutes, canEdit: true, attachments: savedMinutes.attachments.slice(1) }),
    });
    const download = jest.spyOn(wx, 'downloadFile');
    const view = load(PAGE, { query: QUERY });
    await settle();
    tapRow(view, '#remove-file-0');
    await settle();
    expect(download).not.toHaveBeenCalled();
    expect(textOf(view)).not.toContain('签到表.pdf');
    tap(view, '#save');
    await settle();
    const saved = calls.find((c) => c.action === 'orgLife.save')?.data as { attachments: unknown };
    // Only what the contract takes: the link is the server's to hand out.
    expect(saved.attachments).toEqual([{ fileID: 'cloud://env/minutes/o1/photo.jpg', name: '现场照片.jpg' }]);
  });

  it('is read-only for a member', async () => {
    stubCloud({ 'orgLife.get': ok(savedMinutes) });
    const view = load(PAGE, { query: QUERY });
    await settle();
    expect(view.querySelector('.sub-page >>> #save')).toBeFalsy();
    expect(textOf(view)).toContain('李明 最后保存');
  });
});
