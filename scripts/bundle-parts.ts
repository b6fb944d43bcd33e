/**
 * What keeps a function bundle small, so a cold start loads and evaluates little:
 *
 * - Libraries a function needs only on some calls (the spreadsheet writer for an export, the
 *   WeChat SDK for a cloud call) are left out of `index.js` and bundled on their own into the
 *   function's `node_modules/<name>/index.js`, where Node's require finds them when a call first
 *   needs them. They deploy with the folder like any dependency (`installDependency: false`).
 * - Libraries the SDKs require when they load but use only in some calls (XML parsing of storage
 *   answers, MIME types of uploads, signing custom login tickets) are replaced in `index.js` by
 *   a proxy that requires the real one, shipped the same way, when it is first used.
 * - Modules of the node SDK that the functions never use (its AI client, data models and MySQL
 *   client) are replaced by stubs that fail loudly if ever called.
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Loaded on first use only (dynamic `import()` or a `require` inside a function). */
export const ON_DEMAND = ['exceljs', 'wx-server-sdk'] as const;

/**
 * Required at load (by the SDKs; the holiday table by domain/china-workdays.ts), used on some
 * calls only: a proxy loads them on first use. The node SDK makes its requests with `http`
 * itself; it uses axios only to read instance metadata (the platform check, temporary
 * credentials) and in a shim for extensions.
 */
const LOAD_ON_FIRST_USE = ['xml2js', 'mime-types', 'jsonwebtoken', 'axios', 'chinese-days/dist/chinese-days.json'];
const LAZY = new RegExp(`^(${LOAD_ON_FIRST_USE.map((name) => name.replace(/[./]/g, '\\$&')).join('|')})$`);

/** What `require(name)` gives in index.js: the real module, required when first touched. */
function lazyProxy(name: string): string {
  return `let real;
const load = () => (real ??= require(${JSON.stringify(name)}));
module.exports = new Proxy({}, {
  get: (_t, key) => (key === '__esModule' ? undefined : load()[key]),
  has: (_t, key) => key in load(),
});`;
}

// The plugins' esbuild namespaces: modules in them are made up by the plugin, not read from disk.
const LAZY_NS = 'load-on-first-use';
const STUB_NS = 'unused-sdk-module';

/**
 * The files among esbuild's metafile inputs, without the plugins' made-up modules
 * (`load-on-first-use:axios`): counting those, which are on no disk, would leave no bundle ever
 * up to date, and every `npm start` would rewrite the bundles under clouds already running them.
 */
export function sourceFiles(inputs: readonly string[]): string[] {
  return inputs.filter((input) => ![LAZY_NS, STUB_NS].some((ns) => input.startsWith(`${ns}:`)));
}

export const loadOnFirstUse: Plugin = {
  name: 'load-on-first-use',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: LAZY }, (args) =>
      // The proxy's own require is the real module, shipped beside the bundle.
      args.namespace === LAZY_NS ? { path: args.path, external: true } : { path: args.path, namespace: LAZY_NS },
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: LAZY_NS }, (args) => ({
      contents: lazyProxy(args.path),
      loader: 'js',
    }));
  },
};

/** Everything bundled beside a function's index.js, each loaded when first needed. */
export const BESIDE_THE_BUNDLE = [...ON_DEMAND, ...LOAD_ON_FIRST_USE];

/**
 * node-sdk modules behind app.ai() (its client, the app framework and a streams polyfill it pulls
 * in), app.models and MySQL, and the database's realtime client (watch()): no function of ours
 * calls them. Matched by what is imported and by
 * whom, so only the SDK's own references are cut.
 */
const UNUSED_SDK_MODULES: { path: RegExp; importer: RegExp }[] = [
  { path: /^\.\/ai$/, importer: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/ },
  { path: /^@cloudbase\/ai$/, importer: /@cloudbase[\\/]node-sdk[\\/]/ },
  { path: /^@cloudbase\/wx-cloud-client-sdk$/, importer: /@cloudbase[\\/]node-sdk[\\/]/ },
  // The realtime client behind watch(), which no function of ours calls.
  { path: /^\.\/realtime\/websocket-client$/, importer: /@cloudbase[\\/]database[\\/]/ },
];

const STUB = `const fail = () => { throw new Error('not bundled: this module of the CloudBase SDK is unused by Lianjian (scripts/bundle-parts.ts)'); };
module.exports = new Proxy({}, { get: (_t, key) => (key === '__esModule' ? false : key === 'default' ? module.exports : fail) });`;

export const stubUnusedSdkModules: Plugin = {
  name: 'stub-unused-sdk-modules',
  setup(pluginBuild) {
    pluginBuild.onResolve(
      { filter: /^(\.\/ai|@cloudbase\/ai|@cloudbase\/wx-cloud-client-sdk|\.\/realtime\/websocket-client)$/ },
      (args) =>
        UNUSED_SDK_MODULES.some((m) => m.path.test(args.path) && m.importer.test(args.importer))
          ? { path: args.path, namespace: STUB_NS }
          : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: STUB_NS }, () => ({ contents: STUB, loader: 'js' }));
  },
};

/** Bundles each on-demand library the function imports into `<outdir>/node_modules/<name>/`. */
export async function bundleOnDemand(outdir: string, imported: readonly string[]): Promise<string[]> {
  const modulesDir = path.join(outdir, 'node_modules');
  rmSync(modulesDir, { recursive: true, force: true });
  const used = BESIDE_THE_BUNDLE.filter((name) => imported.includes(name));
  for (const name of used) {
    const dir = path.join(modulesDir, name);
    mkdirSync(dir, { recursive: true });
    await build({
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: outdir, loader: 'js' },
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
      plugins: [stubUnusedSdkModules],
    });
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name, main: 'index.js', private: true })}\n`);
  }
  return used;
}
