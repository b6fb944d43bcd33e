/**
 * Draws a QR code on a `<canvas type="2d">` node: the modules come from qrcode-generator (error
 * correction M: survives glare on a projector without growing too dense), painted as whole device
 * pixels so the edges stay sharp for a phone camera across a room. Only this page draws codes, so
 * the helper and its library live in the events subpackage (scripts/pack-npm.ts packs
 * qrcode-generator into packages/events/miniprogram_npm), keeping ~50 KB out of the main package.
 */
import qrcode from 'qrcode-generator';

/** Quiet zone around the code, in modules; scanners need at least 4. */
const QUIET_MODULES = 4;

/** The dark (true) and light modules of `text`, row by row. */
export function qrModules(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  return Array.from({ length: count }, (_, row) => Array.from({ length: count }, (__, col) => qr.isDark(row, col)));
}

/** Paints `modules` filling a `cssSize` square at `pixelRatio`; returns the dark modules drawn. */
export function drawQr(
  canvas: WechatMiniprogram.Canvas,
  modules: boolean[][],
  cssSize: number,
  pixelRatio: number,
): number {
  const size = Math.floor(cssSize * pixelRatio);
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  const cell = Math.max(1, Math.floor(size / (modules.length + QUIET_MODULES * 2)));
  const offset = Math.floor((size - cell * modules.length) / 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = '#000000';
  let dark = 0;
  modules.forEach((row, r) =>
    row.forEach((isDark, c) => {
      if (!isDark) return;
      ctx.fillRect(offset + c * cell, offset + r * cell, cell, cell);
      dark += 1;
    }),
  );
  return dark;
}
