/** The HTML document of one screen: CSS, WeChat's chrome and the rendered page (and tab bar). */
import { BASE_CSS, CHROME_CSS } from './css';

export interface Screen {
  title: string;
  /** Navigation bar colours from app.json `window` (or the page's own json). */
  navigationBar: { background: string; text: 'black' | 'white' };
  /** A back arrow on pages opened with navigateTo (not on tab pages). */
  back: boolean;
  css: string;
  pageHtml: string;
  tabBarHtml: string;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function screenDocument(screen: Screen): string {
  const color = screen.navigationBar.text === 'white' ? '#ffffff' : '#000000';
  const bar = `background:${screen.navigationBar.background};color:${color}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=375">
<title>${escapeHtml(screen.title)}</title>
<style>${BASE_CSS}${CHROME_CSS}</style>
<style>${screen.css}</style>
</head><body>
<div class="wx-frame">${screen.pageHtml}</div>
${screen.tabBarHtml}
<div class="wx-status" style="${bar}">9:41</div>
<div class="wx-nav" style="${bar}">${screen.back ? '<span class="wx-nav__back">‹</span>' : ''}${escapeHtml(screen.title)}<span class="wx-nav__capsule"></span></div>
</body></html>
`;
}
