/**
 * The project's subscribe-message templates (`subscribe-templates.json` at the project root) and
 * the mini-program's pages (`app.json` under project.config.json's `miniprogramRoot`): what the
 * emulator of `subscribeMessage.send` validates against, learned from project files, never from
 * project code. Both files are optional: tests may configure templates over /__local instead.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SUBSCRIBE_TEMPLATES_FILE = 'subscribe-templates.json';

export interface TemplateSpec {
  id: string;
  mode: 'oneTime' | 'longTerm';
  /** Keyword name (e.g. `thing1`) → its type (`thing`, `time`, …). */
  keywords: Record<string, string>;
}

export function loadSubscribeTemplates(file: string): TemplateSpec[] {
  if (!fs.existsSync(file)) return [];
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    templates?: Record<string, { id?: unknown; mode?: unknown; keywords?: Record<string, { type?: unknown }> }>;
  };
  return Object.values(parsed.templates ?? {}).flatMap((t) =>
    typeof t.id === 'string'
      ? [
          {
            id: t.id,
            mode: t.mode === 'longTerm' ? 'longTerm' : 'oneTime',
            keywords: Object.fromEntries(
              Object.entries(t.keywords ?? {}).map(([name, spec]) => [name, String(spec.type ?? 'thing')]),
            ),
          } satisfies TemplateSpec,
        ]
      : [],
  );
}

/**
 * Every page path of the mini-program (main package and subpackages), without `.wxml`; null when
 * the project has no app.json beside it (then pages are not checked).
 */
export function loadMiniProgramPages(projectDir: string): Set<string> | null {
  let root = 'miniprogram';
  try {
    const config = JSON.parse(fs.readFileSync(path.join(projectDir, 'project.config.json'), 'utf8')) as {
      miniprogramRoot?: string;
    };
    if (config.miniprogramRoot) root = config.miniprogramRoot;
  } catch {
    // no project.config.json: the default root
  }
  const file = path.join(projectDir, root, 'app.json');
  if (!fs.existsSync(file)) return null;
  const app = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    pages?: string[];
    subPackages?: { root: string; pages: string[] }[];
    subpackages?: { root: string; pages: string[] }[];
  };
  const pages = new Set(app.pages ?? []);
  for (const pkg of [...(app.subPackages ?? []), ...(app.subpackages ?? [])])
    for (const page of pkg.pages) pages.add(`${pkg.root.replace(/\/$/, '')}/${page}`);
  return pages;
}
