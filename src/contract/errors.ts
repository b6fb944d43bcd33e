/**
 * The closed set of error codes the API can answer with, shared by the functions and the
 * mini-program. Each code has a default Chinese message a member can act on; a handler may
 * give a more specific message, never a stack trace or an internal detail.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '无法确认你的微信身份，请重新打开小程序',
  NOT_MEMBER: '请先加入支部后再使用此功能',
  FORBIDDEN: '你没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '数据已发生变化，请刷新后重试',
  CAPACITY_FULL: '名额已满',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  ALREADY_MEMBER: '你已经是支部党员，无需重复加入',
  INVITE_INVALID: '邀请码不存在，请核对后重新输入',
  INVITE_EXPIRED: '邀请码已过期，请联系支部书记获取新的邀请码',
  INVITE_EXHAUSTED: '邀请码使用次数已满，请联系支部书记',
  INVITE_REVOKED: '邀请码已停用，请联系支部书记获取新的邀请码',
  INTERNAL: '服务暂时不可用，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Field-level problems attached to INVALID_INPUT, so forms can mark the offending field. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `name` or `items.0.title`; empty for the whole payload. */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** The one error class handlers throw; the router turns anything else into INTERNAL. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: FieldIssue[];
  /** What went wrong underneath, for the server log only. */
  readonly cause?: unknown;

  constructor(code: ErrorCode, message?: string, options?: { details?: FieldIssue[]; cause?: unknown }) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    if (options?.details) this.details = options.details;
    if (options?.cause !== undefined) this.cause = options.cause;
  }

  toBody(): ErrorBody {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}
