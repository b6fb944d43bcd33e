/**
 * The local cloud's defaults and the environment variables that override them: one table, read
 * by main.ts, the test helper and sdk-env.ts.
 */
export const DEFAULTS = {
  host: '127.0.0.1',
  port: 9100,
  dataDir: '.local-cloud',
  functionsDir: 'cloudfunctions',
  /** CloudBase environment id the emulator answers for (TCB_ENV inside functions). */
  envId: 'lianjian-local',
  /** Placeholder mini-program AppID given to functions as WX_APPID. */
  appId: 'wx0000000000000000',
  region: 'ap-shanghai',
  /** Warm instances per function; production autoscales, one request per instance. */
  maxInstances: 8,
  /** Per-call limit of a function cloudbaserc.json gives no timeout (CloudBase's own default is 3 s). */
  functionTimeoutMs: 20_000,
  /** Timer triggers are evaluated in China Standard Time whatever the machine's TZ. */
  timerUtcOffsetMinutes: 8 * 60,
} as const;

export const ENV_VARS = {
  port: 'LOCAL_CLOUD_PORT',
  dataDir: 'LOCAL_CLOUD_DATA',
  functionsDir: 'LOCAL_CLOUD_FUNCTIONS',
  maxInstances: 'LOCAL_CLOUD_MAX_INSTANCES',
  /** The functions' configuration (default: cloudbaserc.json beside the functions folder). */
  cloudConfig: 'LOCAL_CLOUD_CONFIG',
  /** The database manifest (default: database.json beside the functions folder). */
  databaseManifest: 'LOCAL_CLOUD_DATABASE',
  /** `1` logs every SDK request (same as --verbose). */
  verbose: 'LOCAL_CLOUD_VERBOSE',
  /** `conflict` (default, CloudBase's rule) or `queue` (contending transactions wait). */
  transactionMode: 'LOCAL_CLOUD_TRANSACTIONS',
} as const;

/** Subfolders and files of the data dir. */
export const DATA_LAYOUT = {
  database: 'database',
  storage: 'storage',
  outbox: 'outbox.jsonl',
  /** Accepted subscribe-message credits, as JSON lines. */
  subscriptions: 'subscriptions.jsonl',
} as const;
