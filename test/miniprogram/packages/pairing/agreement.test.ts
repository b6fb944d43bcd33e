/** 联建协议: prefilled from the pairing, contacts per side, attachments in cloud mode only. */
import { fail, ok, stubCloud } from '../../helpers/cloud';
import { settle } from '../../helpers/ask';
import { load, tap, textOf } from '../../helpers/load';
import type { Rendered } from '../../helpers/load';
import type { config as appConfig } from '../../../../miniprogram/config/index';
import { demoSecretaryPairing } from '../../scenarios/org-demo-data';

const PAGE = 'packages/pairing/agreement/index';
const QUERY = { pairingId: 'pairing-hexi' };

function typeIn(view: Rendered, className: string, index: number, value: string): void {
  const input = view.querySelectorAll(`.sub-page >>> .${className}`)[index];
  input?.querySelector('.t-input__control')?.dispatchEvent('input', { detail: { value, cursor: value.length } });
}

describe('联建协议', () => {
  it('saves the edited agreement with contacts, keeping the attachments and term', async () => {
    const calls = stubCloud({ 'pairing.get': ok(demoSecretaryPairing), 'agreement.set': ok(demoSecretaryPairing) });
    const navigateBack = jest.spyOn(wx, 'navigateBack');
    const view = load(PAGE, { query: QUERY });
    await settle();
    view
      .querySelector('.sub-page >>> #goals')
      ?.querySelector('.t-textarea__wrapper-inner')
      ?.dispatchEvent('input', {
        detail: { value: '共建共享', cursor: 4 },
      });
    tap(view, '#add-contact');
    await settle();
    view.querySelectorAll('.sub-page >>> .contact-org')[2]?.dispatchEvent('change', { detail: { value: '1' } });
    typeIn(view, 'contact-name', 2, '王村');
    await settle();
    tap(view, '#submit');
    await settle();
    expect(calls.find((c) => c.action === 'agreement.set')?.data).toEqual({
      pairingId: 'pairing-hexi',
      goals: '共建共享',
      contacts: [
        { orgId: 'branch-finance-2', name: '李明', phone: '13800001111' },
        { orgId: 'village-hexi', name: '刘海', phone: '13900002222' },
        { orgId: 'village-hexi', name: '王村', phone: '' },
      ],
      termStart: '2026-01-01',
      termEnd: '2027-12-31',
      signedOn: '2026-01-15',
      attachments: [{ fileID: 'cloud://env-1/agreements/hexi.pdf', name: '结对共建协议书.pdf' }],
    });
    expect(navigateBack).toHaveBeenCalled();
  });

  it('uploads a chosen file where the server says and sends its fileID', async () => {
    const calls = stubCloud({
      'pairing.get': ok(demoSecretaryPairing),
      'agreement.set': ok(demoSecretaryPairing),
      'file.prepareUpload': ok({ cloudPath: 'uploads/3f2a9c/agreement/m1x2-abc.jpg' }),
    });
    jest.spyOn(wx, 'chooseMessageFile').mockImplementation(((o: WechatMiniprogram.ChooseMessageFileOption) => {
      o.success?.({
        tempFiles: [{ path: 'wxfile://tmp/1.jpg', name: '签字页.jpg', size: 1, time: 0, type: 'image' }],
        errMsg: '',
      });
    }) as unknown as typeof wx.chooseMessageFile);
    const upload = jest.fn((o: { cloudPath: string; success: (r: { fileID: string }) => void }) =>
      o.success({ fileID: `cloud://env-1/${o.cloudPath}` }),
    );
    (wx.cloud as unknown as { uploadFile: unknown }).uploadFile = upload;
    const view = load(PAGE, { query: QUERY });
    await settle();
    tap(view, '#upload');
    await settle();
    expect(calls.find((c) => c.action === 'file.prepareUpload')?.data).toEqual({ purpose: 'agreement', ext: '.jpg' });
    expect(upload.mock.calls[0]?.[0].cloudPath).toBe('uploads/3f2a9c/agreement/m1x2-abc.jpg');
    expect(textOf(view)).toContain('签字页.jpg');
    tap(view, '#submit');
    await settle();
    const sent = calls.find((c) => c.action === 'agreement.set')?.data as {
      attachments: { name: string; fileID: string }[];
    };
    expect(sent.attachments[1]).toEqual({
      name: '签字页.jpg',
      fileID: 'cloud://env-1/uploads/3f2a9c/agreement/m1x2-abc.jpg',
    });
  });

  it('uploads in local mode too, with wx.uploadFile to the one-time grant for the prepared path', async () => {
    const grant = {
      cloudPath: 'uploads/3f2a9c/agreement/m1x2-abc-1.jpg',
      form: {
        url: 'http://127.0.0.1:9100/storage/uploads/3f2a9c/agreement/m1x2-abc-1.jpg',
        fields: { key: 'uploads/3f2a9c/agreement/m1x2-abc-1.jpg', 'x-cos-security-token': 't' },
        fileID: 'cloud://lianjian-local.x/uploads/3f2a9c/agreement/m1x2-abc-1.jpg',
      },
    };
    const sent: { action: string; data: unknown }[] = [];
    jest.spyOn(wx, 'request').mockImplementation(((o: WechatMiniprogram.RequestOption) => {
      const body = o.data as { action: string; data: unknown };
      sent.push(body);
      const data = body.action === 'file.prepareUpload' ? grant : demoSecretaryPairing;
      o.success?.({
        statusCode: 200,
        data: { ok: true, data },
      } as unknown as WechatMiniprogram.RequestSuccessCallbackResult);
    }) as unknown as typeof wx.request);
    jest.spyOn(wx, 'chooseMessageFile').mockImplementation(((o: WechatMiniprogram.ChooseMessageFileOption) => {
      o.success?.({
        tempFiles: [{ path: 'wxfile://tmp/1.jpg', name: '签字页.jpg', size: 1, time: 0, type: 'image' }],
        errMsg: '',
      });
    }) as unknown as typeof wx.chooseMessageFile);
    const uploads: WechatMiniprogram.UploadFileOption[] = [];
    (wx as unknown as { uploadFile: unknown }).uploadFile = (o: WechatMiniprogram.UploadFileOption) => {
      uploads.push(o);
      o.success?.({ statusCode: 204, data: '', errMsg: 'uploadFile:ok' });
      return { onProgressUpdate: () => undefined };
    };
    const view = load(PAGE, {
      query: QUERY,
      beforeLoad: () => {
        // Inside the page's module registry, so the page sees local mode.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { config } = require('../../../../miniprogram/config/index') as { config: typeof appConfig };
        config.local.enabled = true;
      },
    });
    await settle();
    tap(view, '#upload');
    await settle();
    expect(sent.find((c) => c.action === 'file.prepareUpload')?.data).toEqual({
      purpose: 'agreement',
      ext: '.jpg',
      name: '1',
      form: true,
    });
    expect(uploads[0]).toMatchObject({ url: grant.form.url, name: 'file', formData: grant.form.fields });
    expect(textOf(view)).toContain('签字页.jpg');
  });

  it('puts the server messages on goals, term and contacts', async () => {
    stubCloud({
      'pairing.get': ok(demoSecretaryPairing),
      'agreement.set': fail({
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后重试',
        details: [
          { path: 'goals', message: '联建目标最多 2000 个字' },
          { path: 'contacts.1.name', message: '请填写联系人' },
          { path: 'termEnd', message: '结束日期不能早于开始日期' },
        ],
      }),
    });
    const view = load(PAGE, { query: QUERY });
    await settle();
    tap(view, '#submit');
    await settle();
    expect(view.data.errors).toEqual(
      expect.objectContaining({
        goals: '联建目标最多 2000 个字',
        contacts: '请填写联系人',
        termEnd: '结束日期不能早于开始日期',
      }),
    );
    expect(textOf(view)).toContain('联建目标最多 2000 个字');
    expect(textOf(view)).toContain('请填写联系人');
  });
});
