/**
 * 发布风采: photos compressed and uploaded one by one with progress, then one post.create; a failed
 * upload is retried without uploading the others again and with the same request id, so the
 * server never makes a second post.
 */
import { settle } from '../../helpers/ask';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { load, tap, textOf } from '../../helpers/load';
import type { PostView } from '../../../../src/contract';

const PAGE = 'packages/posts/compose/index';
const EVENTS = { items: [{ id: 'event-tea', title: '联合主题党日：茶园助农', startsAt: '2026-04-03T01:00:00.000Z' }] };

function stubPhotos(paths: string[]): void {
  jest.spyOn(wx, 'chooseMedia').mockImplementation(((o: WechatMiniprogram.ChooseMediaOption) =>
    o.success?.({
      tempFiles: paths.map((tempFilePath) => ({ tempFilePath })),
    } as unknown as WechatMiniprogram.ChooseMediaSuccessCallbackResult)) as unknown as typeof wx.chooseMedia);
  jest
    .spyOn(wx, 'compressImage')
    .mockImplementation(((o: WechatMiniprogram.CompressImageOption) =>
      o.success?.({ tempFilePath: `${o.src}.small`, errMsg: '' })) as unknown as typeof wx.compressImage);
}

describe('发布风采', () => {
  it('uploads each photo once with progress and posts them, retrying with the same request id', async () => {
    let target = 0;
    const calls = stubCloud({
      'post.events': ok(EVENTS),
      'file.prepareUpload': () => ok({ cloudPath: `uploads/me/post/${++target}.jpg` }),
      'post.create': fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' }),
    });
    stubPhotos(['wxfile://a.jpg', 'wxfile://b.jpg']);
    const progress: number[] = [];
    const uploaded: string[] = [];
    (wx.cloud as unknown as { uploadFile: unknown }).uploadFile = (o: {
      cloudPath: string;
      filePath: string;
      success: (r: { fileID: string }) => void;
    }) => {
      uploaded.push(o.filePath);
      setTimeout(() => o.success({ fileID: `cloud://env/${o.cloudPath}` }), 0);
      return {
        onProgressUpdate: (report: (r: { progress: number }) => void) =>
          [40, 100].forEach((p) => {
            progress.push(p);
            report({ progress: p });
          }),
      };
    };
    const view = load(PAGE);
    await settle();
    expect(textOf(view)).toContain('联合主题党日：茶园助农');
    view.querySelector('.sub-page >>> #add-photos')?.dispatchEvent('tap');
    await settle();
    tap(view, '#submit');
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await settle();
    expect(uploaded).toEqual(['wxfile://a.jpg.small', 'wxfile://b.jpg.small']);
    expect(progress).toContain(40);
    expect(textOf(view, '.sub-page >>> #form-error')).toContain('服务暂时不可用');

    // 重试: nothing uploaded again, the same request id.
    tap(view, '#submit');
    await settle();
    const creates = calls.filter((c) => c.action === 'post.create').map((c) => c.data as Record<string, unknown>);
    expect(creates).toHaveLength(2);
    expect(creates[1]).toEqual(creates[0]);
    expect(creates[0]).toMatchObject({
      eventId: 'event-tea',
      photos: ['cloud://env/uploads/me/post/1.jpg', 'cloud://env/uploads/me/post/2.jpg'],
    });
    expect(uploaded).toHaveLength(2);
  });

  it('names the problem when nothing is chosen, and says so when there is no event to post about', async () => {
    stubCloud({ 'post.events': ok(EVENTS), 'post.create': ok({} as PostView) });
    const view = load(PAGE);
    await settle();
    tap(view, '#submit');
    await settle();
    expect(textOf(view, '.sub-page >>> #form-error')).toContain('请至少选择 1 张照片');

    stubCloud({ 'post.events': ok({ items: [] }) });
    const empty = load(PAGE);
    await settle();
    expect(textOf(empty)).toContain('还没有可以分享的活动');
  });
});
