import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkWxml } from '../../../scripts/check-wxml';

describe('checkWxml (official wcc compiler)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'wxml-'));
    mkdirSync(path.join(root, 'pages/ok'), { recursive: true });
    mkdirSync(path.join(root, 'miniprogram_npm/lib'), { recursive: true });
    writeFileSync(path.join(root, 'pages/ok/index.wxml'), '<view wx:if="{{a}}" class="x">{{name}}</view>\n');
    // Libraries are not ours to check, even when broken.
    writeFileSync(path.join(root, 'miniprogram_npm/lib/index.wxml'), '<view><text></view>');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes valid WXML and skips miniprogram_npm', () => {
    expect(checkWxml(root)).toEqual({ files: ['pages/ok/index.wxml'], errors: [] });
  });

  it('names the file with a syntax error', () => {
    mkdirSync(path.join(root, 'pages/bad'), { recursive: true });
    writeFileSync(path.join(root, 'pages/bad/index.wxml'), '<view><text>unclosed</view>\n');
    const result = checkWxml(root);
    expect(result.errors.map((e) => e.file)).toEqual(['pages/bad/index.wxml']);
    expect(result.errors[0]!.message.length).toBeGreaterThan(0);
  });
});
