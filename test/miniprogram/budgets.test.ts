/**
 * WeChat's performance budgets (its own audits; ../shared/notes/wechat-platform.md) for every demo
 * scenario in both display modes: the rendered WXML tree (< 1000 nodes, depth < 30, ≤ 60 children
 * per node) and every setData payload (≤ 256 KB after JSON.stringify). Prints the figures.
 */
import { SCENARIOS } from './scenarios';
import { renderScenario } from './scenarios/render';
import type { Mode } from './scenarios/render';
import { treeMetrics } from './helpers/wxml-metrics';
import type { TreeMetrics } from './helpers/wxml-metrics';

const BUDGET = { nodes: 1000, depth: 30, maxChildren: 60, setDataBytes: 256 * 1024 };

interface Row extends TreeMetrics {
  scenario: string;
  mode: Mode;
  setDataCalls: number;
  maxSetDataBytes: number;
}

const rows: Row[] = [];
const TAB_BAR = 'custom-tab-bar';

function tableOf(all: Row[]): string {
  const header = ['scenario', 'mode', 'nodes', 'depth', 'maxChildren', 'setData calls', 'max payload B'];
  const lines = all.map((r) =>
    [r.scenario, r.mode, r.nodes, r.depth, r.maxChildren, r.setDataCalls, r.maxSetDataBytes].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}

afterAll(() => {
  console.log(
    `WeChat budgets per demo scenario (the tab bar is its own tree; its setData is TDesign's)\n${tableOf(rows)}`,
  );
});

const cases = SCENARIOS.flatMap((scenario) => (['normal', 'care'] as const).map((mode) => ({ scenario, mode })));

describe.each(cases)('$scenario.id ($mode)', ({ scenario, mode }) => {
  it('stays within the WXML and setData budgets', async () => {
    const { page, tabBar, setData } = await renderScenario(scenario, mode);
    const metrics = treeMetrics(page.dom as Element);
    const maxSetDataBytes = Math.max(...setData.map((r) => r.bytes));
    rows.push({
      scenario: scenario.id,
      mode,
      ...metrics,
      setDataCalls: setData.filter((r) => r.kind === 'setData').length,
      maxSetDataBytes,
    });
    // The tab bar is the same under every tab page: one row per mode.
    if (tabBar && !rows.some((r) => r.scenario === TAB_BAR && r.mode === mode))
      rows.push({
        scenario: TAB_BAR,
        mode,
        ...treeMetrics(tabBar.dom as Element),
        setDataCalls: 0,
        maxSetDataBytes: 0,
      });

    expect(metrics.nodes).toBeGreaterThan(0); // something was rendered: the figures mean something
    expect(metrics.nodes).toBeLessThan(BUDGET.nodes);
    expect(metrics.depth).toBeLessThan(BUDGET.depth);
    expect(metrics.maxChildren).toBeLessThanOrEqual(BUDGET.maxChildren);
    expect(setData.length).toBeGreaterThan(0);
    expect(maxSetDataBytes).toBeLessThanOrEqual(BUDGET.setDataBytes);
    if (tabBar) {
      const bar = treeMetrics(tabBar.dom as Element);
      expect(bar.nodes).toBeLessThan(BUDGET.nodes);
      expect(bar.depth).toBeLessThan(BUDGET.depth);
      expect(bar.maxChildren).toBeLessThanOrEqual(BUDGET.maxChildren);
    }
  });
});
