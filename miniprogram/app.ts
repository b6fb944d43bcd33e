import { config } from './config/index';

App<IAppOption>({
  onLaunch() {
    // Local mode talks HTTP to the local cloud: the CloudBase client is not needed there.
    if (!config.local.enabled) wx.cloud.init({ env: config.cloudEnv, traceUser: true });
  },
});
