/**
 * A chart on a `<canvas type="2d">`, drawn with uCharts (@qiun/ucharts, exact version in
 * package.json, packed into this subpackage only: scripts/pack-npm.ts SUBPACKAGE_NPM).
 *
 * Why uCharts rather than Apache ECharts: uCharts is written for mini-program canvases — it draws
 * straight onto the 2d context WeChat hands out, with no DOM or zrender adapter — and its whole
 * library is ~145 KB minified, where ECharts needs the echarts-for-weixin canvas shim (not on npm)
 * plus a custom build to fit a subpackage. It is Apache-2.0, still published on npm and used by
 * uni-app and Taro projects; we use three chart types (column, line, ring), which it covers.
 *
 * The library is required only once a canvas node exists (never in the page tests or the gallery,
 * which cannot provide one); until the canvas is drawn the same numbers show as plain bars.
 */
interface Series {
  name: string;
  data: (number | null)[];
}

interface ChartData {
  /** 'column' | 'line' | 'ring' */
  type: string;
  categories: string[];
  series: Series[];
}

interface UChartsCtor {
  new (options: Record<string, unknown>): unknown;
}

function loadUCharts(): UChartsCtor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('@qiun/ucharts') as UChartsCtor | { default: UChartsCtor };
  return 'default' in mod ? mod.default : mod;
}

const COLORS = ['#b8161c', '#a8741a', '#4b6584', '#2d8a5b', '#8a5b9e', '#c46a2b', '#5c5c5c'];

/** The chart as rows of bars: one per category (column, line) or per series (ring). */
function barsOf(data: ChartData, unit: string) {
  const rows =
    data.type === 'ring'
      ? data.series.map((s) => ({ label: s.name, value: Number(s.data) || 0 }))
      : data.categories.map((label, i) => ({ label, value: data.series[0]?.data[i] ?? null }));
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  return rows.map((r, i) => ({
    key: `${i}`,
    label: r.label,
    text: r.value === null ? '—' : `${r.value}${unit}`,
    width: `${Math.round(((r.value ?? 0) / max) * 100)}%`,
  }));
}

Component({
  properties: {
    chart: { type: Object, value: { type: 'column', categories: [], series: [] } as ChartData },
    canvasId: { type: String, value: 'chart' },
    /** Spoken by screen readers. */
    label: { type: String, value: '' },
    /** Appended to each value in the bars (e.g. '%'). */
    unit: { type: String, value: '' },
  },
  data: {
    drawn: false,
    bars: [] as ReturnType<typeof barsOf>,
  },
  observers: {
    chart(chart: ChartData) {
      this.setData({ bars: barsOf(chart, this.data.unit) });
      this.draw();
    },
  },
  lifetimes: {
    ready() {
      this.draw();
    },
  },
  methods: {
    draw() {
      const data = this.data.chart as ChartData;
      if (!data || data.series.length === 0) return;
      this.createSelectorQuery()
        .select(`#${this.data.canvasId}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: WechatMiniprogram.Canvas; width?: number; height?: number }[]) => {
          const found = res[0];
          if (!found?.node || !found.width || !found.height) return;
          const pixelRatio = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo().pixelRatio : 2;
          const canvas = found.node;
          canvas.width = found.width * pixelRatio;
          canvas.height = found.height * pixelRatio;
          const UCharts = loadUCharts();
          new UCharts({
            type: data.type,
            context: canvas.getContext('2d'),
            canvas2d: true,
            width: found.width * pixelRatio,
            height: found.height * pixelRatio,
            pixelRatio,
            animation: false,
            background: '#FFFFFF',
            color: COLORS,
            fontSize: 12 * pixelRatio,
            categories: data.categories,
            series: data.series,
            legend: { show: data.series.length > 1 || data.type === 'ring' },
            xAxis: { disableGrid: true },
            yAxis: { gridType: 'dash' },
            extra: { column: { width: 12 * pixelRatio }, ring: { ringWidth: 24 * pixelRatio } },
          });
          this.setData({ drawn: true });
        });
    },
  },
});
