/** Attendance through the real check-in service and API client; only the WeChat transport, the download and the document viewer are stubbed. */
import type { AttendanceReport } from '../../../../src/contract';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import type { Replies } from '../../helpers/cloud';
import { attendanceReport } from '../../helpers/event-fixtures';
import { flush, load, tap, textOf, type } from '../../helpers/load';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setCareMode } from '../../../../miniprogram/store/preferences';

const PAGE = 'packages/events/attendance/index';

function open(report: Replies['attendance.get'], extra: Replies = {}) {
  const calls = stubCloud({ 'attendance.get': report, ...extra });
  const page = load(PAGE, { query: { eventId: 'event-1' } });
  return { page, calls };
}

const tapOn = (page: ReturnType<typeof load>, selector: string) => page.querySelector(selector)!.dispatchEvent('tap');

describe('attendance page', () => {
  it('shows the table by branch and each person’s check-in', async () => {
    const { page, calls } = open(ok(attendanceReport()));
    await flush();
    expect(calls[0]).toEqual({ action: 'attendance.get', data: { eventId: 'event-1' } });
    expect(textOf(page, '.attendance__table')).toContain('第一党支部32110');
    const people = textOf(page, '.attendance__people');
    expect(people).toContain('王芳第一党支部 · 已报名14:20 扫码签到');
    expect(people).toContain('赵强第一党支部 · 已报名14:40 补签 · 迟到 · 李明：手机没电');
    expect(people).toContain('孙丽第一党支部 · 已报名未签到补签');
  });

  it('in 关怀模式 puts each branch name on a line of its own above its figures', async () => {
    setCareMode(true);
    try {
      const report = attendanceReport();
      const long = { ...report.byBranch[0]!, branch: { id: 'b2', name: '市财政局机关第二党支部' } };
      const { page } = open(ok<AttendanceReport>({ ...report, byBranch: [...report.byBranch, long] }));
      await flush();
      expect(page.querySelector('.care-mode')).toBeTruthy();
      const names = page.querySelectorAll('.attendance__row .attendance__name').map((n) => n.dom?.textContent);
      expect(names).toContain('市财政局机关第二党支部');
      // The legend is three lines, one definition each, rather than one run broken anywhere.
      expect(page.querySelectorAll('.attendance__legend-line').map((n) => n.dom?.textContent)).toEqual([
        '到会：报名且已签到',
        '迟到：活动开始后签到（含临时）',
        '临时：未报名而到场签到',
      ]);
      // What lays it out (jsdom has no layout; the gallery's care shot shows it).
      const wxss = readFileSync(
        join(__dirname, '../../../../miniprogram/packages/events/attendance/index.wxss'),
        'utf8',
      );
      expect(wxss).toMatch(/\.care-mode \.attendance__row \.attendance__name \{[^}]*flex: 0 0 100%/);
    } finally {
      setCareMode(false);
    }
  });

  it('adds a 合计 row when several branches take part', async () => {
    const report = attendanceReport();
    const other = {
      branch: { id: 'b2', name: '城西社区党委' },
      registered: 5,
      attended: 4,
      late: 0,
      absent: 1,
      walkIns: 2,
    };
    const { page } = open(
      ok<AttendanceReport>({
        ...report,
        byBranch: [...report.byBranch, other],
        totals: { registered: 8, attended: 6, late: 1, absent: 2, walkIns: 2 },
      }),
    );
    await flush();
    expect(textOf(page, '.attendance__row--total')).toBe('合计86122');
  });

  it('filters the people who have not checked in', async () => {
    const { page } = open(ok(attendanceReport()));
    await flush();
    tapOn(page, '#filter-absent');
    await flush();
    const people = textOf(page, '.attendance__people');
    expect(people).toContain('孙丽');
    expect(people).not.toContain('王芳');
    expect(textOf(page, '#filter-absent')).toBe('未签到 1');
  });

  it('checks someone in by hand with a reason, then shows the new report', async () => {
    let done = false;
    const { page, calls } = open(
      () =>
        ok(
          done
            ? attendanceReport({
                people: attendanceReport().people.map((p) =>
                  p.memberId === 'm-sun'
                    ? {
                        ...p,
                        checkIn: {
                          at: '2026-05-15T07:00:00.000Z',
                          timing: 'late',
                          method: 'manual',
                          byName: '李明',
                          reason: '现场签到表',
                        },
                      }
                    : p,
                ),
              })
            : attendanceReport(),
        ),
      {
        'checkin.manual': () => {
          done = true;
          return ok({
            eventId: 'event-1',
            memberId: 'm-sun',
            name: '孙丽',
            status: 'present',
            at: '2026-05-15T07:00:00.000Z',
            timing: 'late',
            method: 'manual',
          });
        },
      },
    );
    await flush();
    tapOn(page, '#person-m-sun');
    await flush();
    expect(textOf(page, '#person-dialog')).toContain('为 孙丽 补签');
    type(page, '#person-dialog >>> #reason', '现场签到表');
    tap(page, '#person-dialog >>> #dialog-confirm');
    await flush();
    expect(calls.find((c) => c.action === 'checkin.manual')!.data).toEqual({
      eventId: 'event-1',
      memberId: 'm-sun',
      reason: '现场签到表',
    });
    expect(textOf(page, '.attendance__people')).toContain(
      '孙丽第一党支部 · 已报名15:00 补签 · 迟到 · 李明：现场签到表',
    );
    expect(page.querySelector('#person-dialog >>> .reason-dialog')).toBeUndefined();
  });

  it('undoes a check-in with a reason, and keeps the dialog open on the server’s refusal', async () => {
    const { page, calls } = open(ok(attendanceReport()), {
      'checkin.undo': fail({ code: 'NOT_CHECKED_IN', message: '该党员尚未签到' }),
    });
    await flush();
    tapOn(page, '#person-m-wang');
    await flush();
    expect(textOf(page, '#person-dialog')).toContain('撤销 王芳 的签到');
    type(page, '#person-dialog >>> #reason', '误扫');
    tap(page, '#person-dialog >>> #dialog-confirm');
    await flush();
    expect(calls.find((c) => c.action === 'checkin.undo')!.data).toEqual({
      eventId: 'event-1',
      memberId: 'm-wang',
      reason: '误扫',
    });
    expect(textOf(page, '#person-dialog')).toContain('该党员尚未签到');
  });

  describe('waitlist and 释放名额', () => {
    const base = attendanceReport();
    const waiting = (memberId: string, name: string, position: number) => ({
      ...base.people[2]!,
      memberId,
      name,
      registration: 'waitlisted' as const,
      waitlistPosition: position,
    });
    const withWaitlist = attendanceReport({
      people: [...base.people, waiting('m-zhou', '周建国', 2), waiting('m-wu', '吴秀英', 1)],
    });
    const registrationResult = {
      eventId: 'event-1',
      registration: null,
      counts: { registered: 3, waitlisted: 1, capacity: 3, remaining: 0 },
    };

    it('shows each waitlisted person’s place, and the waitlist in its order', async () => {
      const { page } = open(ok(withWaitlist));
      await flush();
      expect(textOf(page, '.attendance__people')).toContain('吴秀英第一党支部 · 候补第 1 位');
      expect(textOf(page, '#filter-waitlist')).toBe('候补 2');
      tapOn(page, '#filter-waitlist');
      await flush();
      expect(page.querySelectorAll('.person__name').map((n) => n.dom?.firstChild?.textContent)).toEqual([
        '吴秀英',
        '周建国',
      ]);
    });

    it('offers 释放名额 for a place not yet used, never for someone checked in or after the event', async () => {
      const { page } = open(ok(withWaitlist));
      await flush();
      expect(page.querySelector('#release-m-sun')).toBeDefined();
      expect(page.querySelector('#release-m-wu')).toBeDefined();
      expect(page.querySelector('#release-m-wang')).toBeUndefined();
      const finished = open(ok({ ...withWaitlist, event: { ...withWaitlist.event, status: 'finished' } }));
      await flush();
      expect(finished.page.querySelectorAll('.person__action--release')).toHaveLength(0);
      expect(textOf(page)).not.toContain('候补 ·');
    });

    it('releases a place with a required reason, then shows the new report', async () => {
      let released = false;
      const { page, calls } = open(
        () =>
          ok(
            released
              ? { ...withWaitlist, people: withWaitlist.people.filter((p) => p.memberId !== 'm-sun') }
              : withWaitlist,
          ),
        {
          'registration.release': () => {
            released = true;
            return ok(registrationResult);
          },
        },
      );
      await flush();
      tapOn(page, '#release-m-sun');
      await flush();
      expect(textOf(page, '#person-dialog')).toContain('释放 孙丽 的名额');
      // Both choices say what they do: the decision first, the way to keep the place below it.
      expect(textOf(page, '#person-dialog')).toContain('释放名额不释放，保留名额');
      // The reason is a sentence the member reads: a textarea, not one line.
      expect(
        page.querySelector('#person-dialog >>> #reason')?.querySelector('.t-textarea__wrapper-inner'),
      ).toBeDefined();
      tap(page, '#person-dialog >>> #dialog-confirm');
      await flush();
      expect(textOf(page, '#person-dialog')).toContain('请填写原因');
      expect(calls.some((c) => c.action === 'registration.release')).toBe(false);
      type(page, '#person-dialog >>> #reason', '本人当天值班');
      tap(page, '#person-dialog >>> #dialog-confirm');
      await flush();
      expect(calls.find((c) => c.action === 'registration.release')!.data).toEqual({
        eventId: 'event-1',
        memberId: 'm-sun',
        reason: '本人当天值班',
      });
      expect(page.querySelector('#person-dialog >>> .reason-dialog')).toBeUndefined();
      expect(textOf(page, '.attendance__people')).not.toContain('孙丽');
    });

    it('keeps the dialog open with the server’s message when the release is refused', async () => {
      const { page } = open(ok(withWaitlist), {
        'registration.release': fail({ code: 'FORBIDDEN', message: '只有活动的组织者可以释放名额' }),
      });
      await flush();
      tapOn(page, '#release-m-wu');
      await flush();
      expect(textOf(page, '#person-dialog')).toContain('吴秀英将不再候补');
      type(page, '#person-dialog >>> #reason', '重复报名');
      tap(page, '#person-dialog >>> #dialog-confirm');
      await flush();
      expect(textOf(page, '#person-dialog')).toContain('只有活动的组织者可以释放名额');
    });
  });

  it('exports the report to Excel and opens it', async () => {
    const { page, calls } = open(ok(attendanceReport()), {
      'attendance.export': ok({
        fileId: 'cloud://env/exports/a.xlsx',
        url: 'https://tmp.example/a.xlsx',
        fileName: '五月主题党日出勤.xlsx',
      }),
    });
    const download = jest.spyOn(wx, 'downloadFile').mockImplementation(((o: WechatMiniprogram.DownloadFileOption) => {
      o.success?.({
        statusCode: 200,
        tempFilePath: 'wxfile://tmp/a.xlsx',
        filePath: '',
        profile: {} as never,
        errMsg: 'downloadFile:ok',
      });
    }) as unknown as typeof wx.downloadFile);
    const openDocument = jest.spyOn(wx, 'openDocument').mockImplementation(((
      o: WechatMiniprogram.OpenDocumentOption,
    ) => {
      o.success?.({ errMsg: 'openDocument:ok' });
    }) as unknown as typeof wx.openDocument);
    await flush();
    tap(page, '#export');
    await flush();
    expect(calls.find((c) => c.action === 'attendance.export')!.data).toEqual({ eventId: 'event-1' });
    expect(download).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://tmp.example/a.xlsx' }));
    expect(openDocument).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://tmp/a.xlsx', fileType: 'xlsx', showMenu: true }),
    );
  });

  it('shows many people forty at a time', async () => {
    const report = attendanceReport();
    const people = Array.from({ length: 95 }, (_, i) => ({
      ...report.people[2]!,
      memberId: `m-${i}`,
      name: `党员${i}`,
    }));
    const { page } = open(ok({ ...report, people }));
    await flush();
    expect(page.querySelectorAll('.person')).toHaveLength(40);
    expect(textOf(page, '#more')).toBe('还有 55 人，点击显示更多');
    tapOn(page, '#more');
    await flush();
    expect(page.querySelectorAll('.person')).toHaveLength(80);
  });

  it('shows loading, then the error with 重试', async () => {
    const { page } = open(fail({ code: 'FORBIDDEN', message: '你没有权限进行此操作' }));
    expect(textOf(page)).toContain('加载中');
    await flush();
    expect(textOf(page)).toContain('你没有权限进行此操作');
  });

  it('says so when no one is in the filter', async () => {
    const { page } = open(ok(attendanceReport({ people: [] })));
    await flush();
    expect(textOf(page)).toContain('没有符合条件的党员');
  });
});
