/** 邀请码: creating with checked fields, listing, copying as text, the mini-program code, stopping. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import type { Replies } from '../../helpers/cloud';
import { answerModal, settle } from '../../helpers/ask';
import { inputTips, load, tap, textOf, type } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';
import { demoInvites, demoSecretary, page } from '../../scenarios/org-demo-data';

const PAGE = 'packages/branch/invites/index';
const base: Replies = { 'member.me': ok({ member: demoSecretary }), 'invite.list': ok(page(demoInvites)) };

function tapFirst(view: Rendered, className: string): void {
  view.querySelectorAll(`.sub-page >>> .${className}`)[0]?.querySelector('.t-button')?.dispatchEvent('tap');
}

describe('邀请码', () => {
  it('lists the codes with their use and state; only usable ones offer actions', async () => {
    stubCloud(base);
    const view = load(PAGE);
    await settle();
    expect(textOf(view)).toContain('LJ7K2Q');
    expect(textOf(view)).toContain('已用 12/50 次');
    expect(textOf(view)).toContain('入支需书记审核');
    expect(textOf(view)).toContain('次数已满');
    expect(view.querySelectorAll('.sub-page >>> .revoke')).toHaveLength(1);
  });

  it('creates a code with the typed settings and shows it on top', async () => {
    const created = { ...demoInvites[0]!, code: 'NEW2026', usedCount: 0, maxUses: 10, requiresApproval: false };
    const calls = stubCloud({ ...base, 'invite.create': ok(created) });
    const view = load(PAGE);
    await settle();
    type(view, '#days', '7');
    type(view, '#uses', '10');
    view.querySelector('.sub-page >>> #approval')?.querySelector('.t-switch__body')?.dispatchEvent('tap');
    await settle();
    tap(view, '#create');
    await settle();
    expect(calls.find((c) => c.action === 'invite.create')?.data).toEqual({
      expiresInDays: 7,
      maxUses: 10,
      requiresApproval: false,
    });
    expect(textOf(view, '.sub-page >>> .invite')).toContain('NEW2026');
  });

  it('checks digits before asking, and puts the server messages on the fields', async () => {
    const calls = stubCloud({
      ...base,
      'invite.create': fail({
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后重试',
        details: [{ path: 'expiresInDays', message: '有效期最多 90 天' }],
      }),
    });
    const view = load(PAGE);
    await settle();
    type(view, '#uses', 'abc');
    tap(view, '#create');
    await settle();
    expect(inputTips(view, '#uses')).toBe('请填写可使用次数（整数）');
    expect(calls.some((c) => c.action === 'invite.create')).toBe(false);

    type(view, '#uses', '20');
    type(view, '#days', '99');
    tap(view, '#create');
    await settle();
    expect(inputTips(view, '#days')).toBe('有效期最多 90 天');
    expect(inputTips(view, '#uses')).toBe('');
  });

  it('copies the code as a message and shows the mini-program code', async () => {
    const calls = stubCloud({
      ...base,
      'invite.qrcode': ok({ code: 'LJ7K2Q', fileID: 'cloud://env/qr.png', url: 'https://x.test/qr.png' }),
    });
    const clipboard = jest.spyOn(wx, 'setClipboardData');
    const view = load(PAGE);
    await settle();
    tapFirst(view, 'copy');
    await settle();
    const text = (clipboard.mock.calls[0]?.[0] as { data: string }).data;
    expect(text).toContain('邀请你加入市财政局机关第二党支部');
    expect(text).toContain('邀请码 LJ7K2Q');

    tapFirst(view, 'qrcode');
    await settle();
    expect(calls.find((c) => c.action === 'invite.qrcode')?.data).toEqual({ code: 'LJ7K2Q' });
    expect(view.data.qr).toEqual(expect.objectContaining({ visible: true, url: 'https://x.test/qr.png' }));
    expect(view.querySelector('.sub-page >>> #qr-image')).toBeTruthy();
    tap(view, '#qr-close');
    await settle();
    expect(view.querySelector('.sub-page >>> #qr-image')).toBeFalsy();
  });

  it('stops a code after confirming and marks it', async () => {
    const calls = stubCloud({ ...base, 'invite.revoke': ok({ ...demoInvites[0]!, state: 'revoked' as const }) });
    answerModal(true);
    const view = load(PAGE);
    await settle();
    tapFirst(view, 'revoke');
    await settle();
    expect(calls.find((c) => c.action === 'invite.revoke')?.data).toEqual({ code: 'LJ7K2Q' });
    expect(textOf(view, '.sub-page >>> .invite')).toContain('已停用');
    expect(view.querySelectorAll('.sub-page >>> .revoke')).toHaveLength(0);
  });

  it("shows the server's FORBIDDEN when a non-secretary opens the page", async () => {
    stubCloud({ ...base, 'invite.list': fail({ code: 'FORBIDDEN', message: '你没有权限进行此操作' }) });
    const view = load(PAGE);
    await settle();
    expect(textOf(view)).toContain('你没有权限进行此操作');
  });
});
