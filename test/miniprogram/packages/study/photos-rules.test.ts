/**
 * 学习打卡's photos (chosen, compressed, uploaded once with progress; today's shown when editing;
 * removed) and 积分规则 (checked on the page, saved, refused with the server's messages), through
 * the real services and API client; only the WeChat transport and platform are stubbed.
 */
import { settle } from '../../helpers/ask';
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { load, tap, textOf, type } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';
import { asOffice, demoTownCommittee } from '../../scenarios/committee-scenarios';
import { demoStudyToday } from '../../scenarios/study-demo-data';
import {
  demoPointRules,
  demoStudyTodayWithPhotos,
  stubChosenPhotos,
  tapView,
} from '../../scenarios/study-photo-rules-scenarios';

const CHECK_IN = 'packages/study/check-in/index';
const RULES = 'packages/study/rules/index';
const all = (view: Rendered, selector: string) => view.querySelectorAll(`.sub-page >>> ${selector}`);

/** wx.cloud.uploadFile answering a fileID after reporting 40 %, recording what it uploaded. */
function stubUploads(): { uploaded: string[]; progress: number[] } {
  const uploaded: string[] = [];
  const progress: number[] = [];
  (wx.cloud as unknown as { uploadFile: unknown }).uploadFile = (o: {
    cloudPath: string;
    filePath: string;
    success: (r: { fileID: string }) => void;
  }) => {
    uploaded.push(o.filePath);
    setTimeout(() => o.success({ fileID: `cloud://env/${o.cloudPath}` }), 0);
    return {
      onProgressUpdate: (report: (r: { progress: number }) => void) => {
        progress.push(40);
        report({ progress: 40 });
      },
    };
  };
  return { uploaded, progress };
}

