/**
 * security.mediaCheckAsync v2 and message push: the call answers a trace_id only; the verdict,
 * decided by the image's file name, is pushed as `wxa_media_check` to the function cloudbaserc.json
 * names for it (test/fixtures: `pushsink`), after a configurable delay, or never. Also the form
 * upload the mini-program uses in local mode (wx.uploadFile to an upload grant).
 */
import type { Delivery } from '../../local-cloud/src/openapi/message-push';
import { FIXTURE_FUNCTIONS_DIR, startTestCloud, type TestCloud } from '../support/local-cloud';

let cloud: TestCloud;

beforeAll(async () => {
  cloud = await startTestCloud({ functionsDir: FIXTURE_FUNCTIONS_DIR });
});
afterAll(() => cloud.stop());
beforeEach(() => cloud.reset());

type Answer = { ok: true; res: Record<string, unknown> } | { ok: false; errCode: number; errMsg: string };

const check = (mediaUrl: string, extra: Record<string, unknown> = {}): Promise<Answer> =>
  cloud.callFunction<Answer>(
    'notify',
    {
      api: 'mediaCheckAsync',
      params: { media_url: mediaUrl, media_type: 2, version: 2, scene: 3, openid: 'o-member', ...extra },
    },
    { openid: 'o-member' },
  );

async function deliveries(count: number, timeoutMs = 5000): Promise<Delivery[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const list = await cloud.pushes();
    if (list.length >= count || Date.now() > until) return list;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('security.mediaCheckAsync v2', () => {
  it('answers a trace_id only, then pushes the verdict by file name to the configured function', async () => {
    await cloud.contentRules({ mediaDelayMs: 20 });
    const answers = await Promise.all([
      check('https://example.com/photos/a-risky.jpg'),
      check('https://example.com/photos/REVIEW-me.png?sign=x'),
      check('http://127.0.0.1:9/storage/uploads/u/post/plain.jpg'),
    ]);
    const traceIds = answers.map((answer) => {
      if (!answer.ok) throw new Error(`expected ok, got ${answer.errCode}`);
      expect(answer.res).not.toHaveProperty('result');
      return answer.res.traceId as string;
    });
    const pushed = await deliveries(3);
    expect(pushed).toHaveLength(3);
    const byTrace = new Map(pushed.map((d) => [d.body.trace_id, d]));
    const suggests = traceIds.map((id) => (byTrace.get(id)?.body.result as { suggest: string }).suggest);
    expect(suggests).toEqual(['risky', 'review', 'pass']);
    const first = byTrace.get(traceIds[0]!)!;
    expect(first).toMatchObject({ msgType: 'event', event: 'wxa_media_check', functionName: 'pushsink' });
    expect(first.body).toMatchObject({
      MsgType: 'event',
      Event: 'wxa_media_check',
      FromUserName: 'o-member',
      version: 2,
      errcode: 0,
      appid: expect.any(String),
      detail: [expect.objectContaining({ strategy: 'content_model', suggest: 'risky' })],
    });
    // The function saw a message push: its own SOURCE, the user as OPENID, the body as its event.
    expect(first.result).toMatchObject({
      source: 'wx_message_push',
      openid: 'o-member',
      event: { trace_id: traceIds[0] },
    });
  });

  it('refuses a cloud:// id or a non-URL media_url and v1, and can fail with a chosen errcode', async () => {
    expect(await check('cloud://env.bucket/uploads/a.jpg')).toMatchObject({ ok: false, errCode: 47001 });
    expect(await check('not a url')).toMatchObject({ ok: false, errCode: 47001 });
    expect(await check('https://example.com/a.jpg', { version: 1 })).toMatchObject({ ok: false, errCode: 47001 });
    expect(await check('https://example.com/a.jpg', { media_type: 3 })).toMatchObject({ ok: false, errCode: 47001 });
    expect(await check('https://example.com/a.jpg', { openid: '' })).toMatchObject({ ok: false, errCode: 40003 });
    await cloud.failNext('security.mediaCheckAsync', 45009);
    expect(await check('https://example.com/a.jpg')).toMatchObject({ ok: false, errCode: 45009 });
    expect((await cloud.mediaChecks()).map((c) => c.mediaUrl)).toEqual([]);
  });

  it('drops verdicts when told to, delays them, and lists every check for a test to deliver again', async () => {
    await cloud.contentRules({ dropMediaVerdicts: true });
    const dropped = await check('https://example.com/x.jpg');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await cloud.pushes()).toEqual([]);
    const [listed] = await cloud.mediaChecks();
    expect(listed).toMatchObject({ state: 'dropped', suggest: 'pass' });
    if (!dropped.ok) throw new Error('expected ok');
    expect(listed!.traceId).toBe(dropped.res.traceId);
    // Delivered by hand (twice), as a test of a duplicate verdict does.
    await cloud.deliverPush(listed!.push);
    await cloud.deliverPush(listed!.push);
    expect((await cloud.pushes()).map((d) => d.body.trace_id)).toEqual([listed!.traceId, listed!.traceId]);

    await cloud.reset();
    await cloud.contentRules({ mediaDelayMs: 600, riskyNames: ['bad'], reviewNames: [] });
    await check('https://example.com/bad.jpg');
    await check('https://example.com/review.jpg');
    expect(await cloud.pushes()).toEqual([]);
    const later = await deliveries(2);
    expect(later.map((d) => (d.body.result as { suggest: string }).suggest).sort()).toEqual(['pass', 'risky']);
  });

  it('reports a push that no function is configured for, and forgets scheduled verdicts on reset', async () => {
    const delivery = await cloud.deliverPush({ MsgType: 'event', Event: 'unknown_event' });
    expect(delivery).toMatchObject({ functionName: null, result: { notDelivered: expect.any(String) } });
    await cloud.contentRules({ mediaDelayMs: 200 });
    await check('https://example.com/a.jpg');
    await cloud.reset();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await cloud.pushes()).toEqual([]);
  });
});

describe('form upload (wx.uploadFile in local mode)', () => {
  it('stores the file only at the path its upload grant names, once', async () => {
    const app = cloud.sdk();
    const meta = (await app.getUploadMetadata({ cloudPath: 'uploads/me/post/a.jpg' })) as unknown as {
      data: { url: string; token: string; authorization: string; fileId: string; cosFileId: string };
    };
    const form = (key: string): FormData => {
      const body = new FormData();
      body.append('key', key);
      body.append('Signature', meta.data.authorization);
      body.append('x-cos-security-token', meta.data.token);
      body.append('x-cos-meta-fileid', meta.data.cosFileId);
      body.append('file', new Blob([Buffer.from('jpeg bytes')]), 'a.jpg');
      return body;
    };
    // Another member's path with my grant: refused, nothing stored.
    const elsewhere = `${cloud.baseUrl}/storage/uploads/someone-else/post/a.jpg`;
    expect((await fetch(elsewhere, { method: 'POST', body: form('uploads/someone-else/post/a.jpg') })).status).toBe(
      403,
    );
    expect((await fetch(meta.data.url, { method: 'POST', body: form('uploads/me/post/a.jpg') })).status).toBe(204);
    expect((await app.downloadFile({ fileID: meta.data.fileId })).fileContent?.toString()).toBe('jpeg bytes');
    expect((await fetch(meta.data.url, { method: 'POST', body: form('uploads/me/post/a.jpg') })).status).toBe(403);
  });
});
