/**
 * The local cloud learns a project from its files only: cloudbaserc.json (functions) and
 * database.json (collections, indexes), parsed and checked here without any of the project's code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from '../../local-cloud/src/openapi/png';
import { loadCloudConfig, parseCloudConfig, resolvePlaceholders } from '../../local-cloud/src/project/cloudbaserc';
import { ManifestError, parseDatabaseManifest } from '../../local-cloud/src/project/database-manifest';

const ROOT = path.resolve(__dirname, '../..');

describe('cloudbaserc.json', () => {
  const config = loadCloudConfig(path.join(ROOT, 'cloudbaserc.json'));

  it('declares each function with a current runtime, its timeout, no cloud install, and the timer', () => {
    const byName = Object.fromEntries(config.functions.map((fn) => [fn.name, fn]));
    expect(config.functionRoot).toBe('cloudfunctions');
    expect(config.envId).toBe('{{env.ENV_ID}}');
    expect(byName.api).toMatchObject({
      runtime: 'Nodejs20.19',
      handler: 'index.main',
      timeout: 20,
      installDependency: false,
    });
    expect(byName.scheduler).toMatchObject({
      runtime: 'Nodejs20.19',
      timeout: 60,
      installDependency: false,
      // Every 5 minutes: reminders 1 hour before need it; the daily jobs run at the day's first firing.
      triggers: [{ name: 'daily', type: 'timer', config: '0 */5 * * * * *' }],
    });
    // Secrets never live in the committed file: deploy sets them from the environment.
    for (const fn of config.functions) expect(Object.keys(fn.envVariables ?? {})).not.toContain('CHECKIN_SECRET');
  });

  it('matches every function folder, whose config.json only adds what WeChat DevTools needs', () => {
    const folders = fs
      .readdirSync(path.join(ROOT, 'cloudfunctions'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(config.functions.map((fn) => fn.name).sort()).toEqual(folders);
    for (const fn of config.functions) {
      const devtools = JSON.parse(
        fs.readFileSync(path.join(ROOT, 'cloudfunctions', fn.name, 'config.json'), 'utf8'),
      ) as Record<string, unknown>;
      expect(Object.keys(devtools).filter((key) => !['permissions', 'triggers', 'timeout'].includes(key))).toEqual([]);
      if ('triggers' in devtools) expect(devtools.triggers).toEqual(fn.triggers);
      if ('timeout' in devtools) expect(devtools.timeout).toBe(fn.timeout);
    }
  });

  it('resolves {{env.NAME}} placeholders and names a missing one', () => {
    expect(resolvePlaceholders('{{env.ENV_ID}}', { ENV_ID: 'prod-1a2b' })).toBe('prod-1a2b');
    expect(() => resolvePlaceholders('{{env.ENV_ID}}', {})).toThrow('ENV_ID is not set');
  });

  it('rejects a malformed function entry, naming the file and the function', () => {
    expect(() => parseCloudConfig({ functions: [{ name: 'api', timeout: -1 }] }, 'x.json')).toThrow(
      'x.json: function api: timeout must be a positive number of seconds',
    );
  });
});

describe('database.json', () => {
  it('rejects bad keys, duplicate index names and unknown rule keys', () => {
    const manifest = (indexes: unknown, rule: unknown = { read: false }) => ({
      version: 1,
      collections: { things: { indexes, rule } },
    });
    expect(() => parseDatabaseManifest(manifest([{ name: 'a', keys: { x: 2 } }]))).toThrow(ManifestError);
    expect(() =>
      parseDatabaseManifest(
        manifest([
          { name: 'a', keys: { x: 1 } },
          { name: 'a', keys: { y: 1 } },
        ]),
      ),
    ).toThrow('duplicate index name a');
    expect(() => parseDatabaseManifest(manifest([], { list: true }))).toThrow('unknown rule key list');
    expect(parseDatabaseManifest(manifest([{ name: 'a', keys: { x: -1 } }])).collections.things).toEqual({
      rule: { read: false },
      indexes: [{ name: 'a', keys: { x: -1 }, unique: false }],
    });
  });
});

describe('png crc32 (no zlib.crc32, which needs Node >= 20.15)', () => {
  it('gives the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});
