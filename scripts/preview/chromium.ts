/** Debian's Chromium, headless, as the phone screen: 375×812 CSS px at device pixel ratio 2. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { VIEWPORT } from './css';

export const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** $CHROMIUM_PATH, or Debian's chromium; null when neither exists. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

/** Screenshots `htmlFile` into `pngFile` with a fresh profile and nothing talking to the network. */
export function screenshot(chromium: string, htmlFile: string, pngFile: string): Promise<void> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lj-preview-chromium-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${profile}`,
    `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
    '--force-device-scale-factor=2',
    `--screenshot=${pngFile}`,
    pathToFileURL(htmlFile).href,
  ];
  return new Promise((resolve, reject) => {
    execFile(chromium, args, { timeout: 60_000 }, (error, _stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (error || !existsSync(pngFile))
        reject(new Error(`chromium failed for ${path.basename(htmlFile)}: ${error?.message ?? ''}\n${stderr}`));
      else resolve();
    });
  });
}
