import { drawQr, qrModules } from '../../../../miniprogram/packages/events/live/qr-canvas';

/** A 2d context that records the rectangles painted and the colour of each. */
function recordingCanvas() {
  const rects: { x: number; y: number; w: number; h: number; fill: string }[] = [];
  const ctx = {
    fillStyle: '',
    fillRect: (x: number, y: number, w: number, h: number) => rects.push({ x, y, w, h, fill: ctx.fillStyle }),
  };
  const canvas = { width: 0, height: 0, getContext: () => ctx } as unknown as WechatMiniprogram.Canvas;
  return { canvas, rects };
}

describe('QR drawing', () => {
  it('makes a square matrix with the three finder patterns in its corners', () => {
    const modules = qrModules('lianjian-checkin:event-1:c1.AbCdEfGh.1a2b3c.0123456789abcdefghijkl');
    const n = modules.length;
    expect(n).toBeGreaterThanOrEqual(21);
    expect(modules.every((row) => row.length === n)).toBe(true);
    // A finder pattern's outer ring is dark, the ring inside it light.
    for (const [r, c] of [
      [0, 0],
      [0, n - 7],
      [n - 7, 0],
    ] as const) {
      expect(modules[r]![c]).toBe(true);
      expect(modules[r + 6]![c + 6]).toBe(true);
      expect(modules[r + 1]![c + 1]).toBe(false);
      expect(modules[r + 3]![c + 3]).toBe(true);
    }
  });

  it('paints a white square, then each dark module at whole device pixels inside the quiet zone', () => {
    const modules = qrModules('hello');
    const { canvas, rects } = recordingCanvas();
    const dark = drawQr(canvas, modules, 300, 2);

    expect(canvas.width).toBe(600);
    expect(canvas.height).toBe(600);
    expect(rects[0]).toEqual({ x: 0, y: 0, w: 600, h: 600, fill: '#ffffff' });
    expect(dark).toBe(modules.flat().filter(Boolean).length);
    const cells = rects.slice(1);
    expect(cells).toHaveLength(dark);
    const cell = Math.floor(600 / (modules.length + 8));
    expect(cells.every((r) => r.fill === '#000000' && r.w === cell && Number.isInteger(r.x))).toBe(true);
    expect(Math.min(...cells.map((r) => r.x))).toBeGreaterThanOrEqual(4 * cell);
  });
});
