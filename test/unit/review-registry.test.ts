/** The review's figure registry: stable unique keys the evidence action accepts, sheet names Excel takes. */
import { FIGURES, figuresFor } from '../../src/server/review/registry';
import { sheetName } from '../../src/server/review/review-xlsx';

describe('review figure registry', () => {
  it('has unique keys of letters and digits', () => {
    const keys = FIGURES.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/);
  });

  it('gives every scope its figures, coverage to the committee only', () => {
    expect(figuresFor('committee').map((f) => f.key)).toEqual(
      expect.arrayContaining(['branches', 'branchesPaired', 'sessions']),
    );
    expect(figuresFor('branch').map((f) => f.key)).not.toContain('branches');
    expect(figuresFor('pairing').map((f) => f.key)).toEqual(
      expect.arrayContaining(['jointSessions', 'attendanceRate']),
    );
  });

  it('names each evidence sheet uniquely within Excel’s limits', () => {
    const names = FIGURES.map((f, i) => sheetName(i, `${f.title}${'长'.repeat(40)}`));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(sheetName(0, 'a/b:c')).toBe('1.a b c');
  });
});
