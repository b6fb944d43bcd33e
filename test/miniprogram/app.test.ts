import type * as ConfigModule from '../../miniprogram/config/index';
import { MINIPROGRAM_ROOT } from './helpers/load';

type AppOptions = { onLaunch(): void };

/** Loads app.ts in a fresh module registry (cloud or local mode) and calls its onLaunch. */
function launchApp(localMode: boolean, envVersion: WechatMiniprogram.MiniProgram['envVersion'] = 'develop'): void {
  jest.spyOn(wx, 'getAccountInfoSync').mockReturnValue({
    miniProgram: { appId: 'wx0000000000000000', envVersion, version: '' },
    plugin: { appId: '', version: '' },
  });
  const App = jest.fn<void, [AppOptions]>();
  (globalThis as unknown as { App: typeof App }).App = App;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { config } = require(`${MINIPROGRAM_ROOT}/config/index`) as typeof ConfigModule;
    config.local.enabled = localMode;
    require(`${MINIPROGRAM_ROOT}/app`);
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  App.mock.calls[0]?.[0].onLaunch();
}

describe('app launch', () => {
  it('initialises the CloudBase client in cloud mode', () => {
    launchApp(false);
    expect(wx.cloud.init).toHaveBeenCalledWith({ env: 'your-cloudbase-env-id', traceUser: true });
  });

  it('does not touch wx.cloud in local mode', () => {
    launchApp(true);
    expect(wx.cloud.init).not.toHaveBeenCalled();
  });

  it('initialises CloudBase in a trial build even if local mode was left on', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    launchApp(true, 'trial');
    expect(wx.cloud.init).toHaveBeenCalledWith({ env: 'your-cloudbase-env-id', traceUser: true });
  });

  it('installs the privacy listener before any page loads', () => {
    const listen = jest.fn();
    Object.assign(wx, { onNeedPrivacyAuthorization: listen });
    launchApp(false);
    expect(listen).toHaveBeenCalledTimes(1);
  });
});
