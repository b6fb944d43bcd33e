/**
 * A 5:4 share card: shows its preview on the page and draws the same lines on a 2d canvas once
 * per change of content (cached by content key, see share-image.ts), then reports the image
 * (`drawn` event with `{ key, path }`). Used for events, invites, notices and posts, each through
 * its CardContent (card-content.ts).
 */
import { CARD_HEIGHT, CARD_WIDTH, contentKey, titleLines, type CardContent } from './card-content';
import { drawnImage, keepDrawn } from './share-image';

const RED = '#b8161c';
const PAPER = '#fdf7f0';
const INK = '#1f1f1f';
const GREY = '#6b6b6b';
const FONT = '"PingFang SC", "Noto Sans CJK SC", sans-serif';

interface Canvas2d {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2DLike;
}
interface CanvasRenderingContext2DLike {
  fillStyle: string;
  font: string;
  textBaseline: string;
  scale(x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
}

function draw(ctx: CanvasRenderingContext2DLike, content: CardContent): void {
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  ctx.fillStyle = RED;
  ctx.fillRect(0, 0, CARD_WIDTH, 96);
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#ffffff';
  ctx.font = `600 26px ${FONT}`;
  ctx.fillText(content.tag, 32, 24);
  ctx.font = `400 22px ${FONT}`;
  ctx.fillText(content.org, 32, 60);
  ctx.fillStyle = INK;
  ctx.font = `700 34px ${FONT}`;
  titleLines(content.title).forEach((line, i) => ctx.fillText(line, 32, 120 + i * 46));
  ctx.font = `400 26px ${FONT}`;
  ctx.fillText(content.when, 32, 226);
  ctx.fillStyle = GREY;
  ctx.fillText(content.place, 32, 268);
  if (content.count) {
    ctx.fillStyle = RED;
    ctx.font = `700 30px ${FONT}`;
    ctx.fillText(content.count, 32, 334);
  }
}

Component({
  properties: {
    content: { type: Object, value: {} },
    /** false: only draw (a page that shares without showing the card). */
    preview: { type: Boolean, value: true },
  },
  data: { titleLines: [] as string[], key: '' },
  observers: {
    content(content: CardContent) {
      if (!content || !content.title) return;
      const key = contentKey(content);
      if (key === this.data.key) return;
      this.setData({ titleLines: titleLines(content.title), key });
      const ready = drawnImage(key);
      if (ready) this.triggerEvent('drawn', { key, path: ready });
      else this.drawCard(content, key);
    },
  },
  methods: {
    drawCard(content: CardContent, key: string) {
      this.createSelectorQuery()
        .select('#share-card-canvas')
        .fields({ node: true, size: true })
        .exec((res: { node?: Canvas2d }[]) => {
          const canvas = res?.[0]?.node;
          if (!canvas) return; // no canvas (a test renderer): the static card stands in
          const ratio = Math.min(2, wx.getWindowInfo?.().pixelRatio ?? 2);
          canvas.width = CARD_WIDTH * ratio;
          canvas.height = CARD_HEIGHT * ratio;
          const ctx = canvas.getContext('2d');
          ctx.scale(ratio, ratio);
          draw(ctx, content);
          wx.canvasToTempFilePath({
            canvas: canvas as unknown as WechatMiniprogram.Canvas,
            fileType: 'png',
            success: ({ tempFilePath }: { tempFilePath: string }) => {
              keepDrawn(key, tempFilePath);
              this.triggerEvent('drawn', { key, path: tempFilePath });
            },
            fail: () => undefined,
          } as unknown as WechatMiniprogram.CanvasToTempFilePathOption);
        });
    },
  },
});
