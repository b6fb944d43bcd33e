import { config } from './config/index';
import { isLocalMode } from './config/mode';
import { installPrivacyListener } from './utils/privacy';

App<IAppOption>({
  onLaunch() {
    // Before any page can call a privacy API: WeChat pauses such calls until this listener answers.
    installPrivacyListener();
    // Local mode talks HTTP to the local cloud: the CloudBase client is not needed there.
    if (!isLocalMode()) wx.cloud.init({ env: config.cloudEnv, traceUser: true });
  },
});
