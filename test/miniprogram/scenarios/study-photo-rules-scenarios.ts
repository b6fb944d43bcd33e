/**
 * Study check-in photos (chosen, uploading, failed, today's shown when editing) and the committee
 * office's points rules page (积分规则: loaded, checked on the page, refused by the server, not an
 * office, loading, error), for the gallery, the budgets test and the page tests.
 */
import type { PointRulesView } from '../../../src/contract';
import { fail, ok } from '../helpers/cloud';
import type { Replies } from '../helpers/cloud';
import type { Rendered } from '../helpers/load';
import { tap, type } from '../helpers/load';
import { demoTownCommittee } from './committee-scenarios';
import { demoStudyCheckIn, demoStudyPlan, demoStudyToday } from './study-demo-data';
import type { Scenario } from './index';

/** Drawn stand-ins for study photos (the preview works offline): a page of a book in `tint`. */
export const studyPhoto = (tint: string, ink: string) =>
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30"><rect width="40" height="30" fill="${tint}"/>` +
      `<rect x="8" y="5" width="24" height="20" fill="#ffffff"/><path d="M11 10 H29 M11 14 H29 M11 18 H24" stroke="${ink}" stroke-width="1.5"/></svg>`,
  );

export const STUDY_PHOTO_URLS = [studyPhoto('#f5e3cf', '#b23a2a'), studyPhoto('#dcefd8', '#3e7a45')];

const fileId = (n: number) => `cloud://env/uploads/o-wang/studyPhoto/p${n}.jpg`;

/** Today's check-in with two photos, as study.today answers it when editing the same day. */
export const demoStudyTodayWithPhotos = {
  ...demoStudyToday,
  checkIn: { ...demoStudyCheckIn, photos: [fileId(1), fileId(2)] },
  checkInPhotos: [
    { fileID: fileId(1), url: STUDY_PHOTO_URLS[0]! },
    { fileID: fileId(2), url: STUDY_PHOTO_URLS[1]! },
  ],
};

/** wx.chooseMedia answers `paths`; wx.compressImage answers the same file. */
export function stubChosenPhotos(paths: readonly string[]): void {
  wx.chooseMedia = ((o: WechatMiniprogram.ChooseMediaOption) =>
    o.success?.({
      tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 1, fileType: 'image' })),
      type: 'image',
      errMsg: '',
    } as unknown as WechatMiniprogram.ChooseMediaSuccessCallbackResult)) as unknown as typeof wx.chooseMedia;
  wx.compressImage = ((o: WechatMiniprogram.CompressImageOption) =>
    o.success?.({ tempFilePath: o.src, errMsg: '' })) as unknown as typeof wx.compressImage;
}

/** wx.cloud.uploadFile reports `progress` and then never finishes (or fails, when `fails`). */
function stubUpload(progress: number, fails: boolean): void {
  (wx.cloud as unknown as { uploadFile: unknown }).uploadFile = (o: { fail: (e: unknown) => void }) => {
    if (fails) setTimeout(() => o.fail({ errMsg: 'cloud.uploadFile:fail timeout' }), 0);
    return { onProgressUpdate: (report: (r: { progress: number }) => void) => report({ progress }) };
  };
}

/** Adds the chosen photos, then submits (what a member does to upload them). */
const addThenSubmit = (page: Rendered) => {
  const instance = page.instance as unknown as { onAddPhotos(): Promise<void> };
  void instance.onAddPhotos().then(() => tap(page, '#submit'));
};

const prepared: Replies = {
  'study.today': ok(demoStudyToday),
  'file.prepareUpload': ok({ cloudPath: 'uploads/o-wang/studyPhoto/new.jpg' }),
};

export const demoPointRules: PointRulesView = {
  committeeId: demoTownCommittee.id,
  rules: [
    { rule: 'study.checkIn', label: '学习打卡', points: 1, cap: { per: 'day', count: 1 } },
    { rule: 'study.reflection', label: '学习心得', points: 1, cap: { per: 'day', count: 1 } },
    { rule: 'study.firstTopic', label: '学习第一议题', points: 2, cap: { per: 'month', count: 1 } },
    { rule: 'study.makeUp', label: '补学', points: 0.5, cap: null },
    { rule: 'event.attended', label: '参加活动', points: 3, cap: null },
    { rule: 'event.onTime', label: '按时签到', points: 1, cap: null },
    { rule: 'post.published', label: '发布活动风采', points: 1, cap: { per: 'day', count: 3 } },
  ],
  makeUpWindowDays: 7,
  editable: true,
};

const RULES = 'packages/study/rules/index';
const CHECK_IN = 'packages/study/check-in/index';
const query = { committeeId: demoTownCommittee.id };
const rules = (id: string, title: string, cloud: Scenario['cloud'], extra: Partial<Scenario> = {}): Scenario => ({
  id,
  title,
  page: RULES,
  tabBar: false,
  cloud,
  query,
  ...extra,
});

/** Taps a plain view (a chip, the add-photo tile). */
export function tapView(page: Rendered, selector: string): void {
  page.querySelector(`.sub-page >>> ${selector}`)?.dispatchEvent('tap');
}

export const STUDY_PHOTO_RULES_SCENARIOS: Scenario[] = [
  {
    id: 'study-check-in-photos',
    title: '学习打卡 · 修改今天的打卡（2 张照片）',
    page: CHECK_IN,
    tabBar: false,
    cloud: { 'study.today': ok(demoStudyTodayWithPhotos) },
  },
  {
    id: 'study-check-in-uploading',
    title: '学习打卡 · 照片上传中',
    page: CHECK_IN,
    tabBar: false,
    cloud: prepared,
    query: { itemId: demoStudyPlan.items[0]!.id },
    platform: () => {
      stubChosenPhotos(STUDY_PHOTO_URLS);
      stubUpload(60, false);
    },
    act: addThenSubmit,
  },
  {
    id: 'study-check-in-upload-failed',
    title: '学习打卡 · 照片上传失败',
    page: CHECK_IN,
    tabBar: false,
    cloud: prepared,
    query: { itemId: demoStudyPlan.items[0]!.id },
    platform: () => {
      stubChosenPhotos(STUDY_PHOTO_URLS.slice(0, 1));
      stubUpload(0, true);
    },
    act: addThenSubmit,
  },
  rules('study-rules', '积分规则 · 党委组织部门', { 'points.rules.get': ok(demoPointRules) }),
  rules(
    'study-rules-invalid',
    '积分规则 · 填写有误',
    { 'points.rules.get': ok(demoPointRules) },
    {
      act: (page) => {
        type(page, '#points-0', '1.3');
        tapView(page, '#cap-3-week');
        type(page, '#window', '40');
        tap(page, '#save');
      },
    },
  ),
  rules(
    'study-rules-refused',
    '积分规则 · 保存被拒绝',
    {
      'points.rules.get': ok(demoPointRules),
      'points.rules.set': fail({ code: 'FORBIDDEN', message: '只有党委组织部门可以修改积分规则' }),
    },
    { act: (page) => tap(page, '#save') },
  ),
  rules('study-rules-not-office', '积分规则 · 非组织部门', {
    'points.rules.get': ok({ ...demoPointRules, editable: false }),
  }),
  rules('study-rules-loading', '积分规则 · 加载中', 'pending'),
  rules('study-rules-error', '积分规则 · 网络错误', 'offline'),
];
