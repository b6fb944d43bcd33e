/** The gallery page: one row per scenario, normal and care mode side by side, with captions. */
import type { GalleryEntry } from './manifest';

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const MODE_LABEL = { normal: '标准模式', care: '关怀模式' } as const;

export function galleryIndex(entries: GalleryEntry[], generatedAt: Date): string {
  const scenarios = [...new Set(entries.map((e) => e.scenario))];
  const rows = scenarios.map((scenario) => {
    const shots = entries.filter((e) => e.scenario === scenario);
    const title = shots[0]?.title ?? scenario;
    const figures = shots
      .map(
        (
          e,
        ) => `<figure><a href="${e.name}.png"><img src="${e.name}.png" width="375" height="812" loading="lazy" alt="${escapeHtml(`${e.title}（${MODE_LABEL[e.mode]}）`)}"></a>
<figcaption>${MODE_LABEL[e.mode]} · <a href="html/${e.name}.html">HTML</a></figcaption></figure>`,
      )
      .join('\n');
    return `<section><h2>${escapeHtml(title)}</h2><p class="meta">${escapeHtml(scenario)} · ${escapeHtml(shots[0]?.page ?? '')}</p><div class="shots">${figures}</div></section>`;
  });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>联建通 · 页面预览</title>
<style>
body { margin: 24px; font: 14px/1.5 'Noto Sans CJK SC', 'PingFang SC', sans-serif; background: #e9e6e2; color: #1f1f1f; }
h1 { font-size: 22px; margin: 0 0 4px; }
.note { color: #5c5c5c; margin: 0 0 24px; }
main { display: flex; flex-wrap: wrap; gap: 32px; }
section { background: #fff; border-radius: 12px; padding: 16px; }
h2 { font-size: 16px; margin: 0; }
.meta { color: #8a8a8a; font-size: 12px; margin: 2px 0 12px; }
.shots { display: flex; gap: 16px; }
figure { margin: 0; }
img { display: block; width: 375px; height: 812px; border: 1px solid #ddd; border-radius: 8px; }
figcaption { margin-top: 6px; text-align: center; color: #5c5c5c; }
</style></head><body>
<h1>联建通 · 页面预览</h1>
<p class="note">${entries.length} screenshots, 375×812 @2x, rendered by miniprogram-simulate and Chromium on ${escapeHtml(generatedAt.toISOString())}. Icons come from the subset font the app ships (styles/icon-font.wxss).</p>
<main>
${rows.join('\n')}
</main>
</body></html>
`;
}
