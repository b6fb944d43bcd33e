/** The privacy consent popup answering WeChat's onNeedPrivacyAuthorization (see helpers/privacy). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM_ROOT, flush, load, textOf } from '../helpers/load';
import type { Rendered } from '../helpers/load';
import { stubPrivacy } from '../helpers/privacy';

const POPUP = 'components/privacy-popup/index';

function fire(view: Rendered, selector: string, event: string): void {
  const node = view.querySelector(selector);
  if (!node) throw new Error(`${selector} not found`);
  node.dispatchEvent(event);
}

describe('privacy-popup', () => {
  it('stays hidden until WeChat asks, then names the purpose and tells WeChat it is shown', () => {
    const privacy = stubPrivacy();
    const view = load(POPUP, { beforeLoad: privacy.beforeLoad });
    expect(view.querySelector('.privacy-popup')).toBeUndefined();

    const resolve = privacy.request('getLocation');
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    expect(textOf(view)).toContain('为了签到时确认你在活动地点附近');
    expect(textOf(view)).toContain('《联建通小程序隐私保护指引》');
  });

  it('answers agree with the id of the agreePrivacyAuthorization button, and closes', async () => {
    const privacy = stubPrivacy();
    const view = load(POPUP, { beforeLoad: privacy.beforeLoad });
    const resolve = privacy.request('chooseMessageFile');
    // simulate keeps no attributes of built-in buttons: the base library's check is on the WXML itself.
    const wxml = readFileSync(path.join(MINIPROGRAM_ROOT, `${POPUP}.wxml`), 'utf8');
    expect(wxml).toMatch(/<button\s+id="privacy-agree"[^>]*open-type="agreePrivacyAuthorization"/);

    fire(view, '#privacy-agree', 'agreeprivacyauthorization');
    await flush();
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
    expect(view.querySelector('.privacy-popup')).toBeUndefined();
  });

  it('answers disagree when declined, so the paused API fails and the page offers its other path', async () => {
    const privacy = stubPrivacy();
    const view = load(POPUP, { beforeLoad: privacy.beforeLoad });
    const resolve = privacy.request('getLocation');
    fire(view, '#privacy-disagree', 'tap');
    await flush();
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(view.querySelector('.privacy-popup')).toBeUndefined();
  });

  it('uses the purpose the page gives when WeChat names no API', () => {
    const privacy = stubPrivacy();
    const view = load(POPUP, { beforeLoad: privacy.beforeLoad });
    view.setData({ purpose: '填写并提交你的真实姓名' });
    privacy.request('requirePrivacyAuthorize');
    expect(textOf(view)).toContain('为了填写并提交你的真实姓名');
  });

  it('opens the privacy guide, and the in-app page when WeChat cannot', async () => {
    const privacy = stubPrivacy();
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load(POPUP, { beforeLoad: privacy.beforeLoad });
    privacy.request('getLocation');
    fire(view, '#privacy-guide', 'tap');
    await flush();
    expect(privacy.openPrivacyContract).toHaveBeenCalledTimes(1);

    const options = privacy.openPrivacyContract.mock.calls[0]?.[0] as { fail(): void };
    options.fail();
    expect(navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/packages/member/privacy/index' }));
  });

  it('never leaves a request pending: declined when the page goes away, or when no page has a popup', () => {
    const privacy = stubPrivacy();
    const view = load(POPUP, { beforeLoad: privacy.beforeLoad });
    const pending = privacy.request('getLocation');
    view.detach();
    expect(pending).toHaveBeenLastCalledWith({ event: 'disagree' });

    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(privacy.request('getLocation')).toHaveBeenCalledWith({ event: 'disagree' });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('no privacy-popup on this page for getLocation'));
  });
});
