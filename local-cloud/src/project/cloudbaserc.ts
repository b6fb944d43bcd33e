/**
 * The functions' configuration from `cloudbaserc.json`, the CloudBase CLI's own project file:
 * runtime, handler, timeout, memory, environment variables and timer triggers per function. The
 * local cloud reads the same file a deploy reads, so a timeout or a trigger is declared once.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CLOUD_CONFIG_FILE = 'cloudbaserc.json';

export interface TriggerConfig {
  name: string;
  type: string;
  config: string;
}

/** A message push the function receives (the console's 消息推送 setting, see openapi/message-push.ts). */
export interface MessagePushConfig {
  msgType: string;
  /** Empty for a message without an event type (e.g. a text message). */
  event?: string;
}

export interface FunctionConfig {
  name: string;
  runtime?: string;
  handler?: string;
  /** Seconds. */
  timeout?: number;
  memorySize?: number;
  installDependency?: boolean;
  envVariables?: Record<string, string>;
  triggers?: TriggerConfig[];
  /** Local cloud only (deploy ignores it): which message pushes the function receives. */
  messagePush?: MessagePushConfig[];
}

export interface CloudConfig {
  /** As written, e.g. `{{env.ENV_ID}}`; see resolvePlaceholders. */
  envId?: string;
  functionRoot: string;
  functions: FunctionConfig[];
}

export class CloudConfigError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'CloudConfigError';
  }
}

export function parseCloudConfig(raw: unknown, file = CLOUD_CONFIG_FILE): CloudConfig {
  const fail = (problem: string): never => {
    throw new CloudConfigError(file, problem);
  };
  const root = raw as Record<string, unknown> | null;
  if (typeof root !== 'object' || root === null) return fail('not a JSON object');
  const functionRoot = root.functionRoot ?? 'cloudfunctions';
  if (typeof functionRoot !== 'string') return fail('functionRoot must be a string');
  const list = root.functions ?? [];
  if (!Array.isArray(list)) return fail('functions must be an array');
  const functions = list.map((entry: unknown, i): FunctionConfig => {
    const fn = entry as Record<string, unknown> | null;
    if (typeof fn?.name !== 'string') return fail(`functions[${i}].name must be a string`);
    const where = `function ${fn.name}`;
    if (fn.timeout !== undefined && (typeof fn.timeout !== 'number' || fn.timeout <= 0))
      fail(`${where}: timeout must be a positive number of seconds`);
    if (fn.memorySize !== undefined && typeof fn.memorySize !== 'number') fail(`${where}: memorySize must be a number`);
    const vars = fn.envVariables ?? {};
    if (typeof vars !== 'object' || vars === null || Array.isArray(vars))
      fail(`${where}: envVariables must be an object`);
    const triggers = fn.triggers ?? [];
    if (!Array.isArray(triggers)) return fail(`${where}: triggers must be an array`);
    const pushes = fn.messagePush ?? [];
    if (!Array.isArray(pushes)) return fail(`${where}: messagePush must be an array`);
    return {
      name: fn.name,
      ...(typeof fn.runtime === 'string' ? { runtime: fn.runtime } : {}),
      ...(typeof fn.handler === 'string' ? { handler: fn.handler } : {}),
      ...(typeof fn.timeout === 'number' ? { timeout: fn.timeout } : {}),
      ...(typeof fn.memorySize === 'number' ? { memorySize: fn.memorySize } : {}),
      ...(typeof fn.installDependency === 'boolean' ? { installDependency: fn.installDependency } : {}),
      envVariables: Object.fromEntries(Object.entries(vars as object).map(([k, v]) => [k, String(v)])),
      triggers: triggers.map((t: unknown, j): TriggerConfig => {
        const trigger = t as Record<string, unknown> | null;
        if (typeof trigger?.name !== 'string' || typeof trigger.type !== 'string' || typeof trigger.config !== 'string')
          return fail(`${where}: triggers[${j}] needs string name, type and config`);
        return { name: trigger.name, type: trigger.type, config: trigger.config };
      }),
      ...(pushes.length > 0
        ? {
            messagePush: pushes.map((p: unknown, j): MessagePushConfig => {
              const push = p as Record<string, unknown> | null;
              if (typeof push?.msgType !== 'string' || (push.event !== undefined && typeof push.event !== 'string'))
                return fail(`${where}: messagePush[${j}] needs a string msgType (and event)`);
              return { msgType: push.msgType, ...(push.event !== undefined ? { event: push.event as string } : {}) };
            }),
          }
        : {}),
    };
  });
  return {
    ...(typeof root.envId === 'string' ? { envId: root.envId } : {}),
    functionRoot,
    functions,
  };
}

export function loadCloudConfig(file: string): CloudConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CloudConfigError(file, (error as Error).message);
  }
  return parseCloudConfig(raw, file);
}

/** The config if the file exists, else none (functions then run with the defaults). */
export function loadCloudConfigIfPresent(file: string): CloudConfig | undefined {
  return fs.existsSync(file) ? loadCloudConfig(file) : undefined;
}

/** The functions folder a config names, relative to the config file. */
export function functionRootOf(file: string, config: CloudConfig): string {
  return path.resolve(path.dirname(file), config.functionRoot);
}

/** `{{env.NAME}}` → process env value, as the CloudBase CLI does; throws naming a missing variable. */
export function resolvePlaceholders(value: string, env: NodeJS.ProcessEnv = process.env): string {
  return value.replace(/\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const resolved = env[name];
    if (!resolved) throw new Error(`${name} is not set (cloudbaserc.json uses {{env.${name}}})`);
    return resolved;
  });
}
