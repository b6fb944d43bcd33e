/**
 * Local mode reaches only the 开发版: with `local.enabled` left on by mistake, a trial or release
 * build still initialises CloudBase and calls the cloud function, never the local gateway.
 */
import { config } from '../../../miniprogram/config/index';
import { envVersion, isLocalMode } from '../../../miniprogram/config/mode';
import { callApi } from '../../../miniprogram/services/api';
import { ok, stubCloud } from '../helpers/cloud';

type EnvVersion = WechatMiniprogram.MiniProgram['envVersion'];

function runAs(version: EnvVersion): void {
  jest.spyOn(wx, 'getAccountInfoSync').mockReturnValue({
    miniProgram: { appId: 'wx0000000000000000', envVersion: version, version: '' },
    plugin: { appId: '', version: '' },
  });
}

describe('local mode guard', () => {
  beforeEach(() => {
    config.local.enabled = true;
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    config.local.enabled = false;
  });

  it('is local mode in the 开发版 when switched on', () => {
    runAs('develop');
    expect(isLocalMode()).toBe(true);
  });

  it.each<EnvVersion>(['trial', 'release'])('ignores the switch in a %s build', (version) => {
    runAs(version);
    expect(isLocalMode()).toBe(false);
  });

  it('counts an unknown version as release', () => {
    jest.spyOn(wx, 'getAccountInfoSync').mockImplementation(() => {
      throw new Error('getAccountInfoSync:fail');
    });
    expect(envVersion()).toBe('release');
    expect(isLocalMode()).toBe(false);
  });

  it('is never local mode when switched off', () => {
    config.local.enabled = false;
    runAs('develop');
    expect(isLocalMode()).toBe(false);
  });

  it('sends a release build to the cloud function even with the switch on', async () => {
    runAs('release');
    const request = jest.spyOn(wx, 'request');
    const calls = stubCloud({ 'member.me': ok({ member: null }) });
    await expect(callApi('member.me', {})).resolves.toEqual({ member: null });
    expect(calls).toEqual([{ action: 'member.me', data: {} }]);
    expect(request).not.toHaveBeenCalled();
  });
});
