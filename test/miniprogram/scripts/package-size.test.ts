/** The budgets of scripts/package-size.ts: 1 MB for the main package, 1.5 MB for each subpackage. */
import { overBudget, report } from '../../../scripts/package-size';

const MB = 1024 * 1024;
const pkg = (name: string, bytes: number) => ({ name, bytes, files: ['x'] });

describe('package-size', () => {
  it('passes the main package up to 1 MB and a subpackage up to 1.5 MB', () => {
    expect(overBudget([pkg('main', MB), pkg('packages/events', 1.5 * MB)])).toEqual([]);
  });

  it('names each package over its budget', () => {
    expect(overBudget([pkg('main', MB + 1), pkg('packages/events', 1.5 * MB + 1), pkg('packages/member', 10)])).toEqual(
      ['main is 1024.0 KB, over its 1024.0 KB budget', 'packages/events is 1536.0 KB, over its 1536.0 KB budget'],
    );
  });

  it('prints each package with its size and budget, and the total', () => {
    const text = report([pkg('main', 350 * 1024), pkg('packages/events', 150 * 1024)]);
    expect(text).toMatch(/main\s+1\s+350\.0 KB\s+1024\.0 KB/);
    expect(text).toMatch(/packages\/events\s+1\s+150\.0 KB\s+1536\.0 KB/);
    expect(text).toContain('total 500.0 KB');
  });
});
