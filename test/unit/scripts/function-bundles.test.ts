/**
 * What the built function bundles leave out of index.js, each loaded on first use from beside the
 * bundle (scripts/bundle-parts.ts): npm test builds them first. A library slipping back into the
 * bundle costs every cold start (npm run bench:bundles).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceFiles } from '../../../scripts/bundle-parts';

const root = path.resolve(__dirname, '../../..');
const bundle = (name: string) => readFileSync(path.join(root, 'cloudfunctions', name, 'index.js'), 'utf8');

describe('the api bundle', () => {
  const api = bundle('api');

  it('leaves the spreadsheet writer, the WeChat SDK and the holiday table beside it', () => {
    expect(api).not.toMatch(/ExcelJS|xl\/workbook\.xml/);
    expect(api).not.toContain('2004-01-01'); // the first day of chinese-days' holiday table
    for (const lib of ['exceljs', 'wx-server-sdk', 'chinese-days/dist/chinese-days.json'])
      expect(existsSync(path.join(root, 'cloudfunctions/api/node_modules', lib, 'index.js'))).toBe(true);
  });

  it('carries no realtime (watch) client of the database SDK, and not axios (the SDK uses it only off our paths)', () => {
    expect(api).not.toContain('tcb-ws.tencentcloudapi.com');
    expect(api).not.toContain('axios/'); // its User-Agent
    expect(existsSync(path.join(root, 'cloudfunctions/api/node_modules/axios/index.js'))).toBe(true);
  });
});

describe('what a bundle is rebuilt for', () => {
  it("is the files esbuild read, not the plugins' made-up modules, which no disk holds", () => {
    expect(
      sourceFiles([
        'src/functions/api/index.ts',
        'node_modules/@cloudbase/node-sdk/dist/index.js',
        'load-on-first-use:axios',
        'unused-sdk-module:./ai',
      ]),
    ).toEqual(['src/functions/api/index.ts', 'node_modules/@cloudbase/node-sdk/dist/index.js']);
  });
});
