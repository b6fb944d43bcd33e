/**
 * The first-run join flow through the real member service, session store and API client; only
 * the WeChat transport (wx.cloud.callFunction) and wx.scanCode are stubbed.
 */
import type { MeView } from '../../../src/contract';
import { NETWORK_MESSAGE } from '../../../miniprogram/services/api';
import { fail, ok, stubCloud, stubCloudOffline } from '../helpers/cloud';
import { branch, invitePreview, member } from '../helpers/fixtures';
import { flush, inputTips, inputValue, load, tap, textOf, type } from '../helpers/load';
import { stubPrivacy } from '../helpers/privacy';

const JOIN_PAGE = 'packages/member/join/index';

/** A cloud where member.me answers whether the person has joined yet. */
function joiningCloud() {
  let me: MeView = { member: null };
  return stubCloud({
    'member.me': () => ok(me),
    'invite.preview': ok(invitePreview),
    'member.join': () => {
      me = { member };
      return ok(member);
    },
  });
}

async function previewed(calls = joiningCloud()) {
  const page = load(JOIN_PAGE);
  type(page, '#code', 'abcd 2345');
  tap(page, '#preview');
  await flush();
  return { page, calls };
}

describe('join page', () => {
  it('previews the branch for a typed code, joins with the name, refreshes the session and goes home', async () => {
    const switchTab = jest.spyOn(wx, 'switchTab');
    const { page, calls } = await previewed();

    expect(calls).toEqual([{ action: 'invite.preview', data: { code: 'abcd 2345' } }]);
    const preview = textOf(page, '.join__preview');
    expect(preview).toContain(branch.name);
    expect(preview).toContain(branch.committeeName);
    expect(preview).toContain('邀请码有效期至 2026年4月1日 18:00'); // 10:00 UTC in Beijing time
    expect(inputValue(page, '#code')).toBe('ABCD2345'); // the code as the server normalised it

    type(page, '#name', '张三');
    tap(page, '#join');
    await flush();

    expect(calls.slice(1)).toEqual([
      { action: 'member.join', data: { code: 'ABCD2345', name: '张三' } },
      { action: 'member.me', data: {} },
    ]);
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/home/index' }));
  });

  it('shows the server message on the code field when the code is unknown', async () => {
    stubCloud({ 'invite.preview': fail({ code: 'INVITE_INVALID', message: '邀请码不存在，请核对后重新输入' }) });
    const page = load(JOIN_PAGE);
    type(page, '#code', 'ZZZZ9');
    tap(page, '#preview');
    await flush();
    expect(inputTips(page, '#code')).toBe('邀请码不存在，请核对后重新输入');
    expect(page.querySelector('.join__preview')).toBeUndefined();

    type(page, '#code', 'ZZZZ99');
    await flush();
    expect(inputTips(page, '#code')).toBe('');
  });

  it('shows a field issue from INVALID_INPUT on the name field and stays on the page', async () => {
    const calls = stubCloud({
      'invite.preview': ok(invitePreview),
      'member.join': fail({
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后重试',
        details: [{ path: 'name', message: '姓名最多 20 个字' }],
      }),
    });
    const switchTab = jest.spyOn(wx, 'switchTab');
    const { page } = await previewed(calls);
    type(page, '#name', '一二三四五六七八九十一二三四五六七八九十一');
    tap(page, '#join');
    await flush();
    expect(inputTips(page, '#name')).toBe('姓名最多 20 个字');
    expect(inputTips(page, '#code')).toBe('');
    expect(page.querySelector('.join__error')).toBeUndefined();
    expect(switchTab).not.toHaveBeenCalled();
  });

  it('shows other errors of the join as a message on the form', async () => {
    const calls = stubCloud({
      'invite.preview': ok(invitePreview),
      'member.join': fail({ code: 'ALREADY_MEMBER', message: '你已经是支部党员，无需重复加入' }),
    });
    const { page } = await previewed(calls);
    type(page, '#name', '张三');
    tap(page, '#join');
    await flush();
    expect(textOf(page, '.join__error')).toBe('你已经是支部党员，无需重复加入');
  });

  it('shows the network message when the preview cannot reach the server', async () => {
    stubCloudOffline();
    const page = load(JOIN_PAGE);
    type(page, '#code', 'ABCD2345');
    tap(page, '#preview');
    await flush();
    expect(textOf(page, '.join__error')).toBe(NETWORK_MESSAGE);
  });

  it('asks for a new preview when the code is changed after one', async () => {
    const { page } = await previewed();
    type(page, '#code', 'EFGH2345');
    await flush();
    expect(page.querySelector('.join__preview')).toBeUndefined();
    expect(page.querySelector('#preview')).toBeDefined();
  });

  it('prefills and previews the code of a shared link', async () => {
    const calls = joiningCloud();
    const page = load(JOIN_PAGE, { query: { code: 'abcd2345' } });
    await flush();
    expect(calls).toEqual([{ action: 'invite.preview', data: { code: 'ABCD2345' } }]);
    expect(inputValue(page, '#code')).toBe('ABCD2345');
    expect(textOf(page, '.join__preview')).toContain(branch.name);
  });

  it('reads the code from a scanned mini-program code (URL-encoded scene)', async () => {
    const calls = joiningCloud();
    jest.spyOn(wx, 'scanCode').mockImplementation(((options: WechatMiniprogram.ScanCodeOption) => {
      options.success?.({
        result: '',
        path: 'packages/member/join/index?scene=code%3Dabcd2345',
        scanType: 'WX_CODE',
        charSet: 'utf-8',
        rawData: '',
        errMsg: 'scanCode:ok',
      });
    }) as unknown as typeof wx.scanCode);
    const page = load(JOIN_PAGE);
    tap(page, '#scan');
    await flush();
    expect(calls).toEqual([{ action: 'invite.preview', data: { code: 'ABCD2345' } }]);
    expect(textOf(page, '.join__preview')).toContain(branch.name);
  });

  it('says so when a scan holds no invite code', async () => {
    const calls = joiningCloud();
    jest.spyOn(wx, 'scanCode').mockImplementation(((options: WechatMiniprogram.ScanCodeOption) => {
      options.success?.({
        result: 'https://example.com/',
        scanType: 'QR_CODE',
        charSet: 'utf-8',
        rawData: '',
        errMsg: 'scanCode:ok',
      } as WechatMiniprogram.ScanCodeSuccessCallbackResult);
    }) as unknown as typeof wx.scanCode);
    const page = load(JOIN_PAGE);
    tap(page, '#scan');
    await flush();
    expect(inputTips(page, '#code')).toBe('没有识别到邀请码，请重新扫描或手动输入');
    expect(calls).toEqual([]);
  });

  describe('privacy consent before the real name leaves the phone', () => {
    async function joinWithConsent(answer: 'agree' | 'disagree') {
      const privacy = stubPrivacy();
      const calls = joiningCloud();
      const page = load(JOIN_PAGE, { beforeLoad: privacy.beforeLoad });
      type(page, '#code', 'abcd 2345');
      tap(page, '#preview');
      await flush();
      type(page, '#name', '张三');
      tap(page, '#join');
      await flush();
      expect(textOf(page)).toContain('为了填写并提交你的真实姓名');
      const button = answer === 'agree' ? '.join >>> #privacy-agree' : '.join >>> #privacy-disagree';
      page.querySelector(button)?.dispatchEvent(answer === 'agree' ? 'agreeprivacyauthorization' : 'tap');
      await flush();
      await flush();
      return { page, calls };
    }

    it('joins once the person agrees', async () => {
      const { calls } = await joinWithConsent('agree');
      expect(calls.map((c) => c.action)).toEqual(['invite.preview', 'member.join', 'member.me']);
    });

    it('sends nothing and says why when the person declines', async () => {
      const { page, calls } = await joinWithConsent('disagree');
      expect(calls.map((c) => c.action)).toEqual(['invite.preview']);
      expect(textOf(page, '.join__error')).toBe('加入支部需要填写真实姓名，请先同意隐私保护指引');
    });
  });
});
