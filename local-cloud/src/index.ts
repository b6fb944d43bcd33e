/** The local cloud's public surface, for projects and test helpers that run it in-process. */
export { DATA_LAYOUT, DEFAULTS, ENV_VARS } from './config';
export { IDENTITY_HEADERS } from './gateway';
export { LocalCloud, PortUnavailableError, type LocalCloudInfo, type LocalCloudOptions } from './local-cloud';
export { describeStartFailure, runCli, startFromEnvironment, stopOnSignals, usage, StartError } from './main';
export * from './project/cloudbaserc';
export * from './project/database-manifest';
export { ADMIN_ROUTES } from './routes';
export { redirectedApiUrl, sdkEnv } from './sdk-env';
