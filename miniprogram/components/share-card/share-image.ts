/**
 * Drawn card images by content key, for the whole session: a card is drawn once per change of
 * what it says, never per share. A share waits for the drawing at most SHARE_WAIT_MS and then
 * falls back to the static card, inside WeChat's 3 s for a share's `promise`.
 */
export const STATIC_CARD = '/assets/share-card.png';
export const SHARE_WAIT_MS = 2500;

const drawn = new Map<string, string>();
const waiting = new Map<string, ((path: string) => void)[]>();

export function drawnImage(key: string): string | undefined {
  return drawn.get(key);
}

export function keepDrawn(key: string, path: string): void {
  drawn.set(key, path);
  for (const resolve of waiting.get(key) ?? []) resolve(path);
  waiting.delete(key);
}

/** The drawn image for `key`, or the static card if it is not ready within the wait. */
export function imageFor(key: string, waitMs = SHARE_WAIT_MS): Promise<string> {
  const ready = drawn.get(key);
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(STATIC_CARD), waitMs);
    waiting.set(key, [
      ...(waiting.get(key) ?? []),
      (path) => {
        clearTimeout(timer);
        resolve(path);
      },
    ]);
  });
}

/** What onShareAppMessage answers: the static card at once, the drawn one through `promise`. */
export function shareMessage(title: string, path: string, key: string): WechatMiniprogram.Page.ICustomShareContent {
  const imageUrl = drawn.get(key);
  if (imageUrl) return { title, path, imageUrl };
  return {
    title,
    path,
    imageUrl: STATIC_CARD,
    promise: imageFor(key).then((image) => ({ title, path, imageUrl: image })),
  } as WechatMiniprogram.Page.ICustomShareContent;
}