describe('学习打卡 photos', () => {
  it('compresses and uploads each chosen photo once, and 重试 sends the same ones', async () => {
    let n = 0;
    let failOnce = true;
    const calls = stubCloud({
      'study.today': ok(demoStudyToday),
      'file.prepareUpload': () => ok({ cloudPath: `uploads/me/studyPhoto/${++n}.jpg` }),
      'study.checkIn': () => {
        if (failOnce) {
          failOnce = false;
          return fail({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' });
        }
        return ok({ checkIn: { ...demoStudyTodayWithPhotos.checkIn }, created: true, pointsAwarded: 1 });
      },
    });
    const choose = jest.fn();
    stubChosenPhotos(['wxfile://a.jpg', 'wxfile://b.jpg']);
    const chooseMedia = wx.chooseMedia;
    wx.chooseMedia = ((o: WechatMiniprogram.ChooseMediaOption) => {
      choose(o.count);
      return chooseMedia(o);
    }) as typeof wx.chooseMedia;
    const compress = jest.spyOn(wx, 'compressImage');
    const { uploaded, progress } = stubUploads();
    const view = load(CHECK_IN);
    await settle();
    expect(textOf(view)).toContain('还可添加 3 张');
    tapView(view, '#add-photos');
    await settle();
    expect(choose).toHaveBeenCalledWith(3);
    expect(compress).toHaveBeenCalledTimes(2);
    expect(all(view, '.st-photo__image')).toHaveLength(2);
    expect(textOf(view)).toContain('还可添加 1 张');

    type(view, '#title', '党章学习');
    tap(view, '#submit');
    await settle(10);
    expect(progress).toContain(40);
    expect(uploaded).toEqual(['wxfile://a.jpg', 'wxfile://b.jpg']);
    expect(textOf(view, '#form-error')).toContain('服务暂时不可用');

    tap(view, '#submit');
    await settle(10);
    const sent = calls.filter((c) => c.action === 'study.checkIn').map((c) => (c.data as { photos?: string[] }).photos);
    expect(sent).toEqual([
      ['cloud://env/uploads/me/studyPhoto/1.jpg', 'cloud://env/uploads/me/studyPhoto/2.jpg'],
      ['cloud://env/uploads/me/studyPhoto/1.jpg', 'cloud://env/uploads/me/studyPhoto/2.jpg'],
    ]);
    expect(uploaded).toHaveLength(2);
    expect(calls.filter((c) => c.action === 'file.prepareUpload').map((c) => c.data)).toEqual([
      { purpose: 'studyPhoto', ext: '.jpg' },
      { purpose: 'studyPhoto', ext: '.jpg' },
    ]);
  });

  it('uploads in local mode through the local cloud, with wx.uploadFile to the one-time grant', async () => {
    const grant = {
      cloudPath: 'uploads/3f2a9c/studyPhoto/m1-a.jpg',
      form: {
        url: 'http://127.0.0.1:9100/storage/uploads/3f2a9c/studyPhoto/m1-a.jpg',
        fields: { key: 'uploads/3f2a9c/studyPhoto/m1-a.jpg', 'x-cos-security-token': 't' },
        fileID: 'cloud://lianjian-local.x/uploads/3f2a9c/studyPhoto/m1-a.jpg',
      },
    };
    const sent: { action: string; data: unknown }[] = [];
    jest.spyOn(wx, 'request').mockImplementation(((o: WechatMiniprogram.RequestOption) => {
      const body = o.data as { action: string; data: unknown };
      sent.push(body);
      const data =
        body.action === 'file.prepareUpload'
          ? grant
          : body.action === 'study.today'
            ? demoStudyToday
            : { checkIn: demoStudyTodayWithPhotos.checkIn, created: true, pointsAwarded: 1 };
      o.success?.({
        statusCode: 200,
        data: { ok: true, data },
      } as unknown as WechatMiniprogram.RequestSuccessCallbackResult);
    }) as unknown as typeof wx.request);
    stubChosenPhotos(['wxfile://tmp/a.jpg']);
    const uploads: WechatMiniprogram.UploadFileOption[] = [];
    (wx as unknown as { uploadFile: unknown }).uploadFile = (o: WechatMiniprogram.UploadFileOption) => {
      uploads.push(o);
      o.success?.({ statusCode: 204, data: '', errMsg: 'uploadFile:ok' });
      return { onProgressUpdate: () => undefined };
    };
    const view = load(CHECK_IN, {
      beforeLoad: () => {
        // Inside the page's module registry, so the page sees local mode.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { config } = require('../../../../miniprogram/config/index') as {
          config: { local: { enabled: boolean } };
        };
        config.local.enabled = true;
      },
    });
    await settle();
    tapView(view, '#add-photos');
    await settle();
    type(view, '#title', '党章学习');
    tap(view, '#submit');
    await settle(10);
    expect(sent.find((c) => c.action === 'file.prepareUpload')?.data).toEqual({
      purpose: 'studyPhoto',
      ext: '.jpg',
      name: 'a',
      form: true,
    });
    expect(uploads[0]).toMatchObject({ url: grant.form.url, name: 'file', formData: grant.form.fields });
    expect(sent.find((c) => c.action === 'study.checkIn')?.data).toMatchObject({ photos: [grant.form.fileID] });
  });

  it('says so when an upload fails, and keeps the photo to try again', async () => {
    stubCloud({
      'study.today': ok(demoStudyToday),
      'file.prepareUpload': ok({ cloudPath: 'uploads/me/studyPhoto/1.jpg' }),
    });
    stubChosenPhotos(['wxfile://a.jpg']);
    (wx.cloud as unknown as { uploadFile: unknown }).uploadFile = (o: { fail: (e: unknown) => void }) => {
      setTimeout(() => o.fail({ errMsg: 'cloud.uploadFile:fail timeout' }), 0);
      return { onProgressUpdate: () => undefined };
    };
    const view = load(CHECK_IN);
    await settle();
    tapView(view, '#add-photos');
    await settle();
    type(view, '#title', '党章学习');
    tap(view, '#submit');
    await settle(10);
    expect(textOf(view, '#photos-error')).toBe('照片上传失败，请检查网络后重试');
    expect(textOf(view, '#photo-0')).toContain('上传失败');
  });

  it('after one of two uploads fails, 重试 uploads only that one', async () => {
    let n = 0;
    const calls = stubCloud({
      'study.today': ok(demoStudyToday),
      'file.prepareUpload': () => ok({ cloudPath: `uploads/me/studyPhoto/${++n}.jpg` }),
      'study.checkIn': ok({ checkIn: demoStudyTodayWithPhotos.checkIn, created: true, pointsAwarded: 1 }),
    });
    stubChosenPhotos(['wxfile://a.jpg', 'wxfile://b.jpg']);
    const uploaded: string[] = [];
    let failB = true;
    (wx.cloud as unknown as { uploadFile: unknown }).uploadFile = (o: {
      cloudPath: string;
      filePath: string;
      success: (r: { fileID: string }) => void;
      fail: (e: unknown) => void;
    }) => {
      uploaded.push(o.filePath);
      const fails = o.filePath === 'wxfile://b.jpg' && failB;
      if (fails) failB = false;
      setTimeout(() => (fails ? o.fail({ errMsg: 'fail' }) : o.success({ fileID: `cloud://env/${o.cloudPath}` })), 0);
      return { onProgressUpdate: () => undefined };
    };
    const view = load(CHECK_IN);
    await settle();
    tapView(view, '#add-photos');
    await settle();
    type(view, '#title', '党章学习');
    tap(view, '#submit');
    await settle(10);
    expect(calls.filter((c) => c.action === 'study.checkIn')).toHaveLength(0);
    expect(textOf(view, '#photo-1')).toContain('上传失败');
    tap(view, '#submit');
    await settle(10);
    expect(uploaded).toEqual(['wxfile://a.jpg', 'wxfile://b.jpg', 'wxfile://b.jpg']);
    const sent = calls.filter((c) => c.action === 'study.checkIn').map((c) => (c.data as { photos: string[] }).photos);
    expect(sent).toEqual([['cloud://env/uploads/me/studyPhoto/1.jpg', 'cloud://env/uploads/me/studyPhoto/3.jpg']]);
  });

  it("shows today's photos when editing, removes one, and sends the rest without uploading", async () => {
    const calls = stubCloud({
      'study.today': ok(demoStudyTodayWithPhotos),
      'study.checkIn': ok({ checkIn: demoStudyTodayWithPhotos.checkIn, created: false, pointsAwarded: 0 }),
    });
    const { uploaded } = stubUploads();
    const view = load(CHECK_IN);
    await settle();
    const images = all(view, '.st-photo__image');
    expect(images).toHaveLength(2);
    expect(textOf(view)).toContain('还可添加 1 张');
    tapView(view, '#remove-photo-0');
    await settle();
    expect(all(view, '.st-photo__image')).toHaveLength(1);
    tap(view, '#submit');
    await settle();
    expect(uploaded).toEqual([]);
    expect(calls.find((c) => c.action === 'study.checkIn')?.data).toMatchObject({
      photos: [demoStudyTodayWithPhotos.checkInPhotos[1]!.fileID],
    });

    // Removing every photo sends none: the check-in keeps no photo.
    tapView(view, '#remove-photo-0');
    await settle();
    tap(view, '#submit');
    await settle();
    const last = calls.filter((c) => c.action === 'study.checkIn').at(-1)?.data as { photos?: string[] };
    expect(last.photos).toBeUndefined();
  });

  it('offers no more photos once three are attached', async () => {
    stubCloud({
      'study.today': ok({
        ...demoStudyTodayWithPhotos,
        checkInPhotos: [
          ...demoStudyTodayWithPhotos.checkInPhotos,
          { fileID: 'cloud://env/x/3.jpg', url: 'https://x/3' },
        ],
      }),
    });
    const view = load(CHECK_IN);
    await settle();
    expect(all(view, '#add-photos')).toHaveLength(0);
    expect(textOf(view)).toContain('已添加 3 张');
  });
});

describe('积分规则', () => {
  const query = { committeeId: demoTownCommittee.id };

  it('shows every rule with its points and cap, and saves the values typed', async () => {
    const calls = stubCloud({
      'points.rules.get': ok(demoPointRules),
      'points.rules.set': (data) =>
        ok({ ...demoPointRules, makeUpWindowDays: (data as { makeUpWindowDays: number }).makeUpWindowDays }),
    });
    const view = load(RULES, { query });
    await settle();
    const text = textOf(view);
    for (const rule of demoPointRules.rules) expect(text).toContain(rule.label);
    expect(calls[0]).toEqual({ action: 'points.rules.get', data: query });
    type(view, '#points-3', '1.5');
    tapView(view, '#cap-3-week');
    await settle();
    type(view, '#count-3', '2');
    tapView(view, '#cap-6-none');
    type(view, '#window', '10');
    tap(view, '#save');
    await settle();
    const sent = calls.find((c) => c.action === 'points.rules.set')?.data as {
      committeeId: string;
      rules: { rule: string; points: number; cap: unknown }[];
      makeUpWindowDays: number;
    };
    expect(sent.committeeId).toBe(demoTownCommittee.id);
    expect(sent.makeUpWindowDays).toBe(10);
    expect(sent.rules).toHaveLength(demoPointRules.rules.length);
    expect(sent.rules[0]).toEqual({ rule: 'study.checkIn', points: 1, cap: { per: 'day', count: 1 } });
    expect(sent.rules[3]).toEqual({ rule: 'study.makeUp', points: 1.5, cap: { per: 'week', count: 2 } });
    expect(sent.rules[6]).toEqual({ rule: 'post.published', points: 1, cap: null });
  });

  it('checks the values on the page and sends nothing while one is wrong', async () => {
    const calls = stubCloud({ 'points.rules.get': ok(demoPointRules) });
    const view = load(RULES, { query });
    await settle();
    type(view, '#points-0', '1.3');
    type(view, '#points-1', '-1');
    type(view, '#points-2', '25');
    tapView(view, '#cap-3-month');
    await settle();
    type(view, '#count-3', '0');
    type(view, '#window', '40');
    tap(view, '#save');
    await settle();
    const text = textOf(view);
    expect(text).toContain('分值应为 0.5 的整数倍');
    expect(text).toContain('分值不能为负');
    expect(text).toContain('分值最多 20');
    expect(text).toContain('封顶次数至少 1 次');
    expect(text).toContain('补学期限最多 31 天');
    expect(textOf(view, '#form-error')).toBe('有填写不正确的地方，请按提示修改');
    expect(calls.map((c) => c.action)).toEqual(['points.rules.get']);
  });

  it("shows the server's messages: on their fields, or for the whole form", async () => {
    let reply = fail({
      code: 'INVALID_INPUT',
      message: '输入有误',
      details: [
        { path: 'rules.2.cap.count', message: '封顶次数最多 50' },
        { path: 'makeUpWindowDays', message: '补学期限最多 31 天' },
      ],
    });
    stubCloud({ 'points.rules.get': ok(demoPointRules), 'points.rules.set': () => reply });
    const view = load(RULES, { query });
    await settle();
    tap(view, '#save');
    await settle();
    expect(textOf(view, '#rule-2')).toContain('封顶次数最多 50');
    expect(textOf(view)).toContain('补学期限最多 31 天');

    reply = fail({ code: 'FORBIDDEN', message: '只有党委组织部门可以修改积分规则' });
    tap(view, '#save');
    await settle();
    expect(textOf(view, '#form-error')).toBe('只有党委组织部门可以修改积分规则');
  });

  it('is not for anyone outside the office', async () => {
    stubCloud({ 'points.rules.get': ok({ ...demoPointRules, editable: false }) });
    const view = load(RULES, { query });
    await settle();
    expect(textOf(view)).toContain('只有党委组织部门可以修改积分规则');
    expect(view.data.status).toBe('empty');
  });

  it('is reached from 党委管理, for the office shown', async () => {
    stubCloud(asOffice);
    const navigateTo = jest.spyOn(wx, 'navigateTo');
    const view = load('packages/branch/committee/index', { query });
    await settle();
    tapView(view, '#points-rules');
    await settle();
    expect(navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      `/packages/study/rules/index?committeeId=${demoTownCommittee.id}`,
    ]);
  });
});
