/**
 * The secretary's live check-in screen with jest's fake timers: the code is fetched again at
 * `rotatesAt` and redrawn, the present count follows the polls, and every timer stops on unload.
 * The canvas node (which miniprogram-simulate cannot provide) is a recording stand-in.
 */
import type { CheckInCode } from '../../../../src/contract';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import type { Replies } from '../../helpers/cloud';
import { checkInCode } from '../../helpers/event-fixtures';
import { load, textOf } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';

const PAGE = 'packages/events/live/index';
const WINDOW_MS = 30 * 1000;
/** 14:00:28 in Beijing, two seconds before the code rotates. */
const START = new Date('2026-05-15T06:00:28.000Z');

const tick = (ms = 0) => jest.advanceTimersByTimeAsync(ms);

/** The server: a token per 30 s window, rotating at the window's end, and a growing count. */
function server(overrides: () => Partial<CheckInCode> = () => ({})) {
  let present = 0;
  const reply: Replies['checkin.code'] = () => {
    const window = Math.floor(Date.now() / WINDOW_MS);
    present += 3;
    return ok(
      checkInCode({
        token: `c1.AbCdEfGh.${window.toString(36)}.0123456789abcdefghijkl`,
        rotatesAt: new Date((window + 1) * WINDOW_MS).toISOString(),
        present,
        ...overrides(),
      }),
    );
  };
  return reply;
}

/** Gives the page a canvas node that records each drawing (one getContext per QR drawn). */
function recordDrawings(page: Rendered): { draws: number } {
  const record = { draws: 0 };
  const ctx = { fillStyle: '', fillRect: () => undefined };
  const canvas = { width: 0, height: 0, getContext: () => ((record.draws += 1), ctx) };
  const query = {
    select: () => query,
    fields: () => query,
    exec: (cb: (res: unknown[]) => void) => cb([{ node: canvas, width: 300, height: 300 }]),
  };
  (page.instance as unknown as { createSelectorQuery(): unknown }).createSelectorQuery = () => query;
  return record;
}

function open(reply: Replies['checkin.code']) {
  const calls = stubCloud({ 'checkin.code': reply });
  const page = load(PAGE, { query: { eventId: 'event-1' } });
  const drawings = recordDrawings(page);
  const codeCalls = () => calls.filter((c) => c.action === 'checkin.code');
  return { page, calls, drawings, codeCalls };
}

beforeEach(() => {
  jest.useFakeTimers({ now: START });
});

describe('live check-in screen', () => {
  it('draws the code, keeps the screen on and shows who is present', async () => {
    const screen = jest.spyOn(wx, 'setKeepScreenOn');
    const { page, codeCalls, drawings } = open(server());
    await tick();
    expect(codeCalls()[0]!.data).toEqual({ eventId: 'event-1' });
    expect(screen).toHaveBeenCalledWith(expect.objectContaining({ keepScreenOn: true }));
    expect(drawings.draws).toBe(1);
    expect(textOf(page, '.live__present-count')).toBe('3人');
    expect(textOf(page, '.live__title')).toBe('五月主题党日');
    expect(textOf(page, '.live__registered')).toBe('已报名 42 人');
    expect(textOf(page)).toContain('签到进行中');
    expect(textOf(page, '.live__updated')).toBe('二维码 14:00:28 更新，每 30 秒自动更换');
  });

  it('fetches and redraws the code by itself at rotatesAt, before the next poll', async () => {
    const { page, codeCalls, drawings } = open(server());
    await tick();
    expect(codeCalls()).toHaveLength(1);

    await tick(1999);
    expect(codeCalls()).toHaveLength(1);
    await tick(1);
    expect(codeCalls()).toHaveLength(2);
    expect(drawings.draws).toBe(2);
    expect(textOf(page, '.live__updated')).toContain('二维码 14:00:30 更新');
  });

  it('polls every few seconds for the count, redrawing only when the code changed', async () => {
    const { page, codeCalls, drawings } = open(server());
    await tick(2000); // rotation at 14:00:30
    await tick(3000); // first poll at 14:00:33: same code as at 14:00:30
    expect(codeCalls()).toHaveLength(3);
    expect(drawings.draws).toBe(2);
    expect(textOf(page, '.live__present-count')).toBe('9人');
  });

  it('keeps the last code up and retries when a poll fails', async () => {
    let offline = false;
    const online = server();
    const { page, drawings } = open((data) =>
      offline
        ? fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' })
        : (online as (d: unknown) => ReturnType<typeof fail>)(data),
    );
    await tick();
    offline = true;
    await tick(5000);
    expect(textOf(page, '.live__warning')).toBe('服务暂时不可用，请稍后再试，正在重试…');
    expect(page.querySelector('#qr')).toBeDefined();
    offline = false;
    await tick(5000);
    expect(page.querySelector('.live__warning')).toBeUndefined();
    expect(drawings.draws).toBeGreaterThanOrEqual(2);
  });

  it('says when check-in will open instead of showing a code, and draws it once open', async () => {
    let opensAt = '2026-05-15T06:01:00.000Z';
    const { page, drawings } = open(server(() => (opensAt ? { window: { state: 'notOpen', opensAt } } : {})));
    await tick();
    expect(textOf(page, '.live__window')).toBe('签到将于 14:01 开始');
    expect(page.querySelector('#qr')).toBeUndefined();
    expect(drawings.draws).toBe(0);
    expect(textOf(page, '.live__title')).toBe('五月主题党日');
    opensAt = '';
    await tick(5000);
    expect(page.querySelector('#qr')).toBeDefined();
    expect(drawings.draws).toBe(1);
  });

  it('names the day when check-in opens on another one', async () => {
    const { page } = open(server(() => ({ window: { state: 'notOpen', opensAt: '2026-05-16T06:00:00.000Z' } })));
    await tick();
    expect(textOf(page, '.live__window')).toBe('签到将于 5月16日 周六 14:00 开始');
  });

  it('stops everything once check-in has closed', async () => {
    const screen = jest.spyOn(wx, 'setKeepScreenOn');
    const { page, codeCalls } = open(server(() => ({ window: { state: 'closed' } })));
    await tick();
    expect(textOf(page)).toContain('签到已关闭');
    expect(page.querySelector('#qr')).toBeUndefined();
    await tick(60 * 1000);
    expect(codeCalls()).toHaveLength(1);
    expect(screen).toHaveBeenLastCalledWith(expect.objectContaining({ keepScreenOn: false }));
  });

  it('clears its timers and lets the screen sleep when closed', async () => {
    const screen = jest.spyOn(wx, 'setKeepScreenOn');
    const { page, codeCalls } = open(server());
    await tick();
    const cleared = [jest.spyOn(globalThis, 'clearInterval'), jest.spyOn(globalThis, 'clearTimeout')];
    page.detach();
    expect(cleared.every((spy) => spy.mock.calls.length > 0)).toBe(true);
    // A poll or rotation timer left running would keep asking for codes.
    await tick(120 * 1000);
    expect(codeCalls()).toHaveLength(1);
    expect(screen).toHaveBeenLastCalledWith(expect.objectContaining({ keepScreenOn: false }));
  });

  it('shows the error with 重试 when the first code cannot be had', async () => {
    const { page } = open(fail({ code: 'FORBIDDEN', message: '你没有权限进行此操作' }));
    expect(textOf(page)).toContain('加载中');
    await tick();
    expect(textOf(page)).toContain('你没有权限进行此操作');
    expect(textOf(page)).toContain('重试');
  });
});
