import { config } from '../../../miniprogram/config/index';
import {
  ApiError,
  callApi,
  CONFIG_ENV_MESSAGE,
  CONFIG_FUNCTION_MESSAGE,
  NETWORK_MESSAGE,
} from '../../../miniprogram/services/api';
import { fail, ok, stubCloud, stubCloudOffline } from '../helpers/cloud';
import { invitePreview } from '../helpers/fixtures';

type RequestOptions = WechatMiniprogram.RequestOption;

/** Stubs the platform's wx.request: `respond` decides what its callbacks receive. */
function stubRequest(respond: (options: RequestOptions) => void): jest.Mock {
  const request = jest.fn((options: RequestOptions) => {
    respond(options);
    return {} as WechatMiniprogram.RequestTask;
  });
  jest.spyOn(wx, 'request').mockImplementation(request as unknown as typeof wx.request);
  return request;
}

const httpOk = (statusCode: number, data: unknown) => (options: RequestOptions) =>
  options.success?.({
    statusCode,
    data,
    header: {},
    cookies: [],
    errMsg: 'request:ok',
  } as unknown as WechatMiniprogram.RequestSuccessCallbackResult);

function rejectCalls(err: { errCode: number; errMsg: string }): void {
  wx.cloud.callFunction = jest.fn(() => Promise.reject(err)) as unknown as typeof wx.cloud.callFunction;
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

describe('callApi in cloud mode', () => {
  it('calls the api function with { action, data } and returns the data', async () => {
    const calls = stubCloud({ 'invite.preview': ok(invitePreview) });
    await expect(callApi('invite.preview', { code: 'abcd2345' })).resolves.toEqual(invitePreview);
    expect(calls).toEqual([{ action: 'invite.preview', data: { code: 'abcd2345' } }]);
    expect(wx.cloud.callFunction).toHaveBeenCalledWith({
      name: 'api',
      data: { action: 'invite.preview', data: { code: 'abcd2345' } },
    });
  });

  it('turns { ok: false } into an ApiError carrying code, server message and details', async () => {
    stubCloud({
      'member.join': fail({
        code: 'INVALID_INPUT',
        message: '填写的内容有误，请检查后重试',
        details: [{ path: 'name', message: '姓名最多 20 个字' }],
      }),
    });
    const err = await caught(callApi('member.join', { code: 'ABCD2345', name: 'x'.repeat(21) }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toBe('填写的内容有误，请检查后重试');
    expect(err.details).toEqual([{ path: 'name', message: '姓名最多 20 个字' }]);
    expect(err.fieldMessage('name')).toBe('姓名最多 20 个字');
    expect(err.fieldMessage('code')).toBeUndefined();
  });

  it('keeps the server message of other errors as is', async () => {
    stubCloud({
      'invite.preview': fail({ code: 'INVITE_EXPIRED', message: '邀请码已过期，请联系支部书记获取新的邀请码' }),
    });
    const err = await caught(callApi('invite.preview', { code: 'ABCD2345' }));
    expect([err.code, err.message, err.details]).toEqual([
      'INVITE_EXPIRED',
      '邀请码已过期，请联系支部书记获取新的邀请码',
      [],
    ]);
  });

  it('turns a transport failure into NETWORK with a Chinese message', async () => {
    stubCloudOffline();
    const err = await caught(callApi('member.me', {}));
    expect([err.code, err.message]).toEqual(['NETWORK', NETWORK_MESSAGE]);
    expect(NETWORK_MESSAGE).toBe('网络不给力，请检查网络后重试');
  });

  it('tells a wrong env id from a weak network, in the message and in the log', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    rejectCalls({
      errCode: -404011,
      errMsg: 'cloud.callFunction:fail cloud function service error code -501000, error message Environment not found',
    });
    const err = await caught(callApi('member.me', {}));
    expect([err.code, err.message]).toEqual(['CONFIG', CONFIG_ENV_MESSAGE]);
    expect(CONFIG_ENV_MESSAGE).toBe('服务暂时无法使用（云环境配置有误），请联系管理员');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('cloud env "your-cloudbase-env-id" not found'));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('member.me: errCode -404011'));
  });

  it('tells an undeployed api function from a weak network', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    rejectCalls({
      errCode: -501000,
      errMsg: 'cloud.callFunction:fail [ResourceNotFound.FunctionName] FunctionName parameter could not be found',
    });
    const err = await caught(callApi('member.me', {}));
    expect([err.code, err.message]).toEqual(['CONFIG', CONFIG_FUNCTION_MESSAGE]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('cloud function "api" is not deployed'));
  });

  it('logs a network failure as one', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    stubCloudOffline();
    expect((await caught(callApi('member.me', {}))).code).toBe('NETWORK');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[api] network — member.me'));
  });

  it('treats an answer that is not an ApiResult as NETWORK', async () => {
    wx.cloud.callFunction = jest.fn(() =>
      Promise.resolve({ result: 'Internal Server Error', errMsg: 'ok', requestID: 'x' }),
    ) as unknown as typeof wx.cloud.callFunction;
    expect((await caught(callApi('member.me', {}))).code).toBe('NETWORK');
  });

  it('never uses wx.request', async () => {
    stubCloud({ 'member.me': ok({ member: null }) });
    const request = stubRequest(httpOk(200, ok({ member: null })));
    await callApi('member.me', {});
    expect(request).not.toHaveBeenCalled();
  });
});

describe('callApi in local mode', () => {
  beforeEach(() => {
    config.local.enabled = true;
  });
  afterEach(() => {
    config.local.enabled = false;
  });

  it('POSTs { action, data } to the local cloud gateway as the configured openid', async () => {
    const request = stubRequest(httpOk(200, ok({ member: null })));
    await expect(callApi('member.me', {})).resolves.toEqual({ member: null });
    expect(request).toHaveBeenCalledTimes(1);
    const options = request.mock.calls[0]?.[0] as RequestOptions;
    expect(options).toMatchObject({
      url: 'http://127.0.0.1:9100/functions/api',
      method: 'POST',
      data: { action: 'member.me', data: {} },
      header: { 'x-local-openid': 'dev-newcomer' },
    });
    expect(wx.cloud.callFunction).not.toHaveBeenCalled();
  });

  it('maps { ok: false } in the body to an ApiError', async () => {
    stubRequest(httpOk(200, fail({ code: 'INVITE_INVALID', message: '邀请码不存在，请核对后重新输入' })));
    const err = await caught(callApi('invite.preview', { code: 'ZZZZ' }));
    expect([err.code, err.message]).toEqual(['INVITE_INVALID', '邀请码不存在，请核对后重新输入']);
  });

  it('treats a non-200 status as NETWORK', async () => {
    stubRequest(httpOk(502, 'Bad Gateway'));
    expect((await caught(callApi('member.me', {}))).code).toBe('NETWORK');
  });

  it('treats a failed request as NETWORK', async () => {
    stubRequest((options) =>
      options.fail?.({ errMsg: 'request:fail timeout', errno: 5 } as WechatMiniprogram.RequestFailCallbackErr),
    );
    const err = await caught(callApi('member.me', {}));
    expect([err.code, err.message]).toEqual(['NETWORK', NETWORK_MESSAGE]);
  });
});
