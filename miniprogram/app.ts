import { config } from './config/index';
import { isLocalMode } from './config/mode';

App<IAppOption>({
  onLaunch() {
    // Local mode talks HTTP to the local cloud: the CloudBase client is not needed there.
    if (!isLocalMode()) wx.cloud.init({ env: config.cloudEnv, traceUser: true });
  },
});
