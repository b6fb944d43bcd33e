/**
 * wx.cloud.callFunction failures as WeChat reports them (errMsg texts from real DevTools and
 * phone logs): a wrong env id or an undeployed function is configuration, anything else network.
 */
import { classifyCallFailure } from '../../../miniprogram/services/call-failure';

const ENV_NOT_FOUND = [
  {
    errCode: -404011,
    errMsg:
      'cloud.callFunction:fail requestID , cloud function service error code -501000, error message Environment not found',
  },
  {
    errCode: -501000,
    errMsg:
      'cloud.callFunction:fail [100003] env not exists (2fa64500) 更多错误信息请访问：https://docs.cloudbase.net/error-code/basic/INVALID_ENV',
  },
  {
    errCode: -404011,
    errMsg: 'cloud.callFunction:fail cloud function service error code -501005, error message Environment not found',
  },
  {
    errMsg:
      'cloud.callFunction:fail Error: errCode: -501000 | errMsg: Environment invalid and please check your parameters',
  },
];

const FUNCTION_NOT_FOUND = [
  {
    errCode: -501000,
    errMsg: 'cloud.callFunction:fail [ResourceNotFound.FunctionName] FunctionName parameter could not be found',
  },
  { errCode: -404011, errMsg: 'cloud.callFunction:fail FUNCTION_NOT_FOUND: 未找到指定函数' },
];

describe('classifyCallFailure', () => {
  it.each(ENV_NOT_FOUND)('reads a missing env in "$errMsg"', (err) => {
    expect(classifyCallFailure(err).kind).toBe('env-not-found');
  });

  it.each(FUNCTION_NOT_FOUND)('reads an undeployed function in "$errMsg"', (err) => {
    expect(classifyCallFailure(err).kind).toBe('function-not-found');
  });

  it('reads a function that failed before answering', () => {
    const err = {
      errCode: -404011,
      errMsg: 'cloud.callFunction:fail cloud function service error code -504002, error message Cannot find module',
    };
    expect(classifyCallFailure(err).kind).toBe('function-crashed');
  });

  it.each([
    { errMsg: 'cloud.callFunction:fail request:fail timeout' },
    { errCode: -404001, errMsg: 'cloud.callFunction:fail request:fail' },
    new Error('socket hang up'),
    undefined,
  ])('treats everything else as the network: %p', (err) => {
    expect(classifyCallFailure(err).kind).toBe('network');
  });

  it('keeps errCode and errMsg for the log', () => {
    expect(classifyCallFailure({ errCode: -404001, errMsg: 'request:fail' })).toEqual({
      kind: 'network',
      errCode: -404001,
      errMsg: 'request:fail',
    });
  });
});
